"""Speed, size and memory of the content classifier, next to a plain TF-IDF + LinearSVC in the same run.

Run from the repository root:  PYTHONPATH=src .venv/bin/python bench/content/speed.py [--skip-train]

* classification throughput on ONE core (process pinned to one CPU, BLAS threads = 1) on short texts:
  the ViHSD test comments (mean 48 characters) and SMS-like generated texts; with and without cues;
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
LIMITS = {"texts_per_s": 5000, "train_s": 300, "model_mb": 50, "rss_mb": 1024}


def _pin(cpus: set[int]) -> None:
    available = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {available[i % len(available)] for i in cpus})


def throughput(fn, texts, repeat: int = 3) -> float:
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        fn(texts)
        best = max(best, len(texts) / (time.perf_counter() - start))
    return best


def classify_bench() -> dict:
    from baselines import PlainSvm

    from canhgiac.content import datasets as ds
    from canhgiac.content.evaluate import own_eval_set
    from canhgiac.content.model import MODEL_DIR, MODEL_FILE, ContentModel

    _pin({0})
    path = MODEL_DIR / MODEL_FILE
    start = time.perf_counter()
    model = ContentModel.load(path)
    model.classify(["khởi động"])
    load_s = time.perf_counter() - start
    comments = ds.load_vihsd("test")[0]
    sms = own_eval_set()[0][:1800]
    train_texts, train_y = ds.load_vihsd("train")
    plain = PlainSvm().fit(train_texts, train_y)
    out = {"model_mb": path.stat().st_size / 1e6, "load_s": load_s}
    for name, texts in (("ViHSD comments", comments), ("generated SMS/posts", sms)):
        out[name] = {
            "canhgiac (cues)": throughput(lambda t: model.classify(t, cues=True), texts),
            "canhgiac (no cues)": throughput(lambda t: model.classify(t, cues=False), texts),
            "tfidf+LinearSVC": throughput(plain.predict, texts),
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
    print("\n## Classification throughput, one core (texts/s)")
    print(f"{'texts':<22} {'chars':>6} {'canhgiac+cues':>14} {'canhgiac':>10} {'tfidf+SVC':>10} {'ratio':>6}")
    for name in ("ViHSD comments", "generated SMS/posts"):
        r = res[name]
        ratio = r["canhgiac (cues)"] / r["tfidf+LinearSVC"]
        print(f"{name:<22} {r['mean_chars']:6.0f} {r['canhgiac (cues)']:14,.0f} {r['canhgiac (no cues)']:10,.0f} "
              f"{r['tfidf+LinearSVC']:10,.0f} {ratio:6.2f}")  # fmt: skip
    print("\n## Size, memory, training")
    rows = [("model on disk (MB)", res["model_mb"], LIMITS["model_mb"]), ("model load (s)", res["load_s"], None),
            ("peak RSS classifying (MB)", rss, LIMITS["rss_mb"])]  # fmt: skip
    if train:
        rows += [(f"training wall time, {train['cores']} cores (s)", train["train_s"], LIMITS["train_s"]),
                 ("peak RSS training (MB)", train["train_rss_mb"], LIMITS["rss_mb"])]  # fmt: skip
    for label, value, limit in rows:
        verdict = "" if limit is None else ("ok" if value <= limit else "OVER")
        print(f"{label:<36} {value:10.1f}  {'≤ ' + str(limit) if limit else '':>8} {verdict}")
    # The limit is on classification (label and scores); cues are an extra computed for flagged texts only, so both
    # are judged and printed.
    for key, label in (
        ("canhgiac (no cues)", "slowest classification (texts/s)"),
        ("canhgiac (cues)", "slowest with cues (texts/s)"),
    ):
        worst = min(res[n][key] for n in ("ViHSD comments", "generated SMS/posts"))
        print(f"{label:<36} {worst:10,.0f}  ≥ {LIMITS['texts_per_s']:>6} "
              f"{'ok' if worst >= LIMITS['texts_per_s'] else 'UNDER'}")  # fmt: skip


if __name__ == "__main__":
    main()
