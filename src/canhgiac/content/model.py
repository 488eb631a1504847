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

from canhgiac.content.explain import word_cues
from canhgiac.content.features import CHUNK, Featurizer, prepare
from canhgiac.content.signals import WEIGHTS, signals_prepared

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "content-classifier.joblib"
FORMAT_VERSION = 1
PLACEHOLDERS = {"xurl": "[liên kết]", "xphone": "[số điện thoại]", "xmoney": "[số tiền]", "xemoji": "[emoji]",
                "xemail": "[email]"}  # fmt: skip


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
        grams: list = []
        X = self.featurizer.transform(prep, grams_out=grams if cues else None)
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
            W = self._weights(self.triage)
            terms = []
            for start in range(0, len(flagged), CHUNK):  # in slices: a term's key is (text, words) in one integer
                end = start + CHUNK
                terms += word_cues(W, prep, X, flagged[start:end], classes[start:end], grams)
            for i, sigs in enumerate(found):
                out[i].cues = [sig.cue for sig in sigs]
            for i, chosen in zip(flagged, terms, strict=True):
                out[i].cues += [_display(t) for t in chosen]
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
