"""Cues: the words and phrases that pushed each flagged text towards its class, for a whole batch at once.

A column's contribution to class k is its value in the text's row × (weight of k − mean weight of the other
classes). A readable term (word 1–3-gram of the normalised text) gets the contributions of its word n-gram columns
(with and without diacritics); character n-gram columns are shared among the words that contain them, in
proportion to their counts. A phrase scores its own contribution plus its words', so "tài khoản" beats "tài" and
"khoản" shown apart; only phrases whose every word pushes towards the class are candidates, and a phrase that
shares a word with a stronger one is skipped. Ties keep the text's order.

Everything up to the choice of at most ``N_CUES`` terms per text is array arithmetic over the batch; only the
final choice walks each text's few best candidates in Python.
"""

from itertools import repeat

import numpy as np

from canhgiac.content.features import BLOCK_SIZE, BLOCKS, CHAR_COLUMNS, Prepared, word_gram_columns, word_tokens

N_CUES = 5
WIDTH = BLOCK_SIZE * len(BLOCKS)


def _offsets(sizes: list[int]) -> np.ndarray:
    out = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=out[1:])
    return out


def _char_shares(words: list[str], n_words: np.ndarray, block: int, lookup) -> np.ndarray:
    """Each word occurrence's share of the contributions of its character n-gram columns (a column shared by
    several words of a text is split in proportion to their counts)."""
    cols, counts, sizes = CHAR_COLUMNS.counted(words)  # per word: distinct columns (sorted), their counts
    owner = np.repeat(np.arange(len(words), dtype=np.int64), sizes)
    text_of = np.repeat(np.repeat(np.arange(len(n_words), dtype=np.int64), n_words), sizes)
    uniq, inv = np.unique(text_of * WIDTH + cols.astype(np.int64) + block * BLOCK_SIZE, return_inverse=True)
    colsum = np.bincount(inv, weights=counts)
    share = counts / colsum[inv] * lookup(uniq)[inv]
    return np.bincount(owner, weights=share, minlength=len(words))


def _rows_grams(grams: list, rows: list[int]) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """The word n-gram counts and columns of ``rows`` for each form, from what ``block_counts`` kept chunk by chunk
    (``grams``: per chunk, (counts, columns) of the normalised form, then of the form without diacritics)."""
    out = []
    for form in (0, 1):
        sizes = np.concatenate([chunk[0] for chunk in grams[form::2]])
        cols = np.concatenate([chunk[1] for chunk in grams[form::2]])
        if len(rows) == len(sizes):  # every text (rows are in order and distinct)
            out.append((sizes, cols))
            continue
        want = sizes[rows]
        start = _offsets(sizes.tolist())[rows]
        take = np.repeat(start - _offsets(want.tolist())[:-1], want) + np.arange(int(want.sum()), dtype=np.int64)
        out.append((want, cols[take]))
    return tuple(out)


