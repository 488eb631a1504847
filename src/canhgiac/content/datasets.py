"""Readers for the public data sets in the shared data folder, and the corpora built from them.

The folder is ``$CANHGIAC_SHARED_DATA`` or ``<repository root>/../shared/data``; nothing is copied into the
repository. Texts of every evaluation split (ViHSD test, ViHOS test, ViCTSD test, the VFND smoke half) are
removed from the triage training corpus: ViHOS was drawn from the same comments as ViHSD, so without that filter
the test figures would be inflated.
"""

import csv
import json
import os
import zlib
from pathlib import Path

LABELS = ("scam", "gambling", "loan", "false_info", "offensive", "spam", "normal")
LABEL_NAMES_VI = {
    "scam": "Lừa đảo",
    "gambling": "Cờ bạc, cá độ",
    "loan": "Tín dụng đen, vay nóng",
    "false_info": "Thông tin sai sự thật",
    "offensive": "Xúc phạm",
    "spam": "Quảng cáo rác",
    "normal": "Bình thường",
}
VIHSD_LABELS = ("clean", "offensive", "hate")
SYNTH_TRAIN_COUNTS = {"scam": 3000, "gambling": 2000, "loan": 2000, "spam": 2000, "false_info": 1200, "normal": 1500}
# SMS-shaped texts (``synth/sms_templates.py``): legitimate notices and chat are the counter-examples
SMS_TRAIN_COUNTS = {"normal": 6000, "spam": 2500, "scam": 2000, "gambling": 1500, "loan": 600}
SYNTH_EVAL_COUNTS = {"scam": 300, "gambling": 300, "loan": 300, "spam": 300, "false_info": 300, "normal": 300}


class DataMissing(FileNotFoundError):
    """The shared data folder or one of its files is absent."""


def data_dir() -> Path:
    env = os.environ.get("CANHGIAC_SHARED_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "data"
    if not path.is_dir():
        raise DataMissing(f"Không tìm thấy thư mục dữ liệu chung: {path} (đặt biến môi trường CANHGIAC_SHARED_DATA)")
    return path


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        raise DataMissing(f"Thiếu tệp dữ liệu: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def key(text: str) -> str:
    """Comparison key used to find the same comment in two data sets."""
    return " ".join(text.lower().split())


def load_vihsd(split: str, root: Path | None = None) -> tuple[list[str], list[int]]:
    rows = _rows((root or data_dir()) / "vihsd" / f"{split}.csv")
    return [r["free_text"] or "" for r in rows], [int(r["label_id"]) for r in rows]


def load_vihos(split: str, root: Path | None = None) -> tuple[list[str], list[int], list[list[int]]]:
    rows = _rows((root or data_dir()) / "vihos" / f"{split}.csv")
    spans = [json.loads(r["index_spans"] or "[]") for r in rows]
    return [r["content"] or "" for r in rows], [int(bool(s)) for s in spans], spans


def load_victsd(split: str, root: Path | None = None) -> tuple[list[str], list[int]]:
    name = {"train": "ViCTSD_train.csv", "dev": "ViCTSD_valid.csv", "test": "ViCTSD_test.csv"}[split]
    rows = _rows((root or data_dir()) / "victsd" / name)
    return [r["Comment"] or "" for r in rows], [int(r["Toxicity"]) for r in rows]


def load_vfnd(part: str, root: Path | None = None) -> tuple[list[str], list[int]]:
    """VFND, both files merged and de-duplicated; ``part`` "train" (~70%) or "smoke" (~30%, by a stable hash)."""
    seen, texts, labels = set(), [], []
    for name in ("vn_news_226_tlfr.csv", "vn_news_223_tdlfr.csv"):
        for row in _rows((root or data_dir()) / "vfnd" / name):
            text = row["text"] or ""
            k = key(text)[:300]
            if k in seen or not k:
                continue
            seen.add(k)
            in_smoke = zlib.crc32(k.encode()) % 10 < 3
            if in_smoke == (part == "smoke"):
                texts.append(text)
                labels.append(int(row["label"]))
    return texts, labels


def load_domains(root: Path | None = None) -> dict[str, list[str]]:
    base = root or data_dir()
    out = {}
    for name, rel in (("gambling", "hostsvn/gambling-domain-VN.txt"), ("threat", "hostsvn/threat-domain-VN.txt")):
        path = base / rel
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        out[name] = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return out


def held_out_keys(root: Path | None = None) -> set[str]:
    keys = set()
    for texts in (load_vihsd("test", root)[0], load_vihos("test", root)[0], load_victsd("test", root)[0]):
        keys.update(key(t) for t in texts)
    keys.update(key(t) for t in load_vfnd("smoke", root)[0])
    return keys


def real_triage_corpus(root: Path | None = None) -> tuple[list[str], list[str]]:
    """Labelled real texts for the triage head: ViHSD, ViHOS, ViCTSD (train+dev), VFND train half."""
    texts, labels = [], []
    for split in ("train", "dev"):
        t, y = load_vihsd(split, root)
        texts += t
        labels += ["normal" if v == 0 else "offensive" for v in y]
        t, y, _ = load_vihos(split, root)
        texts += t
        labels += ["offensive" if v else "normal" for v in y]
        t, y = load_victsd(split, root)
        texts += t
        labels += ["offensive" if v else "normal" for v in y]
    t, y = load_vfnd("train", root)
    texts += t
    labels += ["false_info" if v else "normal" for v in y]
    blocked = held_out_keys(root)
    seen: dict[str, str] = {}
    for text, label in zip(texts, labels, strict=True):
        k = key(text)
        if k and k not in blocked and (k not in seen or label == "offensive"):
            seen[k] = label
    by_key = {key(t): t for t in texts}
    return [by_key[k] for k in seen], list(seen.values())
