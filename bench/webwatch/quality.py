"""Quality bench: recall on injected pages and false-positive rate on clean pages (news about gambling included).

    PYTHONPATH=src:. .venv/bin/python -m bench.webwatch.quality [--n 600] [--seed 11] [--tuning] [--real-only]

Two corpora, reported apart, the real one first: the reviewed real search results of ../shared/data/judol-serp-2025
(``real.py``: development and held-out parts) and the generated corpus (``corpus.py``; by default its held-out
variety: other template, anchor words, brands and half of the domain list than the tests use).
Exit status 1 when recall < 0.95 or FPR > 1% on any of them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from bench.webwatch.common import analyze_sample, shared_engine
from bench.webwatch.corpus import samples
from bench.webwatch.real import real_samples


def measure(engine, corpus, title: str, show_misses: int) -> bool:
    """Run ``corpus`` through ``engine``, print its confusion matrix; True when both targets are met."""
    counts = Counter()
    per_technique: dict[str, Counter] = {}
    per_kind: dict[str, Counter] = {}
    misses = []
    started = time.perf_counter()
    n = 0
    for sample in corpus:
        n += 1
        page = analyze_sample(engine, sample)
        flagged = page.flagged
        truth = sample.label == "injected"
        counts[("TP" if flagged else "FN") if truth else ("FP" if flagged else "TN")] += 1
        bucket = per_technique if truth else per_kind
        key = sample.technique if truth else sample.kind
        bucket.setdefault(key, Counter())["hit" if flagged else "miss"] += 1
        if flagged != truth:
            why = [f"{f.check}:{f.severity.label}" for f in page.findings if f.alarm] or ["(no alarm)"]
            title_text = (page.title or "")[:90]
            misses.append(f"{sample.name} {sample.technique}/{sample.kind}: {', '.join(why)} — {title_text}")
    tp, fn, fp, tn = counts["TP"], counts["FN"], counts["FP"], counts["TN"]
    recall = tp / (tp + fn) if tp + fn else 0.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    print(f"== {title}: {n} pages, {time.perf_counter() - started:.1f} s")
    print("                    predicted injected   predicted clean")
    print(f"  actual injected   {tp:>18}   {fn:>15}")
    print(f"  actual clean      {fp:>18}   {tn:>15}")
    print(f"recall (injected pages flagged) = {recall:.3f}   (target ≥ 0.95)")
    print(f"false-positive rate (clean)     = {fpr:.3%}  (target ≤ 1%)")
    print(
        "recall per technique: "
        + ", ".join(f"{k} {v['hit']}/{v['hit'] + v['miss']}" for k, v in sorted(per_technique.items()))
    )
    print(
        "false alarms per clean kind: "
        + ", ".join(f"{k} {v['hit']}/{v['hit'] + v['miss']}" for k, v in sorted(per_kind.items()))
    )
    for line in misses[:show_misses]:
        print("  miss:", line)
    print()
    return recall >= 0.95 and fpr <= 0.01


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--tuning", action="store_true", help="the tuning corpus (the one the tests use) instead")
    ap.add_argument("--real-only", action="store_true", help="only the real corpus")
    ap.add_argument("--show-misses", type=int, default=10)
    args = ap.parse_args(argv)
    engine = shared_engine()
    ok = True
    print("webwatch quality\n")
    for part, label in (("dev", "development"), ("heldout", "held-out")):
        ok &= measure(engine, real_samples(part), f"real corpus (judol-serp-2025, {label} part)", args.show_misses)
    # Not a target, a check on overfitting: the real held-out part without the brand names learned from the data.
    blind = shared_engine(without_seen_brands=True)
    title = "real held-out part, brand names seen in the data left out"
    measure(blind, real_samples("heldout"), title, args.show_misses)
    if not args.real_only:
        corpus = "tuning" if args.tuning else "held-out"
        generated = samples(args.seed, args.n, heldout=not args.tuning)
        ok &= measure(engine, generated, f"generated corpus ({corpus}, seed {args.seed})", args.show_misses)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
