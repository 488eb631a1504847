"""Speed, size and memory of the content classifier, next to a plain TF-IDF + LinearSVC in the same run.

Run from the repository root:  PYTHONPATH=src .venv/bin/python bench/content/speed.py [--skip-train]

* classification throughput on ONE core (process pinned to one CPU, BLAS threads = 1): the ViHSD test comments
  (mean 48 characters), real SMS (sms-vi-2023, measurement only; mean ~150 characters) and the SMS that reach the
  review queue (labelled other than normal; cues are computed for these); in one batch and one text per call
  (what the API and a trickle of queued texts do); and "cold": the first batch after the classifier's caches
  (normalised chunks, words' character n-grams) are emptied, i.e. every distinct word of the batch is new to it.
  Times are the process's CPU time (``time.process_time``): on a shared, loaded machine the wall time counts the
  other processes' turns on the core; on an idle core the two are the same. The load average is printed beside
  the figures; the ratio to the peer measured in the same run is the figure to trust;
* model load time and size on disk;
* peak resident memory of a process that loads the model and classifies 20,000 texts;
* training time and peak memory of ``canhgiac content train --no-eval`` pinned to TWO cores.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[2]
LIMITS = {"texts_per_s": 5000, "cues_per_s": 2000, "train_s": 300, "model_mb": 50, "rss_mb": 1024}
CLOCK = time.process_time  # CPU time of this single-threaded, pinned process (see the docstring)


def _pin(cpus: set[int]) -> None:
    available = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {available[i % len(available)] for i in cpus})


def throughput(fn, texts, repeat: int = 3) -> float:
    best = 0.0
    for _ in range(repeat):
        start = CLOCK()
        fn(texts)
        best = max(best, len(texts) / max(CLOCK() - start, 1e-9))
    return best


def cold(model, texts) -> float:
    """Throughput of one batch right after the classifier's caches are emptied."""
    from canhgiac.content import features, normalize

    features.clear_caches()
    normalize.clear_cache()
    start = CLOCK()
    model.classify(texts, cues=False)
    return len(texts) / max(CLOCK() - start, 1e-9)


def classify_bench() -> dict:
    from baselines import PlainSvm

    from canhgiac.content import datasets as ds
    from canhgiac.content.model import MODEL_DIR, MODEL_FILE, ContentModel

    _pin({0})
    path = MODEL_DIR / MODEL_FILE
    start = time.perf_counter()
    model = ContentModel.load(path)
    model.classify(["khởi động"])
    load_s = time.perf_counter() - start
    import sms_labels

    comments = ds.load_vihsd("test")[0]
    sms = [r[1] for r in sms_labels.load()]
    queued = [t for t, p in zip(sms, model.classify(sms, cues=False), strict=True) if p.label != "normal"]
    train_texts, train_y = ds.load_vihsd("train")
    plain = PlainSvm().fit(train_texts, train_y)
    out = {"model_mb": path.stat().st_size / 1e6, "load_s": load_s}
    for name, texts in (("ViHSD comments", comments), ("real SMS", sms), ("queued SMS", queued)):
        one = texts[:300]
        out[name] = {
            "canhgiac (cues)": throughput(lambda t: model.classify(t, cues=True), texts),
            "canhgiac (no cues)": throughput(lambda t: model.classify(t, cues=False), texts),
            "canhgiac, cold": cold(model, texts),
            "tfidf+LinearSVC": throughput(plain.predict, texts),
            "canhgiac, 1 per call": throughput(lambda t: [model.classify([x], cues=False) for x in t], one),
            "tfidf+LinearSVC, 1 per call": throughput(lambda t: [plain.predict([x]) for x in t], one),
            "mean_chars": sum(map(len, texts)) / len(texts),
        }
    return out


def rss_of_classification() -> float:
    code = (
        "import os,resource;os.sched_setaffinity(0,{sorted(os.sched_getaffinity(0))[0]});"
        "from canhgiac.content import datasets as ds;from canhgiac.content.model import classify;"
        "t=ds.load_vihsd('test')[0]*3;[classify(t[i:i+2000]) for i in range(0,len(t),2000)];"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return int(res.stdout.strip().splitlines()[-1]) / 1024


def train_bench() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "canhgiac.settings"}
    cpus = sorted(os.sched_getaffinity(0))[:2]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["taskset", "-c", ",".join(map(str, cpus)), sys.executable, "-m", "canhgiac.cli", "content", "train",
               "--no-eval", "--out", str(Path(tmp) / "m.joblib")]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"train_s": wall, "train_rss_mb": rss, "cores": len(cpus)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-train", action="store_true")
    args = parser.parse_args()
    train = None if args.skip_train else train_bench()
    rss = rss_of_classification()
    res = classify_bench()
    load = os.getloadavg()
    print("\n## Classification throughput, one core (texts/s of CPU time); the machine is shared: compare the ratios")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'texts':<16} {'chars':>5} {'canhgiac+cues':>13} {'canhgiac':>9} {'cold':>7} {'tfidf+SVC':>9} "
          f"{'ratio':>6} {'1/call':>7} {'peer 1/call':>11} {'ratio':>6}")  # fmt: skip
    names = ("ViHSD comments", "real SMS", "queued SMS")
    for name in names:
        r = res[name]
        ratio = r["canhgiac (no cues)"] / r["tfidf+LinearSVC"]
        ratio1 = r["canhgiac, 1 per call"] / r["tfidf+LinearSVC, 1 per call"]
        print(f"{name:<16} {r['mean_chars']:5.0f} {r['canhgiac (cues)']:13,.0f} {r['canhgiac (no cues)']:9,.0f} "
              f"{r['canhgiac, cold']:7,.0f} {r['tfidf+LinearSVC']:9,.0f} {ratio:6.2f} "
              f"{r['canhgiac, 1 per call']:7,.0f} {r['tfidf+LinearSVC, 1 per call']:11,.0f} {ratio1:6.2f}")  # fmt: skip
    print("\n## Size, memory, training")
    rows = [("model on disk (MB)", res["model_mb"], LIMITS["model_mb"]), ("model load (s)", res["load_s"], None),
            ("peak RSS classifying (MB)", rss, LIMITS["rss_mb"])]  # fmt: skip
    if train:
        rows += [(f"training wall time, {train['cores']} cores (s)", train["train_s"], LIMITS["train_s"]),
                 ("peak RSS training (MB)", train["train_rss_mb"], LIMITS["rss_mb"])]  # fmt: skip
    for label, value, limit in rows:
        verdict = "" if limit is None else ("ok" if value <= limit else "OVER")
        print(f"{label:<36} {value:10.1f}  {'≤ ' + str(limit) if limit else '':>8} {verdict}")
    # The limits (issue 9, item 5): classification of short texts (ViHSD comments) and of real SMS in a batch, and cues
    # for the texts that reach the queue.
    below = []
    for label, value, limit in (
        (
            "classification, ViHSD comments (texts/s)",
            res["ViHSD comments"]["canhgiac (no cues)"],
            LIMITS["texts_per_s"],
        ),
        ("classification, real SMS (texts/s)", res["real SMS"]["canhgiac (no cues)"], LIMITS["texts_per_s"]),
        ("with cues, queued SMS (texts/s)", res["queued SMS"]["canhgiac (cues)"], LIMITS["cues_per_s"]),
    ):
        ok = value >= limit
        print(f"{label:<42} {value:10,.0f}  ≥ {limit:>6} {'ok' if ok else 'UNDER'}")
        below += [] if ok else [label]
    if below or res["model_mb"] > LIMITS["model_mb"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
