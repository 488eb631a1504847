"""Figures on real labelled text: sms-vi-2023 (our relabelling, ``sms_labels.py``) and the legitimate side of the
public comment sets, plus the quality gate of issue 9.

Used by ``quality.py``; every predictor is ``texts -> list of (label, uncertain)``.
"""

from collections import Counter

import sms_labels

from canhgiac.content import datasets as ds

SMS_CLASSES = ("scam", "gambling", "loan", "spam", "normal")
GATE = {"sms_scam_f1": 0.80, "sms_legit_as_scam": 0.03, "sms_ads_as_scam": 0.05, "vihsd_macro_f1": 0.66,
        "texts_per_s": 5000, "model_mb": 50}  # fmt: skip


def _prf(gold: list[str], pred: list[str], cls: str) -> dict:
    tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
    fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
    fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}


def sms_figures(predict, part: str) -> dict:
    """Per-class P/R/F1 on sms-vi-2023 ``part`` ("dev", "test" or "all"), and how legitimate and advertising
    messages fare. ``legit_as_scam`` counts the scam label in either band; ``legit_as_scam_sure`` only outside the
    uncertain band (what reaches the queue as a scam)."""
    rows = [r for r in sms_labels.load() if part == "all" or r[3] == part]
    gold = [r[2] for r in rows]
    out = predict([r[1] for r in rows])
    pred = [lab for lab, _ in out]
    legit = [i for i, g in enumerate(gold) if g == "normal"]
    ads = [i for i, g in enumerate(gold) if g == "spam"]

    def rate(idx, test):
        return sum(test(i) for i in idx) / max(len(idx), 1)

    return {
        "n": len(rows),
        "per_class": {c: _prf(gold, pred, c) for c in SMS_CLASSES},
        "legit_flagged": rate(legit, lambda i: pred[i] != "normal"),
        "legit_as_scam": rate(legit, lambda i: pred[i] == "scam"),
        "legit_as_scam_sure": rate(legit, lambda i: pred[i] == "scam" and not out[i][1]),
        "ads_as_scam": rate(ads, lambda i: pred[i] == "scam"),
        "uncertain": sum(u for _, u in out) / max(len(out), 1),
        "confusion": {g: dict(Counter(p for gg, p in zip(gold, pred, strict=True) if gg == g)) for g in set(gold)},
    }


def legit_comments(predict) -> dict:
    """Share of real clean comments (ViHSD test CLEAN, ViCTSD test non-toxic, ViHOS test without spans) that get a
    non-normal label other than ``offensive``, and the scam label: the false-positive rate on legitimate text."""
    out = {}
    t, y = ds.load_vihsd("test")
    sets = {"vihsd_test_clean": [x for x, v in zip(t, y, strict=True) if v == 0]}
    t, y = ds.load_victsd("test")
    sets["victsd_test_clean"] = [x for x, v in zip(t, y, strict=True) if v == 0]
    t, y, _ = ds.load_vihos("test")
    sets["vihos_test_clean"] = [x for x, v in zip(t, y, strict=True) if v == 0]
    for name, texts in sets.items():
        pred = [lab for lab, _ in predict(texts)]
        bad = sum(p in ("scam", "gambling", "loan") for p in pred)
        out[name] = {"n": len(texts), "as_scam": sum(p == "scam" for p in pred) / len(texts),
                     "as_scam_gambling_loan": bad / len(texts)}  # fmt: skip
    return out


def print_sms(res: dict) -> None:
    for part in ("test", "dev", "all"):
        print(f"\n## sms-vi-2023, {part} split (real SMS 2020–2023, our relabelling; never trained on)")
        names = list(res)
        print(f"{'class':<9} " + " ".join(f"{n[:22]:>24}" for n in names) + "   (precision / recall / F1, %)")
        for cls in SMS_CLASSES:
            cells = []
            for n in names:
                v = res[n][f"sms_{part}"]["per_class"][cls]
                cells.append(f"{v['precision'] * 100:5.1f}/{v['recall'] * 100:5.1f}/{v['f1'] * 100:5.1f}".rjust(24))
            print(f"{cls:<9} " + " ".join(cells) + f"   n={res[names[0]][f'sms_{part}']['per_class'][cls]['support']}")
        for key, label in (("legit_as_scam", "legit -> scam"), ("legit_as_scam_sure", "legit -> scam (sure)"),
                           ("legit_flagged", "legit -> any class"), ("ads_as_scam", "advertising -> scam"),
                           ("uncertain", "uncertain band")):  # fmt: skip
            print(f"{label:<22}" + " ".join(f"{res[n][f'sms_{part}'][key] * 100:11.1f}%" for n in names))


def print_legit(res: dict) -> None:
    print("\n## Legitimate real comments labelled scam / scam-gambling-loan (false-positive rate, %)")
    for name in next(iter(res.values()))["legit_comments"]:
        cells = []
        for n in res:
            v = res[n]["legit_comments"][name]
            cells.append(f"{v['as_scam'] * 100:6.2f}/{v['as_scam_gambling_loan'] * 100:5.2f}".rjust(20))
        cells = " ".join(cells)
        print(f"{name:<20} {cells}")


def gate(res: dict, speed: float, model_mb: float) -> list[str]:
    """The reasons the shipped model fails the gate of issue 9 (empty: it passes)."""
    sms = res["canhgiac"]["sms_all"]
    checks = [
        ("sms-vi-2023 scam F1", sms["per_class"]["scam"]["f1"], ">=", GATE["sms_scam_f1"]),
        ("sms-vi-2023 legit labelled scam", sms["legit_as_scam"], "<=", GATE["sms_legit_as_scam"]),
        ("sms-vi-2023 advertising labelled scam", sms["ads_as_scam"], "<=", GATE["sms_ads_as_scam"]),
        ("ViHSD test macro-F1", res["canhgiac"]["vihsd_test"]["macro_f1"], ">=", GATE["vihsd_macro_f1"]),
        ("texts/s, one core (ViHSD comments)", speed, ">=", GATE["texts_per_s"]),
        ("model size (MB)", model_mb, "<=", GATE["model_mb"]),
    ]
    failed = []
    print("\n## Quality gate (issue 9)")
    for name, value, op, limit in checks:
        ok = value >= limit if op == ">=" else value <= limit
        print(f"{name:<40} {value:10.4f} {op} {limit:<8} {'ok' if ok else 'FAIL'}")
        if not ok:
            failed.append(name)
    return failed
