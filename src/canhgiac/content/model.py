"""The trained content classifier: two linear heads over shared hashed features, saving/loading, cues.

* ``triage`` head: the seven content classes of ``datasets.LABELS``; gives ``Prediction.label``.
* ``speech`` head: ViHSD's clean / offensive / hate, trained and measured on ViHSD only; gives
  ``Prediction.speech``.

Each head is one weight matrix (an ensemble of logistic regression and linear SVM is itself linear, so it is
folded into one matrix at training time) plus an intercept and per-class offsets tuned on dev data.
"""

import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path

import joblib
import numpy as np

from canhgiac.content.features import BLOCK_SIZE, BLOCKS, CHAR_COLUMNS, Featurizer, prepare, word_columns
from canhgiac.content.signals import WEIGHTS, signals_prepared

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "content-classifier.joblib"
FORMAT_VERSION = 1
PLACEHOLDERS = {"xurl": "[liên kết]", "xphone": "[số điện thoại]", "xmoney": "[số tiền]", "xemoji": "[emoji]",
                "xemail": "[email]"}  # fmt: skip
N_CUES = 5


@dataclass
class Prediction:
    """What the classifier says about one text."""

    label: str
    scores: dict[str, float]
    cues: list[str] = field(default_factory=list)
    speech: str = "clean"
    speech_scores: dict[str, float] = field(default_factory=dict)
    uncertain: bool = False  # the label's score is in the class's uncertain band (the queue shows these apart)
    signals: list[str] = field(default_factory=list)  # codes of the signals beyond the words (``signals.py``)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Head:
    labels: tuple[str, ...]
    cols: np.ndarray  # int32 global columns with a weight
    coef: np.ndarray  # (len(cols), n_labels)
    intercept: np.ndarray  # (n_labels,)
    offsets: np.ndarray  # (n_labels,) tuned on dev
    scale: float = 1.0  # softmax temperature for the scores
    dense: np.ndarray | None = None

    def weights(self, n_features: int) -> np.ndarray:
        if self.dense is None:
            dense = np.zeros((n_features, len(self.labels)), dtype=np.float32)
            dense[self.cols] = self.coef.astype(np.float32)
            self.dense = dense
        return self.dense

    def decision(self, X) -> np.ndarray:
        return np.asarray(X @ self.weights(X.shape[1])) + self.intercept + self.offsets

    def state(self) -> dict:
        return {"labels": self.labels, "cols": self.cols, "coef": self.coef.astype(np.float16),
                "intercept": self.intercept, "offsets": self.offsets, "scale": self.scale}  # fmt: skip


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _display(term: str) -> str:
    return " ".join(PLACEHOLDERS.get(tok, tok) for tok in term.split(" "))


def choose_cues(scores: dict[str, float]) -> list[str]:
    """Up to ``N_CUES`` phrases that pushed a text towards its class (``scores``: term -> contribution), strongest
    first. A phrase scores its own n-gram weight plus the weights of its words, so "tài khoản" beats "tài" and
    "khoản" shown apart; phrases that share a word with a stronger one are skipped."""
    positive = {t: v for t, v in scores.items() if v > 0 and " " not in t}
    candidates = []  # (combined value, term), only phrases whose every word pushes towards the class
    get = positive.get
    for term, value in scores.items():
        if term in positive:
            candidates.append((value, term))
        elif " " in term:
            words = 0.0  # the sum of the words' values, added in the phrase's order
            for word in term.split(" "):
                v = get(word)
                if v is None:
                    break
                words += v
            else:
                if value + words > 0:
                    candidates.append((value + words, term))
    candidates.sort(key=lambda c: -c[0])  # stable: ties keep the text's order
    chosen: list[str] = []
    used: set[str] = set()
    for _, term in candidates:
        term_words = set(term.split(" "))
        if term_words & used:
            continue
        chosen.append(term)
        used |= term_words
        if len(chosen) >= N_CUES:
            break
    return [_display(t) for t in chosen]


