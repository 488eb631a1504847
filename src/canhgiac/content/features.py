"""Turning normalised text into hashed TF-IDF features, and mapping features back to readable terms (cues).

Four blocks, each hashed into its own ``2**BLOCK_BITS`` columns (no vocabulary to ship):

* ``w``: word 1–3-grams of the normalised text (with diacritics),
* ``ws``: word 1–3-grams of the same text without diacritics,
* ``c``: character 1–5-grams inside words, with diacritics,
* ``cs``: character 1–5-grams inside words, without diacritics.

The columns are weighted by sub-linear TF (1 + log tf) × IDF (learnt in training; terms seen in fewer than
``min_df`` training texts get weight 0) and each row is L2-normalised.
"""

from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse, repeat

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from canhgiac.content.normalize import normalize_both

try:  # the compiled loop behind HashingVectorizer (scikit-learn is pinned in pyproject.toml)
    from sklearn.feature_extraction._hashing_fast import transform as _bulk_hash
except ImportError:  # pragma: no cover
    _bulk_hash = None

BLOCK_BITS = 19
BLOCK_SIZE = 2**BLOCK_BITS
BLOCKS = ("w", "ws", "c", "cs")
WORD_NGRAMS = 3
CHAR_NGRAMS = (1, 5)
CHUNK = 4096
SMALL_BATCH = 16


def word_tokens(text: str) -> list[str]:
    return [tok for tok in text.split(" ") if tok and (tok[0].isalnum() or tok[0] == "_")]


def word_ngrams(text: str) -> list[str]:
    """Word 1–3-grams (``WORD_NGRAMS``), unigrams first, then bigrams, then trigrams."""
    toks = word_tokens(text)
    if len(toks) < 2:
        return toks
    pairs = [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]  # faster than " ".join on slices
    return toks + pairs + [p + " " + c for p, c in zip(pairs, toks[2:], strict=False)]


def _word_char_ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams of one space-padded word, exactly as scikit-learn's ``char_wb`` analyzer makes them."""
    w = " " + word + " "
    grams = []
    for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        if n >= len(w):
            grams.append(w)  # a short word counts once, whatever the n
            break
        grams.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return tuple(grams)


def hash_columns(terms: list[str]) -> np.ndarray:
    """Columns of many terms at once (int64), each exactly ``column_of(term)``: one call into scikit-learn's compiled
    hashing loop (the one HashingVectorizer runs) instead of one Python call per term."""
    if not terms:
        return np.zeros(0, dtype=np.int64)
    if _bulk_hash is None:  # pragma: no cover - scikit-learn moved its private helper
        return np.fromiter(map(column_of, terms), dtype=np.int64, count=len(terms))
    indices = _bulk_hash((zip(terms, repeat(1)),), BLOCK_SIZE, np.float32, False, 0)[0]
    return indices.astype(np.int64)


def _word_char_columns(word: str) -> np.ndarray:
    """Hashed columns of a word's character n-grams (what HashingVectorizer computes for each n-gram string)."""
    return hash_columns(list(_word_char_ngrams(word))).astype(np.int32)


def clear_caches() -> None:
    """Empty the hashing caches (training calls this before its memory peak)."""
    column_of.cache_clear()
    CHAR_COLUMNS.clear()


def char_counts(texts: list[str]) -> sp.csr_matrix:
    """Counts of hashed ``char_wb`` n-grams, one row per text: the same matrix as HashingVectorizer with
    scikit-learn's ``char_wb`` analyzer, built from per-word cached columns so that each n-gram string is hashed
    once per distinct word, not once per occurrence (hashing was most of the time on SMS-length texts)."""
    cols, sizes = CHAR_COLUMNS.packed(" ".join(texts).split())
    per_text = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t.split()) for t in texts], out=per_text[1:])
    part_end = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=part_end[1:])
    indices = cols.astype(np.int32)
    matrix = sp.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, part_end[per_text]),
                           shape=(len(texts), BLOCK_SIZE))  # fmt: skip
    matrix.sum_duplicates()
    return matrix


@lru_cache(maxsize=100_000)
def column_of(term: str) -> int:
    """Column of ``term`` inside its block, as scikit-learn's HashingVectorizer computes it (cached: cues look up
    the same words again and again)."""
    return abs(murmurhash3_32(term, seed=0)) % BLOCK_SIZE


@dataclass
class Prepared:
    normal: list[str]
    stripped: list[str]


def prepare(texts: list[str]) -> Prepared:
    pairs = list(map(normalize_both, texts))
    return Prepared([p[0] for p in pairs], [p[1] for p in pairs])


