"""The trained content classifier: two linear heads over shared hashed features, saving/loading, cues.

* ``triage`` head: the seven content classes of ``datasets.LABELS``; gives ``Prediction.label``.
* ``speech`` head: ViHSD's clean / offensive / hate, trained and measured on ViHSD only; gives
  ``Prediction.speech``.

Each head is one weight matrix (an ensemble of logistic regression and linear SVM is itself linear, so it is
folded into one matrix at training time) plus an intercept and per-class offsets tuned on dev data.
"""

import functools
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import joblib
import numpy as np

from canhgiac.content.features import BLOCK_COLUMNS, BLOCK_SIZE, Featurizer, char_counts, prepare, word_ngrams
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


class ContentModel:
    """Featuriser + the two heads. ``classify`` is the one call the rest of canhgiac needs."""

    def __init__(self, featurizer: Featurizer, triage: Head, speech: Head, meta: dict | None = None) -> None:
        self.featurizer = featurizer
        self.triage = triage
        self.speech = speech
        self.meta = meta or {}

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
        tri = self.triage.decision(X)
        spe = self.speech.decision(X)
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
        flagged = [i for i, p in enumerate(out) if cues and p.label != "normal" and prep.normal[i]]
        if cues:
            for i, sigs in enumerate(found):
                out[i].cues = [sig.cue for sig in sigs]
        if flagged:
            # one hashing call per block for the words of all flagged texts (per-call overhead dominates)
            words = [prep.normal[i].split() for i in flagged]
            sizes = np.cumsum([0] + [len(w) for w in words])
            flat_n = [w for ws in words for w in ws]
            flat_s = [w for i in flagged for w in prep.stripped[i].split()]
            char_n, char_s = char_counts(flat_n), char_counts(flat_s)
            for j, i in enumerate(flagged):
                rows = (sizes[j], sizes[j + 1])
                k = self.triage.labels.index(out[i].label)
                words_cues = self.cues(prep.normal[i], prep.stripped[i], X[i], k, ((char_n, rows), (char_s, rows)))
                out[i].cues = [sig.cue for sig in found[i]] + words_cues
        return out

    def term_contributions(self, normal: str, stripped: str, row, class_index: int, char_rows=None, head=None):
        """Contribution of each readable term (word 1–3-gram of the normalised text) to ``class_index``.

        A column's contribution is feature value × (weight of the class − mean weight of the other classes).
        Word n-gram columns go to their n-gram; character n-gram columns are shared among the words that
        contain them, in proportion to their counts.
        """
        head = head or self.triage
        W = head.weights(self.featurizer.n_features)
        order = np.argsort(row.indices)
        idx = row.indices[order]
        Wr = W[idx]
        k = W.shape[1]
        wc = Wr[:, class_index] - (Wr.sum(axis=1) - Wr[:, class_index]) / max(k - 1, 1) if k > 1 else Wr[:, 0]
        vals = row.data[order] * wc

        def lookup(cols: np.ndarray) -> np.ndarray:
            pos = np.minimum(np.searchsorted(idx, cols), len(idx) - 1)
            return np.where(idx[pos] == cols, vals[pos], 0.0)

        scores: Counter = Counter()
        display = word_ngrams(normal)
        for block, grams in ((0, display), (1, word_ngrams(stripped))):
            if not grams:
                continue
            cols = np.fromiter(map(BLOCK_COLUMNS[block].__getitem__, grams), dtype=np.int64, count=len(grams))
            values = lookup(cols)[: len(display)]
            listed = values.tolist()
            for j in np.flatnonzero(values).tolist():
                scores[display[j]] += listed[j]
        shown_words = normal.split()
        if char_rows is None:
            n_words = len(shown_words)
            char_rows = [(char_counts(t.split()), (0, n_words)) for t in (normal, stripped)]
        for block, (M, (a, b)) in zip((2, 3), char_rows, strict=True):
            if b <= a:
                continue
            lo, hi = M.indptr[a], M.indptr[b]
            indices, data = M.indices[lo:hi], M.data[lo:hi]
            uniq, inv = np.unique(indices, return_inverse=True)
            colsum = np.bincount(inv, weights=data)
            share = data / colsum[inv] * lookup(uniq + block * BLOCK_SIZE)[inv]
            owner = np.repeat(np.arange(b - a), np.diff(M.indptr[a : b + 1]))
            per_word = np.bincount(owner, weights=share, minlength=b - a)
            for shown, value in zip(shown_words, per_word.tolist(), strict=False):
                if shown[0].isalnum():
                    scores[shown] += value
        return scores

    def cues(self, normal: str, stripped: str, row, class_index: int, char_rows=None) -> list[str]:
        """Up to ``N_CUES`` phrases that pushed the text towards class ``class_index``, strongest first.

        A phrase scores its own n-gram weight plus the weights of its words, so "tài khoản" beats "tài" and
        "khoản" shown apart; phrases that share a word with a stronger one are skipped.
        """
        scores = self.term_contributions(normal, stripped, row, class_index, char_rows)
        positive = {t for t, v in scores.items() if v > 0 and " " not in t}
        candidates = []  # (combined value, term), only phrases whose every word pushes towards the class
        for term, value in scores.items():
            if " " not in term:
                if term in positive:
                    candidates.append((value, term))
                continue
            words = term.split(" ")
            if all(w in positive for w in words):
                total = value + sum(scores[w] for w in words)
                if total > 0:
                    candidates.append((total, term))
        candidates.sort(key=lambda c: -c[0])  # stable: ties keep the text's order
        chosen: list[str] = []
        used: set[str] = set()
        for _, term in candidates:
            words = set(term.split(" "))
            if words & used:
                continue
            chosen.append(term)
            used |= words
            if len(chosen) >= N_CUES:
                break
        return [_display(t) for t in chosen]

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
