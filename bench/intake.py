"""Citizen intake under load, through real HTTP servers, on SQLite and PostgreSQL, each beside a named peer.

1. Public look-up, ``GET /api/public/lookup/?q=…`` (numbers written as people write them), with M indicators and N
   reports, under C concurrent clients. Peer: Django admin's changelist search on the indicators for the same value
   (what a Django team ships by default to answer "do we know this number?"; it does not count reports).
2. Report submission, ``POST /api/public/reports/``, as fast as S concurrent clients go for T seconds: submissions per
   second, errors, and rows stored against 2xx answers (none may be lost). Peer: a minimal Django view writing the
   same form with one INSERT (``bench/intake_peer.py``), on the same database, under the same gunicorn settings.

    python bench/intake.py [--db sqlite|postgres|both] [--indicators 1000000] [--reports 5000000]
PostgreSQL: BENCH_POSTGRES_URL (default postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_intake_bench).
Targets: look-up p95 ≤ 50 ms; submission ≥ 50/s with zero errors and zero lost submissions.
The per-address limits are raised for the run (every client comes from 127.0.0.1); the checks still run.
"""

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

import aiohttp
import phonenumbers

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fill_intake import HOT, phone, value  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PASSWORD = "bench-password-2026"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def written(text: str, rng: random.Random) -> str:
    """A phone number as people write it: "0912 345 678", "+84 912.345.678", "84912345678", "(091) 234-5678"."""
    if not text.startswith("+84"):
        return text.upper() if rng.random() < 0.3 else text
    national = "0" + text[3:]
    return rng.choice(
        [
            national,
            f"{national[:4]} {national[4:7]} {national[7:]}",
            f"+84 {text[3:6]}.{text[6:9]}.{text[9:]}",
            text[1:],
            f"({national[:3]}) {national[3:6]}-{national[6:]}",
        ]
    )


