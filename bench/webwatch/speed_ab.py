"""A/B speed bench: the same generated sites, served by one nginx, scanned alternately by two or more versions of
the scanner, so that a shared, loaded machine slows every version alike.

    PYTHONPATH=src:. .venv/bin/python -m bench.webwatch.speed_ab --rev 2fe824a --rev HEAD [--pages 2000] [--rounds 3]

``--rev`` takes a git revision (its ``src/`` is exported with ``git archive`` into a temporary folder); ``--src
NAME=PATH`` a source folder as it is. Each run is ``canhgiac watch scan`` as in ``speed.py`` (workers 2, 4 visitor
identities, 32 requests in flight), pinned to the CPUs of ``--cpus`` with taskset. For each version it prints wall
pages/s and the CPU time of the scanner's whole process tree per page (sampled from /proc every 50 ms: less
sensitive to other load than wall time), best and median over the rounds, with the load average before each run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.webwatch.corpus import REPO
from bench.webwatch.speed import NGINX_CONF, SERVER, free_port, generate, wait_ready

_TICK = os.sysconf("SC_CLK_TCK")


class TreeCPU:
    """User + system CPU seconds of a process tree (the last sample of each process is kept)."""

    def __init__(self, pid: int):
        self.pid, self.last, self._stop = pid, {}, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            try:
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split())
            except OSError:
                pass
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            for p in self._tree():
                try:
                    fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                self.last[p] = (int(fields[11]) + int(fields[12])) / _TICK
            time.sleep(0.05)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return sum(self.last.values())


def export(rev: str, into: Path) -> Path:
    """``src/`` of a git revision, exported into ``into``."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", action="append", default=[], help="a git revision to measure (repeatable)")
    ap.add_argument("--src", action="append", default=[], help="NAME=PATH of a source folder to measure")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--sites", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cpus", default="0,1", help="taskset CPU list for the scanner")
    args = ap.parse_args(argv)
    if len(args.rev) + len(args.src) < 2:
        ap.error("give at least two versions (--rev / --src)")
    if not shutil.which("nginx"):
        print("nginx is required (apt-get install nginx)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="webwatch-ab-"))
    tmp.chmod(0o755)  # nginx workers run as an unprivileged user
    (tmp / "www").mkdir()
    (tmp / "tmp").mkdir()
    versions: list[tuple[str, Path]] = [(rev, export(rev, tmp / f"rev{i}")) for i, rev in enumerate(args.rev)]
    versions += [(spec.split("=", 1)[0], Path(spec.split("=", 1)[1]).resolve()) for spec in args.src]
    per_site = args.pages // args.sites
    servers, urls = [], []
    for k in range(args.sites):
        root = tmp / "www" / f"s{k}"
        root.mkdir()
        generate(root, per_site, seed=5 + k)
        port = free_port()
        servers.append(SERVER.format(port=port, root=root))
        urls.append(f"http://127.0.0.1:{port}/")
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(d=tmp, servers="\n".join(servers)))
    nginx = subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)])
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in versions}
    print(f"webwatch A/B — {args.sites} sites, {per_site * args.sites} pages × 4 identities, workers {args.workers}, "
          f"taskset -c {args.cpus}, {os.cpu_count()} CPUs")  # fmt: skip
    try:
        for u in urls:
            wait_ready(int(u.rsplit(":", 1)[1].strip("/")), tmp)
        for r in range(args.rounds):
            for name, src in versions:
                # versions before the network guard have no --allow-private (and need none)
                guard = ["--allow-private"] if (src / "canhgiac/webwatch/engine/netguard.py").exists() else []
                cmd = ["taskset", "-c", args.cpus, sys.executable, "-m", "canhgiac.cli", "watch", "scan", *urls,
                       "--json", "--depth", "50", "--max-pages", str(per_site), "--per-host", "8", "--concurrency",
                       "32", "--rate", "0", "--workers", str(args.workers), "--no-sitemap", *guard]  # fmt: skip
                env = os.environ | {"PYTHONPATH": str(src), "CANHGIAC_VAR": str(tmp / f"var-{abs(hash(name))}")}
                load = os.getloadavg()
                began = time.perf_counter()
                proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                cpu = TreeCPU(proc.pid)
                out, err = proc.communicate()
                wall, cpu_s = time.perf_counter() - began, cpu.stop()
                if proc.returncode not in (0, 1) or not out.strip():
                    print(err[-3000:], file=sys.stderr)
                    return 2
                sites = json.loads(out)
                pages = sum(len(s["pages"]) for s in sites)
                flagged = sum(p["flagged"] for s in sites for p in s["pages"])
                results[name].append((pages / wall, cpu_s / pages * 1000))
                print(f"  round {r + 1} {name:>12}: {pages} pages in {wall:5.1f} s = {pages / wall:4.0f} pages/s, "
                      f"CPU {cpu_s / pages * 1000:5.2f} ms/page, {flagged} flagged;  load {load[0]:.2f} {load[1]:.2f} "
                      f"{load[2]:.2f}", flush=True)  # fmt: skip
    finally:
        nginx.terminate()
        nginx.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    first = versions[0][0]
    base_rate = statistics.median(x for x, _ in results[first])
    base_cpu = statistics.median(c for _, c in results[first])
    for name, runs in results.items():
        rate, cpu = statistics.median(x for x, _ in runs), statistics.median(c for _, c in runs)
        print(f"{name:>14}: pages/s median {rate:4.0f} (best {max(x for x, _ in runs):.0f}), CPU ms/page median "
              f"{cpu:5.2f} (best {min(c for _, c in runs):.2f});  vs {first}: pages/s ×{rate / base_rate:.2f}, "
              f"CPU ×{cpu / base_cpu:.2f}")  # fmt: skip
    print("load average now:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
