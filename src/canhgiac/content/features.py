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

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize as l2_normalize
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
    toks = word_tokens(text)
    grams = list(toks)
    for n in range(2, WORD_NGRAMS + 1):
        grams.extend(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return grams


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


def _hasher(analyzer) -> HashingVectorizer:
    kwargs = {"n_features": BLOCK_SIZE, "alternate_sign": False, "norm": None, "lowercase": False}
    return HashingVectorizer(analyzer=analyzer, **kwargs)


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


class Featurizer:
    """Hashed TF-IDF over the four blocks; ``fit`` learns the IDF only."""

    def __init__(self) -> None:
        self.word = _hasher(word_ngrams)
        self.idf: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        return BLOCK_SIZE * len(BLOCKS)

    def _chunks(self, prep: Prepared):
        for start in range(0, len(prep.normal), CHUNK):
            normal, stripped = prep.normal[start : start + CHUNK], prep.stripped[start : start + CHUNK]
            blocks = [self.word.transform(normal), self.word.transform(stripped),
                      char_counts(normal), char_counts(stripped)]  # fmt: skip
            yield sp.hstack(blocks, format="csr", dtype=np.float32)

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
            np.log(counts.data, out=counts.data)
            counts.data += 1.0
            counts.data *= self.idf[counts.indices]
            counts.eliminate_zeros()
            counts = l2_normalize(counts, copy=False)
            counts = counts if cols is None else counts[:, cols]
            out.append(counts.astype(dtype, copy=False))
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