class ContentModel:
    """Featuriser + the two heads. ``classify`` is the one call the rest of canhgiac needs."""

    def __init__(self, featurizer: Featurizer, triage: Head, speech: Head, meta: dict | None = None) -> None:
        self.featurizer = featurizer
        self.triage = triage
        self.speech = speech
        self.meta = meta or {}
        self._both: np.ndarray | None = None  # both heads' weights side by side (``decisions``)

    def classify(
        self, texts: list[str], *, cues: bool = True, senders: list[str | None] | None = None
    ) -> list["Prediction"]:
        """Classify ``texts`` (with their ``senders`` when known); cues are computed for texts not labelled
        ``normal`` when ``cues`` is true. Signals beyond the words (``signals.py``) move the triage decision values;
        per-class thresholds (``meta["thresholds"]``: class -> [low, high] on the score) send a label whose score is
        below ``high`` to the uncertain band, and one below ``low`` to the next class."""
        if not texts:
            return []
        prep = prepare(list(texts))
        X = self.featurizer.transform(prep)
        tri, spe = self.decisions(X)
        found = signals_prepared(texts, prep.stripped, senders)
        col = {lab: j for j, lab in enumerate(self.triage.labels)}
        for i, sigs in enumerate(found):
            for sig in sigs:
                for lab, delta in WEIGHTS[sig.code].items():
                    tri[i, col[lab]] += delta
        tri_p = _softmax(tri * self.triage.scale)
        spe_p = _softmax(spe * self.speech.scale)
        thresholds = self.meta.get("thresholds", {})
        labels, speech_labels = self.triage.labels, self.speech.labels
        order = np.argsort(-tri, axis=1)
        tri_r, spe_r = np.round(tri_p, 4).tolist(), np.round(spe_p, 4).tolist()
        spe_k = spe.argmax(axis=1).tolist()
        out = []
        for i in range(len(texts)):
            k, uncertain = int(order[i, 0]), False
            band = thresholds.get(labels[k])
            if band:
                p = tri_p[i, k]
                if p < band[0]:
                    k = int(order[i, 1])
                elif p < band[1]:
                    uncertain = True
            out.append(
                Prediction(
                    label=labels[k],
                    scores=dict(zip(labels, tri_r[i], strict=True)),
                    speech=speech_labels[spe_k[i]],
                    speech_scores=dict(zip(speech_labels, spe_r[i], strict=True)),
                    uncertain=uncertain,
                    signals=[sig.code for sig in found[i]],
                )
            )
        if cues:
            flagged = [i for i, p in enumerate(out) if p.label != "normal" and prep.normal[i]]
            classes = [col[out[i].label] for i in flagged]
            words_cues = self.term_scores(prep, X, flagged, classes) if flagged else []
            for i, sigs in enumerate(found):
                out[i].cues = [sig.cue for sig in sigs]
            for i, scores in zip(flagged, words_cues, strict=True):
                out[i].cues += choose_cues(scores)
        return out

    def decisions(self, X) -> tuple[np.ndarray, np.ndarray]:
        """Decision values of the triage and speech heads: one product with both weight matrices side by side."""
        if self._both is None:
            n = self.featurizer.n_features
            self._both = np.hstack([self.triage.weights(n), self.speech.weights(n)])
            self.triage.dense = self.speech.dense = None  # the side-by-side matrix replaces them
        Z = np.asarray(X @ self._both)
        k = len(self.triage.labels)
        tri = Z[:, :k] + self.triage.intercept + self.triage.offsets
        spe = Z[:, k:] + self.speech.intercept + self.speech.offsets
        return tri, spe

    def _weights(self, head: Head) -> np.ndarray:
        if self._both is None:
            return head.weights(self.featurizer.n_features)
        k = len(self.triage.labels)
        return self._both[:, :k] if head is self.triage else self._both[:, k:]

    def term_scores(self, prep, X, rows: list[int], classes: list[int], head: Head | None = None) -> list[dict]:
        """For each text ``rows[j]``, the contribution of each readable term (word 1–3-gram of the normalised text)
        to class ``classes[j]``, computed for all the texts together.

        A column's contribution is its value in the row × (weight of the class − mean weight of the other
        classes): one gather of the weights for all the rows' columns. Word n-gram columns go to their n-gram;
        character n-gram columns are shared among the words that contain them, in proportion to their counts.
        """
        head = head or self.triage
        n_rows = len(rows)
        width = BLOCK_SIZE * len(BLOCKS)
        Xr = X[rows]
        nnz_row = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(Xr.indptr))
        W = self._weights(head)[Xr.indices]
        k = W.shape[1]
        own = W[np.arange(len(W)), np.asarray(classes, dtype=np.int64)[nnz_row]]
        wc = own - (W.sum(axis=1) - own) / max(k - 1, 1) if k > 1 else W[:, 0]
        row_keys = nnz_row * width + Xr.indices  # sorted: rows in order, columns sorted in each row
        row_vals = Xr.data * wc

        def lookup(keys: np.ndarray) -> np.ndarray:
            if not len(row_keys):
                return np.zeros(len(keys), dtype=row_vals.dtype)
            pos = np.minimum(np.searchsorted(row_keys, keys), len(row_keys) - 1)
            return np.where(row_keys[pos] == keys, row_vals[pos], 0.0)

        local = np.arange(n_rows, dtype=np.int64)
        normal = [prep.normal[i] for i in rows]
        stripped = [prep.stripped[i] for i in rows]
        display: list[list[str]] = []
        word_values = []
        for block, texts in ((0, normal), (1, stripped)):
            block_grams, cols = word_columns(texts)
            sizes = [len(g) for g in block_grams]
            values = lookup(np.repeat(local, sizes) * width + cols + block * BLOCK_SIZE).tolist()
            ends = np.cumsum([0, *sizes]).tolist()
            display = display or block_grams
            word_values.append([values[ends[j] : ends[j + 1]] for j in range(n_rows)])
        shown = [t.split() for t in normal]
        n_words = [len(w) for w in shown]
        word_ends = np.cumsum([0, *n_words]).tolist()
        char_values = []
        for block, texts in ((2, normal), (3, stripped)):
            words = [w for t in texts for w in t.split()]
            char_values.append(self._char_shares(words, n_words, block, lookup) if words else [])
        out = []
        for j in range(n_rows):
            scores: dict[str, float] = {}
            for values in (word_values[0][j], word_values[1][j]):
                for term, value in zip(display[j], values, strict=False):
                    if value:
                        scores[term] = scores.get(term, 0) + value
            a, b = word_ends[j], word_ends[j + 1]
            for per_word in char_values:
                for word, value in zip(shown[j], per_word[a:b], strict=True):
                    if word[0].isalnum():
                        scores[word] = scores.get(word, 0) + value
            out.append(scores)
        return out

    @staticmethod
    def _char_shares(words: list[str], n_words: list[int], block: int, lookup) -> list[float]:
        """Each word occurrence's share of the contributions of its character n-gram columns (a column shared by
        several words of a text is split in proportion to their counts)."""
        width = BLOCK_SIZE * len(BLOCKS)
        parts = CHAR_COLUMNS.counted(words)  # per word: distinct columns (sorted), their counts
        sizes = np.fromiter((len(p[0]) for p in parts), dtype=np.int64, count=len(parts))
        owner = np.repeat(np.arange(len(words), dtype=np.int64), sizes)
        cols = np.concatenate([p[0] for p in parts])
        counts = np.concatenate([p[1] for p in parts])
        text_of = np.repeat(np.repeat(np.arange(len(n_words), dtype=np.int64), n_words), sizes)
        keys = text_of * width + cols + block * BLOCK_SIZE
        uniq, inv = np.unique(keys, return_inverse=True)
        colsum = np.bincount(inv, weights=counts)
        share = counts / colsum[inv] * lookup(uniq)[inv]
        return np.bincount(owner, weights=share, minlength=len(words)).tolist()

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {"version": FORMAT_VERSION, "featurizer": self.featurizer.state(), "triage": self.triage.state(),
                 "speech": self.speech.state(), "meta": self.meta}  # fmt: skip
        joblib.dump(state, path, compress=("xz", 6))
        return path

    @classmethod
    def load(cls, path: Path) -> "ContentModel":
        state = joblib.load(path)
        if state.get("version") != FORMAT_VERSION:
            raise ValueError(f"Tệp mô hình {path} không đúng phiên bản định dạng {FORMAT_VERSION}")
        return cls(Featurizer.from_state(state["featurizer"]), Head(**state["triage"]), Head(**state["speech"]),
                   state.get("meta", {}))  # fmt: skip


@functools.cache
def get_classifier(path: str | None = None) -> ContentModel:
    """The shipped model (or the one at ``path``), loaded once per process."""
    model_path = Path(path) if path else MODEL_DIR / MODEL_FILE
    if not model_path.is_file():
        raise FileNotFoundError(f"Chưa có mô hình phân loại tại {model_path}; chạy `canhgiac content train`.")
    return ContentModel.load(model_path)


def classify(texts: list[str], *, cues: bool = True, senders: list[str | None] | None = None) -> list[Prediction]:
    """Classify texts (with their senders when known) with the shipped model."""
    return get_classifier().classify(texts, cues=cues, senders=senders)