def word_cues(W: np.ndarray, prep: Prepared, X, rows: list[int], classes: list[int], grams=None) -> list[list[str]]:
    """Up to ``N_CUES`` terms for each text ``rows[j]`` towards class ``classes[j]``, strongest first (``W``: the
    head's weights, one column per class; ``X``: the TF-IDF rows of ``prep``; ``grams``: what
    ``Featurizer.transform(prep, grams_out=…)`` kept, or None to compute the n-grams again)."""
    n_rows = len(rows)
    Xr = X[rows]
    nnz_row = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(Xr.indptr))
    Wr = W[Xr.indices]
    k = Wr.shape[1]
    own = Wr[np.arange(len(Wr)), np.asarray(classes, dtype=np.int64)[nnz_row]]
    wc = own - (Wr.sum(axis=1) - own) / max(k - 1, 1) if k > 1 else Wr[:, 0]
    row_keys = nnz_row * WIDTH + Xr.indices  # sorted: rows in order, columns sorted in each row
    row_vals = Xr.data * wc

    def lookup(keys: np.ndarray) -> np.ndarray:
        if not len(row_keys):
            return np.zeros(len(keys), dtype=row_vals.dtype)
        pos = np.minimum(np.searchsorted(row_keys, keys), len(row_keys) - 1)
        return np.where(row_keys[pos] == keys, row_vals[pos], 0.0)

    local = np.arange(n_rows, dtype=np.int64)
    normal = [prep.normal[i] for i in rows]
    stripped = [prep.stripped[i] for i in rows]
    # a text's terms are its display grams (normal text): n unigrams, n - 1 bigrams, n - 2 trigrams (fewer than 2
    # words: only unigrams); the grams without diacritics give their values to the display gram at the same place.
    # A word is known in its text by the first place it appears there, a phrase by its words (no phrase strings).
    toks = [word_tokens(t) for t in normal]
    shown = [t.split() for t in normal]
    tok_ids: list[int] = []
    word_ids: list[int] = []
    for ts, ws in zip(toks, shown, strict=True):
        seen: dict[str, int] = {}
        tok_ids += map(seen.setdefault, ts, range(len(ts)))
        word_ids += map(seen.get, ws, repeat(-1))  # a word that starts with a letter or digit is a token
    n_tok = np.array([len(t) for t in toks], dtype=np.int64)
    d_len = np.where(n_tok >= 2, 3 * n_tok - 3, n_tok)
    d_off = _offsets(d_len.tolist())
    tok_off = _offsets(n_tok.tolist())
    if grams:
        (_, cols0), (s_len, cols1) = _rows_grams(grams, rows)
    else:
        (_, cols0), (s_len, cols1) = word_gram_columns(normal), word_gram_columns(stripped)
    n_places = int(d_len.sum())
    text_d = np.repeat(local, d_len)
    place_d = np.arange(n_places, dtype=np.int64) - d_off[text_d]
    uni_n = n_tok[text_d]
    size = np.where(place_d < uni_n, 1, np.where(place_d < 2 * uni_n - 1, 2, 3))
    first = np.where(size == 1, place_d, np.where(size == 2, place_d - uni_n, place_d - (2 * uni_n - 1)))
    first_tok = tok_off[text_d] + first  # flat index of the gram's first word
    ids = np.asarray(tok_ids, dtype=np.int64)
    span = int(n_tok.max()) + 1 if n_rows else 1
    term_id = ids[first_tok] if n_places else np.zeros(0, dtype=np.int64)
    for step in (1, 2):
        longer = size > step
        term_id = np.where(longer, span + term_id * span + ids[np.where(longer, first_tok + step, 0)], term_id)
    n_ids = span + span * span + span**3  # unigram: id; bigram: span + id1·span + id2; trigram: the same again
    v0 = lookup(text_d * WIDTH + cols0)
    text_s = np.repeat(local, s_len)
    place = np.arange(len(cols1), dtype=np.int64) - _offsets(s_len.tolist())[text_s]
    keep = place < d_len[text_s]
    v1 = lookup(text_s * WIDTH + cols1 + BLOCK_SIZE)[keep]
    at1 = d_off[text_s[keep]] + place[keep]
    # character shares go to the words shown that start with a letter or digit
    n_words = np.array([len(w) for w in shown], dtype=np.int64)
    words = [w for ws in shown for w in ws]
    alnum = np.fromiter(map(str.isalnum, [w[0] for w in words]), dtype=bool, count=len(words))
    word_text = np.repeat(local, n_words)[alnum]
    word_id = np.asarray(word_ids, dtype=np.int64)[alnum]
    c2 = _char_shares(words, n_words, 2, lookup)[alnum]
    c3 = _char_shares([w for t in stripped for w in t.split()], n_words, 3, lookup)[alnum]
    # one entry per contribution, in the order a term's sum is made: word grams, then without diacritics, then
    # the two character blocks; an entry "inserts" its term when its value is not zero (character shares always)
    text_e = np.concatenate([text_d, text_s[keep], word_text, word_text])
    term_e = np.concatenate([term_id, term_id[at1], word_id, word_id])
    value_e = np.concatenate([v0.astype(np.float64), v1.astype(np.float64), c2, c3])
    inserts = np.concatenate([v0 != 0, v1 != 0, np.ones(2 * len(word_id), dtype=bool)])
    bins, inv = np.unique(text_e * n_ids + term_e, return_inverse=True)
    total = np.bincount(inv, weights=value_e, minlength=len(bins))
    member = np.bincount(inv, weights=inserts, minlength=len(bins)) > 0
    rank = np.full(len(bins), len(inv), dtype=np.int64)
    np.minimum.at(rank, inv[inserts], np.flatnonzero(inserts))
    bin_text = bins // n_ids
    first_word = d_off[text_d] + first  # display place of the gram's first word (a unigram of the same text)
    # a term's words, from any one of its places
    gram_bin = inv[:n_places]  # the bin of each display place (a unigram place: its word's bin)
    one_place = np.full(len(bins), -1, dtype=np.int64)
    one_place[gram_bin] = np.arange(n_places, dtype=np.int64)
    positive = member & (total > 0)
    candidate_value = np.where(positive, total, 0.0)
    is_unigram = np.ones(len(bins), dtype=bool)
    has_place = one_place >= 0
    is_unigram[has_place] = size[one_place[has_place]] == 1
    ok = positive & is_unigram
    phrase = has_place & ~is_unigram & member
    if phrase.any():
        where = one_place[phrase]
        acc = np.zeros(len(where))
        all_positive = np.ones(len(where), dtype=bool)
        for step in range(3):
            inside = step < size[where]
            wb = gram_bin[first_word[where] + np.where(inside, step, 0)]
            all_positive &= ~inside | positive[wb]
            acc = np.where(inside, acc + total[wb], acc)
        phrase_total = total[phrase] + acc
        good = all_positive & (phrase_total > 0)
        idx = np.flatnonzero(phrase)
        candidate_value[idx[good]] = phrase_total[good]
        ok[idx[good]] = True
    cand = np.flatnonzero(ok)
    order = cand[np.lexsort((rank[cand], -candidate_value[cand], bin_text[cand]))]
    chosen: list[list[str]] = [[] for _ in range(n_rows)]
    used: list[set[str]] = [set() for _ in range(n_rows)]
    for text, at in zip(bin_text[order].tolist(), one_place[order].tolist(), strict=True):
        picked = chosen[text]
        if len(picked) >= N_CUES:
            continue
        start = int(first[at])
        term_words_list = toks[text][start : start + int(size[at])]
        term = " ".join(term_words_list)
        term_words = set(term_words_list)
        if term_words & used[text]:
            continue
        picked.append(term)
        used[text] |= term_words
    return chosen
