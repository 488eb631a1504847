"""Turning normalised text into hashed TF-IDF features, and mapping features back to readable terms (cues).

Four blocks, each hashed into its own ``2**BLOCK_BITS`` columns (no vocabulary to ship):

* ``w``: word 1–3-grams of the normalised text (with diacritics),
* ``ws``: word 1–3-grams of the same text without diacritics,
* ``c``: character 1–5-grams inside words, with diacritics,
* ``cs``: character 1–5-grams inside words, without diacritics.

The columns are weighted by sub-linear TF (1 + log tf) × IDF (learnt in training; terms seen in fewer than
``min_df`` training texts get weight 0) and each row is L2-normalised.
"""

import array
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from canhgiac.content.normalize import normalize, strip_diacritics

BLOCK_BITS = 19
BLOCK_SIZE = 2**BLOCK_BITS
BLOCKS = ("w", "ws", "c", "cs")
WORD_NGRAMS = 3
CHAR_NGRAMS = (1, 5)
CHUNK = 4096


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


@lru_cache(maxsize=50_000)
def _word_char_columns(word: str) -> np.ndarray:
    """Hashed columns of a word's character n-grams (what HashingVectorizer computes for each n-gram string)."""
    return np.fromiter((column_of(g) for g in _word_char_ngrams(word)), dtype=np.int32)


def clear_caches() -> None:
    """Empty the hashing caches (training calls this before its memory peak)."""
    _word_char_columns.cache_clear()
    column_of.cache_clear()
    for block in BLOCK_COLUMNS:
        block.clear()


def char_counts(texts: list[str]) -> sp.csr_matrix:
    """Counts of hashed ``char_wb`` n-grams, one row per text: the same matrix as HashingVectorizer with
    scikit-learn's ``char_wb`` analyzer, built from per-word cached columns so that each n-gram string is hashed
    once per distinct word, not once per occurrence (hashing was most of the time on SMS-length texts)."""
    parts: list[np.ndarray] = []
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    total = 0
    for row, text in enumerate(texts):
        for word in text.split():
            cols = _word_char_columns(word)
            parts.append(cols)
            total += len(cols)
        indptr[row + 1] = total
    indices = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    matrix = sp.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(texts), BLOCK_SIZE))
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
    normal = [normalize(t) for t in texts]
    return Prepared(normal, [strip_diacritics(t) for t in normal])


_CACHE_MAX = 200_000


class _Columns(dict):
    """term -> its column(s) with the block's offset, computed on first use; lookups stay in C (``map``)."""

    def __init__(self, offset: int, chars: bool) -> None:
        super().__init__()
        self.offset, self.chars = offset, chars

    def __missing__(self, term: str):
        off = self.offset
        value = (_word_char_columns(term) + off).astype(np.int64) if self.chars else off + column_of(term)
        if len(self) < _CACHE_MAX:
            self[term] = value
        return value


BLOCK_COLUMNS = [_Columns(i * BLOCK_SIZE, chars=i >= 2) for i in range(4)]


def block_counts(normal: list[str], stripped: list[str]) -> sp.csr_matrix:
    """Counts of the four hashed blocks side by side, one row per text: the same matrix as four scikit-learn
    HashingVectorizers (word 1–3-grams, ``char_wb`` 1–5-grams; without diacritics too) stacked, built in one pass.

    Per-call overhead mattered more than hashing (a queue classifies a few texts at a time): no vectoriser objects,
    no ``hstack``; each distinct word n-gram and each word's character n-grams are hashed once per process
    (``_GRAM_COLS``, ``_CHAR_COLS``)."""
    words = array.array("q")  # word n-gram columns, row by row
    word_rows = array.array("q")
    parts: list[np.ndarray] = []  # character n-gram columns: one cached array per word
    part_rows = array.array("q")
    w0, w1, c2, c3 = (b.__getitem__ for b in BLOCK_COLUMNS)
    for n_text, s_text in zip(normal, stripped, strict=True):
        start = len(words)
        words.extend(map(w0, word_ngrams(n_text)))
        words.extend(map(w1, word_ngrams(s_text)))
        word_rows.append(len(words) - start)
        n_parts = len(parts)
        parts.extend(map(c2, n_text.split()))
        parts.extend(map(c3, s_text.split()))
        part_rows.append(len(parts) - n_parts)
    n_rows = len(normal)
    width = BLOCK_SIZE * len(BLOCKS)
    rows = np.arange(n_rows, dtype=np.int64)
    word_keys = np.repeat(rows, np.frombuffer(word_rows, dtype=np.int64)) * width + np.frombuffer(words, np.int64)
    if parts:
        part_sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        part_row = np.repeat(rows, np.frombuffer(part_rows, dtype=np.int64))
        char_keys = np.repeat(part_row, part_sizes) * width + np.concatenate(parts)
        word_keys = np.concatenate([word_keys, char_keys])
    keys, counts = np.unique(word_keys, return_counts=True)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // width, minlength=n_rows), out=indptr[1:])
    indices = (keys % width).astype(np.int32)
    return sp.csr_matrix((counts.astype(np.float32), indices, indptr), shape=(n_rows, width))


class Featurizer:
    """Hashed TF-IDF over the four blocks; ``fit`` learns the IDF only."""

    def __init__(self) -> None:
        self.idf: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        return BLOCK_SIZE * len(BLOCKS)

    def _chunks(self, prep: Prepared):
        for start in range(0, len(prep.normal), CHUNK):
            yield block_counts(prep.normal[start : start + CHUNK], prep.stripped[start : start + CHUNK])

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

    def transform(self, prep: Prepared, cols: np.ndarray | None = None, dtype=np.float32) -> sp.csr_matrix:
        """TF-IDF rows, L2-normalised; with ``cols``, only those columns (chunk by chunk, to save memory).

        ``dtype=np.float64`` gives the matrix the solvers want without a second full-size conversion.
        """
        out = []
        for counts in self._chunks(prep):
            data = (np.log(counts.data) + 1.0) * self.idf[counts.indices]
            sq = np.add.reduceat(data * data, counts.indptr[:-1]) if len(data) else np.zeros(0)
            lengths = np.diff(counts.indptr)
            norms = np.zeros(counts.shape[0])
            norms[lengths > 0] = np.sqrt(sq[lengths > 0])
            norms[norms == 0] = 1.0
            data /= np.repeat(norms, lengths)
            counts = sp.csr_matrix((data.astype(dtype), counts.indices, counts.indptr), shape=counts.shape)
            counts.eliminate_zeros()
            counts = counts if cols is None else counts[:, cols]
            out.append(counts)
        return out[0] if len(out) == 1 else sp.vstack(out, format="csr")

    def state(self) -> dict:
        cols = np.flatnonzero(self.idf).astype(np.int32)
        return {"cols": cols, "idf": self.idf[cols].astype(np.float16)}

    @classmethod
    def from_state(cls, state: dict) -> "Featurizer":
        obj = cls()
        idf = np.zeros(obj.n_features, dtype=np.float32)
        idf[state["cols"]] = state["idf"].astype(np.float32)
        obj.idf = idf
        return obj
