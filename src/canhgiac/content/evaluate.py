"""Measurement of a classifier on the held-out splits and on the generated evaluation set.

``evaluate_model`` works for anything with ``classify(texts) -> list[Prediction]``-like output through the
``predict_*`` callables, so the benchmark runs the same code on the baselines.
"""

import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

from canhgiac.content import datasets as ds
from canhgiac.content.synth.generator import generate_set, split_domains

EVAL_SEED = 7919  # the evaluation set's own seed, never used in training


def macro_f1(y_true, y_pred) -> float:
    return float(f1_score(y_true, y_pred, average="macro", zero_division=0))


def per_class(y_true, y_pred, labels) -> dict[str, dict[str, float]]:
    p, r, f, n = precision_recall_fscore_support(y_true, y_pred, labels=list(labels), zero_division=0)
    return {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4),
                  "support": int(n[i])} for i, lab in enumerate(labels)}  # fmt: skip


def own_eval_set(root: Path | None = None) -> tuple[list[str], list[str]]:
    """The evaluation set for the classes without a public test set (see MODEL_CARD.md, "Evaluation set").

    Generated texts from ``eval_templates`` (seed ``EVAL_SEED``, the held-out half of the domain lists) for scam,
    gambling, loan, spam, false information and normal hard negatives, plus 300 real offensive and 300 real
    normal comments drawn from the ViHSD test split (never trained on).
    """
    domains = ds.load_domains(root)
    held = split_domains(domains["gambling"])[1] + split_domains(domains["threat"])[1]
    texts, labels = generate_set("eval", ds.SYNTH_EVAL_COUNTS, held, seed=EVAL_SEED)
    t, y = ds.load_vihsd("test", root)
    rng = random.Random(EVAL_SEED)
    offensive = [x for x, v in zip(t, y, strict=True) if v > 0 and x.strip()]
    clean = [x for x, v in zip(t, y, strict=True) if v == 0 and x.strip()]
    texts += rng.sample(offensive, 300) + rng.sample(clean, 300)
    labels += ["offensive"] * 300 + ["normal"] * 300
    return texts, labels


Predict = Callable[[list[str]], list[str]]


def evaluate_triage(predict: Predict, root: Path | None = None) -> dict:
    """Figures for a 7-class predictor (texts -> labels)."""
    out = {}
    texts, labels = own_eval_set(root)
    pred = predict(texts)
    out["own_eval"] = {"macro_f1": round(macro_f1(labels, pred), 4), "per_class": per_class(labels, pred, ds.LABELS)}
    for name, loader in (("vihos_test", lambda: ds.load_vihos("test", root)[:2]),
                         ("victsd_test", lambda: ds.load_victsd("test", root))):  # fmt: skip
        t, y = loader()
        p = [int(v == "offensive") for v in predict(t)]
        out[name] = {"macro_f1": round(macro_f1(y, p), 4), "f1_offensive": round(float(f1_score(y, p)), 4)}
    t, y = ds.load_vfnd("smoke", root)
    p = [int(v == "false_info") for v in predict(t)]
    out["vfnd_smoke"] = {"n": len(y), "accuracy": round(float(np.mean(np.array(p) == np.array(y))), 4),
                         "f1_fake": round(float(f1_score(y, p, zero_division=0)), 4)}  # fmt: skip
    return out


def evaluate_speech(predict: Predict, root: Path | None = None, split: str = "test", alter=None) -> dict:
    """ViHSD figures for a 3-class predictor returning ``clean``/``offensive``/``hate``.

    ``alter`` (text -> text) rewrites the texts first, e.g. ``strip_diacritics`` to measure robustness.
    """
    t, y = ds.load_vihsd(split, root)
    if alter:
        t = [alter(x) for x in t]
    names = [ds.VIHSD_LABELS[v] for v in y]
    pred = predict(t)
    return {"macro_f1": round(macro_f1(names, pred), 4), "per_class": per_class(names, pred, ds.VIHSD_LABELS)}


def evaluate_model(model, root: Path | None = None, *, seed: int = 0) -> dict:
    def triage(texts):
        return [p.label for p in model.classify(texts, cues=False)]

    def speech(texts):
        return [p.speech for p in model.classify(texts, cues=False)]

    return {"vihsd_dev": evaluate_speech(speech, root, "dev"), "vihsd_test": evaluate_speech(speech, root),
            **evaluate_triage(triage, root)}  # fmt: skip


def format_metrics(metrics: dict) -> str:
    """Plain-text table of the metrics, for the command line."""
    lines = []
    for name in ("vihsd_dev", "vihsd_test"):
        if name in metrics:
            m = metrics[name]
            cls = ", ".join(f"{k} {v['f1']:.4f}" for k, v in m["per_class"].items())
            lines.append(f"{name:<12} macro-F1 {m['macro_f1']:.4f}  ({cls})")
    for name in ("vihos_test", "victsd_test"):
        if name in metrics:
            m = metrics[name]
            lines.append(f"{name:<12} macro-F1 {m['macro_f1']:.4f}  F1(xúc phạm) {m['f1_offensive']:.4f}")
    if "vfnd_smoke" in metrics:
        m = metrics["vfnd_smoke"]
        lines.append(f"vfnd_smoke   n={m['n']} accuracy {m['accuracy']:.4f}  F1(sai sự thật) {m['f1_fake']:.4f}")
    if "own_eval" in metrics:
        m = metrics["own_eval"]
        lines.append(f"own_eval     macro-F1 {m['macro_f1']:.4f}")
        for lab, v in m["per_class"].items():
            lines.append(f"  {lab:<11} P {v['precision']:.4f}  R {v['recall']:.4f}  F1 {v['f1']:.4f}  n={v['support']}")
    return "\n".join(lines)