def queries(n_indicators: int, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(as written, stored value): a third hot numbers, the rest any indicator, a few never reported."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.33:
            stored = value(rng.randrange(HOT))[1]
        elif roll < 0.95:
            stored = value(rng.randrange(n_indicators))[1]
        else:
            stored = phone(n_indicators * 7 + rng.randrange(10**6))
        if stored.startswith("+") and not phonenumbers.is_valid_number(phonenumbers.parse(stored)):
            continue  # a generated number no carrier plan has (the look-up rightly refuses it)
        out.append((written(stored, rng), stored))
    return out


def wait_up(url: str) -> None:
    import urllib.request

    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not start")


async def admin_session(base: str) -> aiohttp.ClientSession:
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for an address host (127.0.0.1)
    session = aiohttp.ClientSession(base, connector=aiohttp.TCPConnector(limit=0), cookie_jar=jar)
    async with session.get("/admin/login/") as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', await response.text()).group(1)
    data = {"username": "bench", "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
    async with session.post("/admin/login/", data=data, allow_redirects=False) as response:
        assert response.status == 302, await response.text()
    return session


async def timed_gets(session, paths: list[str], clients: int, check=None, every: float = 0) -> tuple[list[float], int]:
    """GET ``paths`` from ``clients`` concurrent clients: each sends its next request as soon as its answer came
    (``every`` = 0, saturation), or one every ``every`` seconds (people looking numbers up), start times staggered."""
    latencies: list[float] = []
    errors = 0
    queue = list(paths)

    async def client(n: int):
        nonlocal errors
        due = time.perf_counter() + (every * n / clients if every else 0)
        while queue:
            if every:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                due += every
            if not queue:
                break
            path = queue.pop()
            started = time.perf_counter()
            async with session.get(path) as response:
                body = await response.read()
                elapsed = (time.perf_counter() - started) * 1000
            latencies.append(elapsed)
            if response.status != 200 or (check and not check(path, body)):
                errors += 1

    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, errors


async def submissions(base: str, path: str, clients: int, seconds: float, run_id: str) -> tuple[int, int, float]:
    ok = bad = 0
    stop = time.perf_counter() + seconds
    async with aiohttp.ClientSession(base, connector=aiohttp.TCPConnector(limit=0)) as session:

        async def client(n: int):
            nonlocal ok, bad
            i = 0
            while time.perf_counter() < stop:
                i += 1
                body = {"content": f"{run_id}-{n}-{i}: cuộc gọi giả danh ngân hàng đòi chuyển tiền", "consent": True,
                        "report_type": "scam_call", "phones": f"09{(n * 100003 + i) % 10**8:08d}",
                        "reporter_email": "bench@example.com"}  # fmt: skip
                try:
                    async with session.post(path, json=body) as response:
                        await response.read()
                        if 200 <= response.status < 300:
                            ok += 1
                        else:
                            bad += 1
                except aiohttp.ClientError:
                    bad += 1

        started = time.perf_counter()
        await asyncio.gather(*(client(n) for n in range(clients)))
        return ok, bad, time.perf_counter() - started


def stored(env: dict, sql: str) -> int:
    code = (
        "import os,django;os.environ.setdefault('DJANGO_SETTINGS_MODULE','canhgiac.settings');django.setup();"
        f"from django.db import connection;c=connection.cursor();c.execute({sql!r});print(c.fetchone()[0])"
    )
    return int(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout)


def p(values, q):
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def bench_database(name: str, database_url: str | None, args) -> dict:
    env = dict(os.environ, CANHGIAC_VAR=str(OUT / f"intake-var-{name}"), DB_CONN_MAX_AGE="60", INTAKE_CAPTCHA="0",
               INTAKE_RATE_LOOKUP="1000000000/60", INTAKE_RATE_SUBMIT="1000000000/60")  # fmt: skip
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    canhgiac = [sys.executable, "-m", "canhgiac.cli"]
    subprocess.run([*canhgiac, "migrate", "--noinput", "-v0"], env=env, check=True)
    started = time.perf_counter()
    fill = [sys.executable, str(ROOT / "bench" / "fill_intake.py"), str(args.indicators), str(args.reports)]
    subprocess.run(fill, env=env, check=True)
    print(f"[{name}] data ready in {time.perf_counter() - started:.0f}s", flush=True)
    ours_port, peer_port = free_port(), free_port()
    # The peer writes into the same database as ours.
    peer_env = dict(env, DATABASE_URL=database_url or f"sqlite:///{OUT / f'intake-var-{name}' / 'canhgiac.sqlite3'}")
    servers = [
        subprocess.Popen([*canhgiac, "serve", f"--bind=127.0.0.1:{ours_port}", f"--workers={args.workers}",
                          f"--threads={args.threads}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, str(ROOT / "bench" / "intake_peer.py"), f"--bind=127.0.0.1:{peer_port}",
                          f"--workers={args.workers}", f"--threads={args.threads}"], env=peer_env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]  # fmt: skip
    ours, peer = f"http://127.0.0.1:{ours_port}", f"http://127.0.0.1:{peer_port}"
    try:
        wait_up(ours + "/congdan/")
        time.sleep(2)  # the peer answers POST only
        return asyncio.run(measure(name, ours, peer, env, args))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


async def measure(name: str, ours: str, peer: str, env: dict, args) -> dict:
    asked = queries(args.indicators, args.clients * args.lookups)
    expected = dict(asked)

    def answered(path: str, body: bytes) -> bool:
        q = urllib.parse.unquote_plus(path.split("q=", 1)[1])
        return f'"value":"{expected[q]}"'.encode() in body

    paths = [f"/api/public/lookup/?q={urllib.parse.quote_plus(q)}" for q, _ in asked]
    async with aiohttp.ClientSession(ours, connector=aiohttp.TCPConnector(limit=0)) as session:
        await timed_gets(session, paths[: args.clients], args.clients)  # warm the connections and caches
        ours_ms, ours_errors = await timed_gets(session, paths, args.clients, answered, every=args.every)
        busy_ms, busy_errors = await timed_gets(session, paths, args.clients, answered)
        async with session.get(
            paths[0].split("q=")[0] + "q=" + urllib.parse.quote_plus(written(phone(0), random.Random(1)))
        ) as r:
            hot = (await r.json())["reports"]
    session = await admin_session(ours)
    peer_paths = [
        f"/admin/cases/indicator/?q={urllib.parse.quote_plus(v)}" for _, v in asked[: args.clients * args.peer_lookups]
    ]
    try:
        peer_ms, peer_errors = await timed_gets(session, peer_paths, args.clients)
    finally:
        await session.close()
    print(f"[{name}] look-up done (a hot number: {hot} reports)", flush=True)
    run_id = uuid.uuid4().hex[:10]
    ok, bad, elapsed = await submissions(ours, "/api/public/reports/", args.submit_clients, args.seconds, run_id)
    kept = stored(env, f"SELECT COUNT(*) FROM intake_report WHERE content LIKE '{run_id}-%'")
    peer_ok, peer_bad, peer_elapsed = await submissions(peer, "/submit/", args.submit_clients, args.seconds, run_id)
    peer_kept = stored(env, f"SELECT COUNT(*) FROM bench_peer_report WHERE content LIKE '{run_id}-%'")
    print(f"[{name}] submission done", flush=True)
    return {
        "db": name,
        "ours_ms": ours_ms,
        "ours_errors": ours_errors,
        "busy_ms": busy_ms,
        "busy_errors": busy_errors,
        "peer_ms": peer_ms,
        "peer_errors": peer_errors,
        "submit": (ok, bad, elapsed, kept),
        "peer_submit": (peer_ok, peer_bad, peer_elapsed, peer_kept),
        "hot": hot,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=5_000_000)
    parser.add_argument("--clients", type=int, default=50, help="concurrent look-up clients")
    parser.add_argument("--lookups", type=int, default=40, help="look-ups per client")
    parser.add_argument("--every", type=float, default=1.0, help="seconds between one client's look-ups")
    parser.add_argument("--peer-lookups", type=int, default=2, help="peer look-ups per client (the admin is slow)")
    parser.add_argument("--submit-clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30, help="how long submissions are sent")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    if args.db in ("sqlite", "both"):
        results.append(bench_database("sqlite", None, args))
    if args.db in ("postgres", "both"):
        url = os.environ.get("BENCH_POSTGRES_URL", "postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_intake_bench")
        parsed = urllib.parse.urlparse(url)
        subprocess.run(["psql", url.replace(parsed.path, "/postgres"), "-qc", f"CREATE DATABASE {parsed.path[1:]}"],
                       stderr=subprocess.DEVNULL)  # fmt: skip
        results.append(bench_database("postgres", url, args))
    report(results, args)


def report(results: list[dict], args) -> None:
    print(f"\n{args.indicators:,} indicators, {args.reports:,} reports; {os.cpu_count()} CPU; server: gunicorn "
          f"{args.workers} workers × {args.threads} threads (ours and the peers alike)")  # fmt: skip
    failed = False
    print(f"\nLook-up, {args.clients} concurrent clients; peer = Django admin changelist search on indicators "
          "(peer clients send as fast as answers come)")  # fmt: skip
    print(f"{'db':<9}{'clients send':<22}{'n':>6}{'p50':>9}{'p95':>9}{'max':>9}{'errors':>7}{'peer p50':>10}"
          f"{'peer p95':>10}{'p95 ratio':>11}  target")  # fmt: skip
    for r in results:
        e95 = p(r["peer_ms"], 95)
        for label, key, judged in (
            (f"one every {args.every:g} s", "ours_ms", True),
            ("as fast as answered", "busy_ms", False),
        ):
            values, errors = r[key], r["ours_errors" if judged else "busy_errors"]
            o95 = p(values, 95)
            ok = o95 <= 50 and errors == 0
            failed |= judged and not ok
            verdict = ("OK" if ok else "MISSED") + " (p95 ≤ 50 ms, no wrong answer)" if judged else "saturation (shown)"
            print(f"{r['db']:<9}{label:<22}{len(values):>6}{p(values, 50):>7.1f}ms{o95:>7.1f}ms{max(values):>7.0f}ms"
                  f"{errors:>7}{p(r['peer_ms'], 50):>8.0f}ms{e95:>8.0f}ms{e95 / o95:>10.1f}×  {verdict}")  # fmt: skip
    print(
        f"\nSubmission, {args.submit_clients} concurrent clients for {args.seconds:.0f} s; "
        "peer = one-INSERT Django view"
    )
    print(f"{'db':<9}{'2xx':>7}{'errors':>8}{'stored':>8}{'ours/s':>9}{'peer/s':>9}{'peer err':>9}{'peer lost':>10}"
          f"{'ratio':>8}  target")  # fmt: skip
    for r in results:
        ok_count, bad, elapsed, kept = r["submit"]
        peer_ok, peer_bad, peer_elapsed, peer_kept = r["peer_submit"]
        rate, peer_rate = ok_count / elapsed, peer_ok / peer_elapsed
        ok = rate >= 50 and bad == 0 and kept == ok_count
        failed |= not ok
        print(f"{r['db']:<9}{ok_count:>7}{bad:>8}{kept:>8}{rate:>9.1f}{peer_rate:>9.1f}{peer_bad:>9}"
              f"{peer_ok - peer_kept:>10}{rate / peer_rate:>7.2f}×  {'OK' if ok else 'MISSED'} "
              "(≥ 50/s, 0 errors, stored = 2xx)")  # fmt: skip
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