_CACHE_MAX = 200_000


class _CharColumns(dict):
    """word -> the columns (inside a block) of its character n-grams, packed as uint32 bytes, kept between calls:
    words recur, so most of a text's character n-grams are hashed once per process, and a batch's columns are one
    ``bytes.join``. Both character blocks share it (the block only adds an offset). Emptied at ``_CACHE_MAX``."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, tuple[bytes, bytes]] = {}

    def _fill(self, words: list[str]) -> None:
        # not set.difference(self): for a dict subclass it walks the whole cache
        missing = set(filterfalse(self.__contains__, set(words)))
        if not missing:
            return
        if len(self) + len(missing) > _CACHE_MAX:
            self.clear()
        new = sorted(missing)
        grams = [_word_char_ngrams(w) for w in new]
        cols = hash_columns([g for gs in grams for g in gs]).astype("<u4")
        ends = np.cumsum([len(gs) for gs in grams]).tolist()
        self.update(zip(new, [part.tobytes() for part in np.split(cols, ends[:-1])], strict=True))

    def packed(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The columns of all of ``words``' character n-grams one after the other (uint32, inside the block) and
        how many each word has."""
        self._fill(words)
        parts = list(map(self.__getitem__, words))
        sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) // 4
        return np.frombuffer(b"".join(parts), dtype="<u4"), sizes

    def counted(self, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each word's character n-gram columns made distinct (sorted) with their counts, one word after the other
        (what cues need): ``(columns uint32, counts float32, how many columns each word has)``."""
        missing = set(filterfalse(self.counts.__contains__, set(words)))
        if missing:
            if len(self.counts) + len(missing) > _CACHE_MAX:
                self.counts.clear()
            new = sorted(missing)
            cols, sizes = self.packed(new)
            keys, counts = np.unique(np.repeat(np.arange(len(new), dtype=np.int64), sizes) * BLOCK_SIZE + cols,
                                     return_counts=True)  # fmt: skip
            ends = np.searchsorted(keys // BLOCK_SIZE, np.arange(1, len(new))).tolist()
            packed_cols = [c.tobytes() for c in np.split((keys % BLOCK_SIZE).astype("<u4"), ends)]
            packed_counts = [c.tobytes() for c in np.split(counts.astype("<f4"), ends)]
            self.counts.update(zip(new, zip(packed_cols, packed_counts, strict=True), strict=True))
        parts = list(map(self.counts.__getitem__, words))
        cols_b = [p[0] for p in parts]
        sizes = np.fromiter(map(len, cols_b), dtype=np.int64, count=len(parts)) // 4
        counts_b = b"".join([p[1] for p in parts])
        return np.frombuffer(b"".join(cols_b), dtype="<u4"), np.frombuffer(counts_b, dtype="<f4"), sizes

    def clear(self) -> None:
        super().clear()
        self.counts.clear()


CHAR_COLUMNS = _CharColumns()


def word_columns(texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
    """Word n-grams of each text and their columns in the block (flat, text by text)."""
    grams = list(map(word_ngrams, texts))
    return grams, hash_columns([g for gs in grams for g in gs])


_C1, _C2 = 0xCC9E2D51, 0x1B873593
_TAIL_MASK = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF], dtype=np.uint32)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _murmur_columns(buf: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``column_of`` of each byte segment ``buf[start:start + length]`` (UTF-8 of a term): MurmurHash3 (x86, 32 bits,
    seed 0) in numpy, for all the segments at once, 4-byte block by 4-byte block (segments sorted by length so that
    the ones still running are a prefix)."""
    padded = np.concatenate([buf, np.zeros(4, dtype=np.uint8)]).astype(np.uint32)
    words = padded[:-3] | (padded[1:-2] << 8) | (padded[2:-1] << 16) | (padded[3:] << 24)  # little-endian, any offset
    n_blocks = lengths // 4
    order = np.argsort(-n_blocks.astype(np.int16), kind="stable")  # radix sort on 16 bits
    starts, lengths, n_blocks = starts[order], lengths[order], n_blocks[order]
    h = np.zeros(len(starts), dtype=np.uint32)
    running = np.bincount(n_blocks)[::-1].cumsum()[::-1] if len(n_blocks) else np.zeros(1, dtype=np.int64)
    for block in range(1, len(running)):
        m = int(running[block])  # segments with more than ``block - 1`` blocks
        k = words[starts[:m] + 4 * (block - 1)] * np.uint32(_C1)
        k = _rotl(k, 15) * np.uint32(_C2)
        x = _rotl(h[:m] ^ k, 13)
        h[:m] = x * np.uint32(5) + np.uint32(0xE6546B64)
    rest = (lengths & 3).astype(np.int64)
    tail = words[starts + 4 * n_blocks] & _TAIL_MASK[rest]
    k = _rotl(tail * np.uint32(_C1), 15) * np.uint32(_C2)
    h = np.where(rest > 0, h ^ k, h)
    h ^= lengths.astype(np.uint32)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    out = np.empty(len(h), dtype=np.int64)
    out[order] = np.abs(h.view(np.int32).astype(np.int64)) % BLOCK_SIZE
    return out


def word_gram_columns(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """How many word n-grams each text has and their columns (flat, text by text, in ``word_ngrams``' order),
    without making the n-gram strings: the texts' kept words are joined and encoded once, and an n-gram is the byte
    range from its first word's start to its last word's end (the words are one space apart)."""
    if len(texts) < SMALL_BATCH:  # a few texts: the strings cost less than the arrays' fixed overhead
        grams, cols = word_columns(texts)
        return np.fromiter(map(len, grams), dtype=np.int64, count=len(grams)), cols
    kept = [" ".join(word_tokens(t)) for t in texts]
    n_tok = np.fromiter((t.count(" ") + 1 if t else 0 for t in kept), dtype=np.int64, count=len(kept))
    data = "\n".join(kept).encode("utf-8")
    buf = np.frombuffer(data, dtype=np.uint8)
    cut = np.flatnonzero((buf == 32) | (buf == 10))
    starts = np.concatenate([[0], cut + 1])
    ends = np.concatenate([cut, [len(buf)]])
    filled = ends > starts
    starts, ends = starts[filled], ends[filled]
    n = n_tok
    sizes = np.where(n >= 2, 3 * n - 3, n)
    if len(starts) != int(n.sum()):  # a word with a line break inside (never after ``normalize``)
        grams, cols = word_columns(texts)
        return np.fromiter(map(len, grams), dtype=np.int64, count=len(grams)), cols
    text_of = np.repeat(np.arange(len(texts), dtype=np.int64), n)
    tok_off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(n, out=tok_off[1:])
    place = np.arange(len(starts), dtype=np.int64) - tok_off[text_of]  # a word's place in its text
    out_off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(sizes, out=out_off[1:])
    seg_start, seg_end, dest = [starts], [ends], [out_off[text_of] + place]
    for span, first in ((1, n), (2, 2 * n - 1)):  # bigrams after the n unigrams, trigrams after the n - 1 bigrams
        ok = place + span < n[text_of]
        idx = np.flatnonzero(ok)
        seg_start.append(starts[idx])
        seg_end.append(ends[idx + span])
        dest.append(out_off[text_of[idx]] + first[text_of[idx]] + place[idx])
    seg_s = np.concatenate(seg_start)
    cols = np.empty(int(sizes.sum()), dtype=np.int64)
    cols[np.concatenate(dest)] = _murmur_columns(buf, seg_s, np.concatenate(seg_end) - seg_s)
    return sizes, cols


def block_counts(normal: list[str], stripped: list[str], grams_out: list | None = None) -> sp.csr_matrix:
    """Counts of the four hashed blocks side by side, one row per text: the same matrix as four scikit-learn
    HashingVectorizers (word 1–3-grams, ``char_wb`` 1–5-grams; without diacritics too) stacked, built in one pass.

    Per-text Python is kept to picking the words: the word n-grams of the batch are hashed together from the
    encoded text (``word_gram_columns``), each distinct word's character n-grams once per process
    (``CHAR_COLUMNS``), and the counting is done by numpy over the whole batch. ``grams_out`` receives the number of
    word n-grams of each text and their columns, for each form (cues reuse them)."""
    n_rows = len(normal)
    # keys row * BLOCK_SIZE + column, counted block by block: 32-bit keys sort twice as fast as 64-bit ones
    key_type = np.uint32 if n_rows * BLOCK_SIZE <= 2**32 else np.int64
    rows = np.arange(n_rows, dtype=key_type)
    per_block = []
    for texts in (normal, stripped):
        sizes, cols = word_gram_columns(texts)
        if grams_out is not None:
            grams_out.append((sizes, cols))
        per_block.append(np.unique(np.repeat(rows, sizes) * BLOCK_SIZE + cols.astype(key_type), return_counts=True))
    for texts in (normal, stripped):
        n_words = np.fromiter(map(len, map(str.split, texts)), dtype=np.int64, count=n_rows)
        cols, sizes = CHAR_COLUMNS.packed(" ".join(texts).split())
        keys = np.repeat(np.repeat(rows, n_words), sizes) * BLOCK_SIZE + cols.astype(key_type)
        per_block.append(np.unique(keys, return_counts=True))
    # the blocks side by side: in each row, block 0's columns, then block 1's… (each block's already sorted)
    block_rows = [np.bincount((keys // BLOCK_SIZE).astype(np.int64), minlength=n_rows) for keys, _ in per_block]
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(sum(block_rows), out=indptr[1:])
    indices = np.empty(indptr[-1], dtype=np.int32)
    data = np.empty(indptr[-1], dtype=np.float32)
    before = indptr[:-1].copy()  # where each row's entries of the current block start
    for block, ((keys, counts), in_row) in enumerate(zip(per_block, block_rows, strict=True)):
        start = np.zeros(n_rows, dtype=np.int64)
        np.cumsum(in_row[:-1], out=start[1:])
        pos = np.arange(len(keys), dtype=np.int64) + np.repeat(before - start, in_row)
        indices[pos] = (keys % BLOCK_SIZE).astype(np.int32) + block * BLOCK_SIZE
        data[pos] = counts
        before += in_row
    return sp.csr_matrix((data, indices, indptr), shape=(n_rows, BLOCK_SIZE * len(BLOCKS)))


class Featurizer:
    """Hashed TF-IDF over the four blocks; ``fit`` learns the IDF only."""

    def __init__(self) -> None:
        self.idf: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        return BLOCK_SIZE * len(BLOCKS)

    def _chunks(self, prep: Prepared, grams_out: list | None = None):
        for start in range(0, len(prep.normal), CHUNK):
            end = start + CHUNK
            yield block_counts(prep.normal[start:end], prep.stripped[start:end], grams_out)

    def counts(self, prep: Prepared) -> sp.csr_matrix:
        """Raw n-gram counts, built in chunks so that training on 50,000 texts stays well under 1 GB."""
        chunks = list(self._chunks(prep))
        return chunks[0] if len(chunks) == 1 else sp.vstack(chunks, format="csr")

    def fit(self, prep: Prepared, min_df: int = 2) -> "Featurizer":
        df = np.zeros(self.n_features, dtype=np.float64)
        for chunk in self._chunks(prep):
            df += np.bincount(chunk.indices, minlength=self.n_features)
        n_docs = len(prep.normal)
        self.idf = np.where(df >= min_df, np.log((1 + n_docs) / (1 + df)) + 1, 0.0).astype(np.float32)
        return self

    def transform(
        self, prep: Prepared, cols: np.ndarray | None = None, dtype=np.float32, grams_out: list | None = None
    ) -> sp.csr_matrix:
        """TF-IDF rows, L2-normalised; with ``cols``, only those columns (chunk by chunk, to save memory).

        ``dtype=np.float64`` gives the matrix the solvers want without a second full-size conversion. ``grams_out``
        receives, chunk by chunk, the word n-gram counts and columns of each form (``block_counts``).
        """
        assert self.idf is not None, "fit() first"
        out = []
        for counts in self._chunks(prep, grams_out):
            data = (np.log(counts.data) + 1.0) * self.idf[counts.indices]
            lengths = np.diff(counts.indptr)
            filled = lengths > 0  # a text with no n-gram at all (only invisible characters) has an empty row
            norms = np.ones(counts.shape[0])
            if len(data):
                norms[filled] = np.sqrt(np.add.reduceat(data * data, counts.indptr[:-1][filled]))
            norms[norms == 0] = 1.0
            data /= np.repeat(norms, lengths)
            counts = sp.csr_matrix((data.astype(dtype), counts.indices, counts.indptr), shape=counts.shape)
            counts.eliminate_zeros()
            counts = counts if cols is None else counts[:, cols]
            out.append(counts)
        return out[0] if len(out) == 1 else sp.vstack(out, format="csr")

    def state(self) -> dict:
        assert self.idf is not None, "fit() first"
        cols = np.flatnonzero(self.idf).astype(np.int32)
        return {"cols": cols, "idf": self.idf[cols].astype(np.float16)}

    @classmethod
    def from_state(cls, state: dict) -> "Featurizer":
        obj = cls()
        idf = np.zeros(obj.n_features, dtype=np.float32)
        idf[state["cols"]] = state["idf"].astype(np.float32)
        obj.idf = idf
        return obj
