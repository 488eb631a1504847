"""Case list and indicator search under concurrent load, through a real HTTP server, on SQLite and PostgreSQL.

Fills 200,000 cases and 1,000,000 indicators (bulk inserts), starts `canhgiac serve`, and measures the first page
of (a) the case list with a filter and (b) an indicator search, against a named peer: Django admin's changelist
for the same filter/search (what a Django team ships by default). Prints p50/p95/max and the ratio.

    python bench/cases_list.py [--db sqlite|postgres|both] [--cases 200000] [--indicators 1000000]
PostgreSQL: set BENCH_POSTGRES_URL (default postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_bench).
Target: p95 ≤ 200 ms for ours on both databases.
"""

import argparse
import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PASSWORD = "bench-password-2026"
SCENARIOS = [
    # (name, ours, peer)
    (
        "case list, filter category+status",
        "/cases/?category=fraud&status=handling",
        "/admin/cases/case/?category__exact=fraud&status__exact=handling",
    ),
    ("indicator search, phone prefix", "/cases/indicators/?q=09123", "/admin/cases/indicator/?q=%2B849123"),
    ("indicator search, domain prefix", "/cases/indicators/?q=nhacai1234", "/admin/cases/indicator/?q=nhacai1234"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, check=True, **kwargs)


def login(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post("/login/", data={"username": "bench", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302, response.text[:500]
    return client


def load(base: str, path: str, concurrency: int, requests_per_worker: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def worker():
        client = login(base)
        client.get(path)  # warm this connection
        mine = []
        for _ in range(requests_per_worker):
            started = time.perf_counter()
            response = client.get(path)
            mine.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                errors.append(f"{response.status_code} {path}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"errors: {errors[:3]}")
    return latencies


def p(values, q):
    return statistics.quantiles(values, n=100)[q - 1]


@contextlib.contextmanager
def serving(name: str, database_url: str | None, args):
    """The bench database ``name`` migrated, filled (once) and analysed, served by ``canhgiac serve``: yields its
    base URL and stops the server after."""
    env = dict(os.environ, CANHGIAC_VAR=str(OUT / f"var-{name}"), DB_CONN_MAX_AGE="60")
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    canhgiac = [sys.executable, "-m", "canhgiac.cli"]
    run([*canhgiac, "migrate", "--noinput", "-v0"], env)
    started = time.perf_counter()
    run([sys.executable, str(ROOT / "bench" / "fill_cases.py"), str(args.cases), str(args.indicators)], env)
    print(f"[{name}] filled in {time.perf_counter() - started:.0f}s")
    run([*canhgiac, "dbshell"], env, input=b"ANALYZE;\n", stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [*canhgiac, "serve", f"--bind=127.0.0.1:{port}", f"--workers={args.workers}", f"--threads={args.threads}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/login/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def prepare_postgres() -> str:
    """The PostgreSQL bench database's URL (BENCH_POSTGRES_URL), created when missing."""
    url = os.environ.get("BENCH_POSTGRES_URL", "postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_bench")
    parsed = urllib.parse.urlparse(url)
    subprocess.run(
        ["psql", url.replace(parsed.path, "/postgres"), "-qc", f"CREATE DATABASE {parsed.path[1:]}"],
        stderr=subprocess.DEVNULL,
    )
    return url


def bench_database(name: str, database_url: str | None, args) -> list[tuple]:
    rows = []
    with serving(name, database_url, args) as base:
        for scenario, ours, peer in SCENARIOS:
            body = login(base).get(ours).text
            count = re.search(r'id="result-count">([\d.]+)', body)
            ours_ms = load(base, ours, args.concurrency, args.requests)
            peer_ms = load(base, peer, args.concurrency, max(5, args.requests // 4))
            rows.append((name, scenario, count.group(1) if count else "?", ours_ms, peer_ms))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--requests", type=int, default=100, help="per concurrent client")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    if args.db in ("sqlite", "both"):
        rows += bench_database("sqlite", None, args)
    if args.db in ("postgres", "both"):
        rows += bench_database("postgres", prepare_postgres(), args)
    print(
        f"\n{args.cases:,} cases, {args.indicators:,} indicators; {args.concurrency} concurrent clients; "
        f"server: gunicorn {args.workers} workers × {args.threads} threads; peer = Django admin changelist"
    )
    header = "".join(f"{h:>10}" for h in ["ours p50", "ours p95", "peer p50", "peer p95"])
    print(f"{'db':<9}{'scenario':<36}{'rows':>8}{header}{'p95 ratio':>11}  target")
    failed = False
    for db, scenario, count, ours, peer in rows:
        ours95, peer95 = p(ours, 95), p(peer, 95)
        ok = ours95 <= 200
        failed |= not ok
        print(
            f"{db:<9}{scenario:<36}{count:>8}{p(ours, 50):>8.0f}ms{ours95:>8.0f}ms{p(peer, 50):>8.0f}ms{peer95:>8.0f}ms"
            f"{peer95 / ours95:>10.1f}×  {'OK' if ok else 'MISSED'} (p95 ≤ 200 ms)"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
