"""Do the cues point at the offensive words? Checked against the ViHOS test spans (human-marked offensive words).

Run from the repository root:  PYTHONPATH=src .venv/bin/python bench/content/cues.py

For each ViHOS test comment that has a span and that the classifier flags as ``offensive``: the share of cues
whose words fall inside a marked span (cue precision), and the share of comments whose first cue does (top-1 hit).
The peer in the same run is a random pick of words from the same comment (same number of cues).
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from canhgiac.content import datasets as ds  # noqa: E402
from canhgiac.content.model import PLACEHOLDERS, get_classifier  # noqa: E402
from canhgiac.content.normalize import normalize  # noqa: E402


def span_words(text: str, spans: list[int]) -> set[str]:
    marked = set(spans)
    words, cur, inside = set(), [], False
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if cur and inside:
                words.update(normalize("".join(cur)).split())
            cur, inside = [], False
        else:
            cur.append(ch)
            inside = inside or i in marked
    return words


def main() -> None:
    texts, labels, spans = ds.load_vihos("test")
    model = get_classifier()
    preds = model.classify(texts)
    rng = random.Random(0)
    hits = total = top1 = n = r_hits = r_total = r_top1 = 0
    for text, label, sp, pred in zip(texts, labels, spans, preds, strict=True):
        if not label or pred.label != "offensive" or not pred.cues:
            continue
        gold = span_words(text, sp)
        words = [w for w in normalize(text).split() if w[0].isalnum() and w not in PLACEHOLDERS]
        cue_words = [[w for w in cue.split() if not w.startswith("[")] for cue in pred.cues]
        flags = [any(w in gold for w in ws) for ws in cue_words]
        rand = rng.sample(words, min(len(words), len(pred.cues))) if words else []
        r_flags = [w in gold for w in rand]
        n += 1
        hits, total, top1 = hits + sum(flags), total + len(flags), top1 + bool(flags and flags[0])
        r_hits, r_total, r_top1 = r_hits + sum(r_flags), r_total + len(r_flags), r_top1 + bool(r_flags and r_flags[0])
    print(f"\n## Cues vs ViHOS test spans ({n} flagged comments with marked spans)")
    print(f"{'system':<22} {'cue precision':>14} {'top-1 hit':>10}")
    print(f"{'canhgiac cues':<22} {hits / total:14.1%} {top1 / n:10.1%}")
    print(f"{'random words (peer)':<22} {r_hits / max(r_total, 1):14.1%} {r_top1 / n:10.1%}")
    print(f"ratio (top-1): {top1 / max(r_top1, 1):.2f}")


if __name__ == "__main__":
    main()
