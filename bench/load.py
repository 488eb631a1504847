"""Fifty people at work at once: reads, searches and writes mixed, through ``canhgiac serve``, on SQLite and PostgreSQL.

Each simulated user logs in (the login page, as a person does), then for ``--duration`` seconds picks its next
action from the mix below, waits a think time between two of them (uniform in ``--think MIN MAX``: 1–5 s, as
locust's ``between(1, 5)``), and checks every answer. Counts are taken in the database after the run: every
2xx/redirect answer of a write must be a stored row, and no row may exist without one.

    reads     case list, case detail, letter list, dashboard, figures page
    searches  /search/?q= and /cases/?q= with phone numbers as typed and Vietnamese written without accents
    writes    create a case through the API with two indicators; add an indicator (the case page's form);
              register a letter through the API

The peer, in the same run, on the same data and the same server command: canhgiac as it was at ``--peer-ref``
(default: the commit before this benchmark's fixes), its ``src/`` taken out of git into ``bench/out/``.

    python bench/load.py [--db sqlite|postgres|both] [--duration 300] [--users 50] [--think 1 5]
PostgreSQL: BENCH_POSTGRES_URL (default postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_load_bench).
Targets: 0 errors, 0 lost writes, p95 ≤ 500 ms on SQLite (WAL) and ≤ 300 ms on PostgreSQL.
"""

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections import defaultdict
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PASSWORD = "bench-password-2026"
PEER_REF = "2fe824a"  # the lead's commit this work started from
WORDS = ["gia danh cong an", "lua dao dau tu", "ca do bong da", "vay nong", "tin gia", "de nghi xac minh"]
PHONE_PREFIXES = ["91", "94", "88", "96", "97", "98", "86", "32", "33", "90", "93", "89", "70", "56", "99"]
MOBILE_PREFIXES = ["90", "91", "93", "94", "96", "97", "98", "86", "88", "32", "33", "70", "77", "84"]  # all valid
# (kind, weight): about 60 % reads, 20 % searches, 20 % writes.
MIX = [
    ("case list", 14),
    ("case detail", 16),
    ("letter list", 10),
    ("dashboard", 10),
    ("figures", 6),
    ("global search", 10),
    ("case search", 10),
    ("create case (API)", 9),
    ("add indicator", 8),
    ("register letter (API)", 7),
]
WRITES = ("create case (API)", "add indicator", "register letter (API)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def stored(env: dict, sql: str) -> int:
    code = (
        "import os,django;os.environ.setdefault('DJANGO_SETTINGS_MODULE','canhgiac.settings');django.setup();"
        f"from django.db import connection;c=connection.cursor();c.execute({sql!r});print(c.fetchone()[0])"
    )
    return int(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout)


def p(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def phone_as_typed(rng: random.Random, n_indicators: int) -> str:
    """A stored phone (bench/fill_cases.py's numbering) as a person types it: "0912345678", "091 234 5678"."""
    i = rng.randrange(int(n_indicators * 0.6))
    national = f"0{PHONE_PREFIXES[i % len(PHONE_PREFIXES)]}{(i * 7919) % 10_000_000:07d}"
    return rng.choice([national, f"{national[:3]} {national[3:6]} {national[6:]}", national[:6]])


class User:
    """One person: a logged-in session and the actions it picks."""

    def __init__(self, base: str, n: int, args, tag: str, stats: dict, errors: list, new_cases: list):
        self.base, self.n, self.args, self.tag = base, n, args, tag
        self.stats, self.errors, self.new_cases = stats, errors, new_cases
        self.rng = random.Random(n * 7 + hash(tag) % 1000)
        self.writes = 0
        self.session: aiohttp.ClientSession | None = None

    async def login(self) -> None:
        jar = aiohttp.CookieJar(unsafe=True)
        timeout = aiohttp.ClientTimeout(total=120)
        # One connection per request: gunicorn's gthread worker may close an idle kept-alive connection just as a
        # request is sent on it (a reset that browsers retry silently); nginx in front does not reuse them either.
        connector = aiohttp.TCPConnector(force_close=True)
        self.session = aiohttp.ClientSession(self.base, cookie_jar=jar, timeout=timeout, connector=connector)
        async with self.session.get("/login/") as response:
            await response.read()
        data = {
            "username": f"load-{self.n % self.args.accounts + 1:02d}",
            "password": PASSWORD,
            "csrfmiddlewaretoken": self.csrf(),
        }
        async with self.session.post("/login/", data=data, allow_redirects=False) as response:
            body = await response.text()
            if response.status != 302:
                raise SystemExit(f"login failed ({response.status}): {body[:300]}")

    def csrf(self) -> str:
        return next(c.value for c in self.session.cookie_jar if c.key == "csrftoken")

    async def act(self, kind: str) -> None:
        rng, tag = self.rng, self.tag
        method, path, body, form, ok = "GET", "", None, None, (200,)
        if kind == "case list":
            path = rng.choice(["/cases/", "/cases/?status=handling", f"/cases/?page={rng.randint(2, 20)}"])
        elif kind == "case detail":
            path = f"/cases/{rng.randint(1, self.args.cases)}/"
        elif kind == "letter list":
            path = rng.choice(["/documents/", "/documents/?direction=in", f"/documents/?page={rng.randint(2, 10)}"])
        elif kind == "dashboard":
            path = "/"
        elif kind == "figures":
            path = "/figures/"
        elif kind in ("global search", "case search"):
            text = rng.choice(WORDS) if rng.random() < 0.5 else phone_as_typed(rng, self.args.indicators)
            path = ("/search/?q=" if kind == "global search" else "/cases/?q=") + urllib.parse.quote_plus(text)
        elif kind == "create case (API)":
            self.writes += 1
            method, path, ok = "POST", "/api/cases/", (201,)
            number = f"0{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"
            body = {
                "title": f"{tag}-{self.n}-{self.writes}: cuộc gọi giả danh công an yêu cầu chuyển tiền",
                "category": "fraud",
                "source": "hotline",
                "received_on": time.strftime("%Y-%m-%d"),
                "lead_agency": self.args.authority,
                "indicators_input": [
                    {"kind": "phone", "value": number},
                    {"kind": "domain", "value": f"{tag}-c{self.n}-{self.writes}.com.vn"},
                ],
            }
        elif kind == "add indicator":
            self.writes += 1
            case = rng.choice(self.new_cases) if self.new_cases and rng.random() < 0.5 else None
            case = case or rng.randint(1, self.args.cases)
            method, path, ok = "POST", f"/cases/{case}/indicators/add/", (302,)
            form = {"kind": "domain", "value": f"{tag}-i{self.n}-{self.writes}.vn", "csrfmiddlewaretoken": self.csrf()}
        elif kind == "register letter (API)":
            self.writes += 1
            method, path, ok = "POST", "/api/documents/", (201,)
            body = {
                "notation": f"{self.n * 1000 + self.writes}/CAT-ANM",
                "direction": "in",
                "doc_type": "cv",
                "date": time.strftime("%Y-%m-%d"),
                "issuing_agency": self.args.authority,
                "receiving_agencies": [self.args.authority],
                "summary": f"{tag}-{self.n}-{self.writes}: đề nghị xác minh thuê bao nghi lừa đảo",
            }
        headers = {"X-CSRFToken": self.csrf(), "Referer": self.base + "/"} if method == "POST" else None
        started = time.perf_counter()
        try:
            async with self.session.request(
                method, path, json=body, data=form, headers=headers, allow_redirects=False
            ) as response:
                answer = await response.read()
                status = response.status
        except (TimeoutError, aiohttp.ClientError) as exc:
            answer, status = repr(exc).encode(), 0
        elapsed = (time.perf_counter() - started) * 1000
        self.stats[kind].append(elapsed)
        if status not in ok:
            self.errors.append((kind, path, status, answer[:300].decode(errors="replace")))
            return
        if kind in WRITES:
            self.stats["written " + kind].append(1)
        if kind == "create case (API)":
            self.new_cases.append(int(re.search(rb'"id":(\d+)', answer).group(1)))

    async def run(self, stop: float) -> None:
        kinds, weights = zip(*MIX, strict=True)
        await asyncio.sleep(self.rng.uniform(0, self.args.think[1]))  # people do not all click at the same instant
        while time.perf_counter() < stop:
            await self.act(self.rng.choices(kinds, weights)[0])
            await asyncio.sleep(self.rng.uniform(*self.args.think))
        await self.session.close()


async def drive(base: str, args, tag: str) -> dict:
    stats: dict = defaultdict(list)
    errors: list = []
    new_cases: list = []
    users = [User(base, n, args, tag, stats, errors, new_cases) for n in range(args.users)]
    started = time.perf_counter()
    for user in users:  # one after another, as people arrive in the morning (a login hashes a password)
        await user.login()
    login_s = time.perf_counter() - started
    load_before = uptime()
    started = time.perf_counter()
    await asyncio.gather(*(user.run(started + args.duration) for user in users))
    return {
        "stats": stats,
        "errors": errors,
        "elapsed": time.perf_counter() - started,
        "login_s": login_s,
        "uptime": (load_before, uptime()),
    }


def peer_source(ref: str) -> Path:
    """canhgiac's ``src/`` at ``ref`` (git archive), extracted once under bench/out/."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True, check=True
    ).stdout.strip()
    target = OUT / f"peer-src-{commit}"
    if not (target / "src" / "canhgiac").exists():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "src"


def schema_of(src: Path, env: dict) -> None:
    """Bring the database to the migrations ``src`` has: a peer older than ours runs on the schema it knew (our
    newer migrations, indexes among them, unapplied), ours on its own."""
    ours = ROOT / "src"
    for folder in sorted((ours / "canhgiac").glob("*/migrations")):
        names = sorted(p.stem for p in folder.glob("0*.py"))
        theirs = sorted(p.stem for p in (src / folder.relative_to(ours)).glob("0*.py"))
        if theirs and theirs[-1] != names[-1]:
            subprocess.run(
                [sys.executable, "-m", "canhgiac.cli", "migrate", folder.parent.name, theirs[-1], "-v0"],
                env=env,
                check=True,
            )
    if src == ours:
        subprocess.run([sys.executable, "-m", "canhgiac.cli", "migrate", "-v0"], env=env, check=True)


def serve_and_drive(env: dict, src: Path, args, tag: str) -> dict:
    port = free_port()
    server_env = dict(env, PYTHONPATH=str(src))
    # As an operator starts it: `canhgiac serve` with its defaults (WEB_WORKERS, WEB_THREADS) and an address.
    server = subprocess.Popen(
        [sys.executable, "-m", "canhgiac.cli", "serve", f"--bind=127.0.0.1:{port}"],
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=open(OUT / f"load-{tag}.log", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        import urllib.request

        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        return asyncio.run(drive(base, args, tag))
    finally:
        server.terminate()
        server.wait(timeout=60)


def counted(env: dict, tag: str) -> dict:
    """Rows of this run in the database, per write kind."""
    return {
        "create case (API)": stored(env, f"SELECT COUNT(*) FROM cases_case WHERE title LIKE '{tag}-%'"),
        "add indicator": stored(
            env,
            "SELECT COUNT(*) FROM cases_caseindicator ci JOIN cases_indicator i ON i.id = ci.indicator_id "
            f"WHERE i.value LIKE '{tag.lower()}-i%'",
        ),
        "register letter (API)": stored(env, f"SELECT COUNT(*) FROM core_document WHERE summary LIKE '{tag}-%'"),
        "case links": stored(
            env,
            "SELECT COUNT(*) FROM cases_caseindicator ci JOIN cases_case c ON c.id = ci.case_id "
            f"WHERE c.title LIKE '{tag}-%' AND ci.indicator_id NOT IN "
            f"(SELECT id FROM cases_indicator WHERE value LIKE '{tag.lower()}-i%')",
        ),
    }


def bench_database(name: str, database_url: str | None, args) -> list[dict]:
    env = dict(os.environ, CANHGIAC_VAR=str(OUT / f"load-var-{name}"))
    env["PYTHONPATH"] = str(ROOT / "src")
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    canhgiac = [sys.executable, "-m", "canhgiac.cli"]
    subprocess.run([*canhgiac, "migrate", "--noinput", "-v0"], env=env, check=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fill_cases.py"), str(args.cases), str(args.indicators)],
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fill_load.py"), str(args.accounts), str(args.letters)],
        env=env,
        check=True,
    )
    subprocess.run([*canhgiac, "dbshell"], env=env, input=b"ANALYZE;\n", stdout=subprocess.DEVNULL, check=True)
    args.authority = stored(env, "SELECT id FROM core_agency WHERE code = 'STTTT'")
    print(f"[{name}] data ready in {time.perf_counter() - started:.0f}s", flush=True)
    results = []
    runs = [("canhgiac", ROOT / "src")]
    if args.peer_ref != "none":
        runs.append((f"peer: canhgiac at {args.peer_ref}", peer_source(args.peer_ref)))
    for label, src in runs:
        tag = "L" + uuid.uuid4().hex[:8]
        schema_of(src, env)
        print(f"[{name}] {label}: {args.users} users for {args.duration:.0f} s …", flush=True)
        result = serve_and_drive(env, src, args, tag)
        result.update(db=name, label=label, rows=counted(env, tag))
        results.append(result)
        report_one(result)
    return results


def report_one(r: dict) -> None:
    stats, elapsed = r["stats"], r["elapsed"]
    every = [v for kind, _ in MIX for v in stats[kind]]
    print(
        f"\n{r['db']} — {r['label']}: {len(every)} requests in {elapsed:.0f} s ({len(every) / elapsed:.1f}/s), "
        f"{len(r['errors'])} errors; logins took {r['login_s']:.1f} s"
    )
    print(f"  load before: {r['uptime'][0]}\n  load after:  {r['uptime'][1]}")
    print(f"  {'action':<24}{'n':>6}{'p50':>9}{'p95':>9}{'max':>9}{'2xx':>7}{'stored':>8}")
    for kind, _ in MIX:
        values = stats[kind]
        if not values:
            continue
        done = len(stats["written " + kind]) if kind in WRITES else ""
        kept = r["rows"][kind] if kind in WRITES else ""
        print(
            f"  {kind:<24}{len(values):>6}{p(values, 50):>7.0f}ms{p(values, 95):>7.0f}ms{max(values):>7.0f}ms"
            f"{done:>7}{kept:>8}"
        )
    print(f"  {'all':<24}{len(every):>6}{p(every, 50):>7.0f}ms{p(every, 95):>7.0f}ms{max(every):>7.0f}ms")
    created = len(stats["written create case (API)"])
    print(f"  indicator links of the created cases: {r['rows']['case links']} (expected {2 * created})")
    shown = set()
    for kind, path, status, answer in r["errors"]:
        if (kind, status, answer[:40]) not in shown and len(shown) < 10:
            shown.add((kind, status, answer[:40]))
            print(f"  error: {kind} {path} → {status} {answer[:200]!r}")


def verdicts(results: list[dict]) -> bool:
    failed = False
    print("\nsummary (p95 over every request; peer = the same mix against the same data at the peer's commit)")
    print(f"{'db':<9}{'server':<34}{'req/s':>7}{'p50':>8}{'p95':>8}{'errors':>7}{'lost':>6}{'peer/ours':>11}  target")
    ours_p95: dict = {}
    for r in results:
        every = [v for kind, _ in MIX for v in r["stats"][kind]]
        p95 = p(every, 95)
        lost = sum(abs(len(r["stats"]["written " + k]) - r["rows"][k]) for k in WRITES)
        lost += abs(2 * len(r["stats"]["written create case (API)"]) - r["rows"]["case links"])
        target = 500 if r["db"] == "sqlite" else 300
        ours = r["label"] == "canhgiac"
        if ours:
            ours_p95[r["db"]] = p95
        ratio = f"{p95 / ours_p95[r['db']]:.2f}×" if not ours and r["db"] in ours_p95 else ""
        ok = p95 <= target and not r["errors"] and lost == 0
        failed |= ours and not ok
        verdict = ("OK" if ok else "MISSED") + f" (p95 ≤ {target} ms, 0 errors, 0 lost)"
        print(
            f"{r['db']:<9}{r['label'][:33]:<34}{len(every) / r['elapsed']:>7.1f}{p(every, 50):>6.0f}ms{p95:>6.0f}ms"
            f"{len(r['errors']):>7}{lost:>6}{ratio:>11}  {verdict if ours else ''}"
        )
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=float, default=300, help="seconds of load per server")
    parser.add_argument("--users", type=int, default=50, help="concurrent users")
    parser.add_argument("--accounts", type=int, default=10, help="inspector accounts the users log in as")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=[1.0, 5.0],
        metavar=("MIN", "MAX"),
        help="seconds a user waits between two actions, uniform in [MIN, MAX] (locust's between(1, 5))",
    )
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--indicators", type=int, default=200_000)
    parser.add_argument("--letters", type=int, default=20_000)
    parser.add_argument("--peer-ref", default=PEER_REF, help="git commit of the peer ('none': no peer)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} CPU; {uptime()}", flush=True)
    results = []
    if args.db in ("sqlite", "both"):
        results += bench_database("sqlite", None, args)
    if args.db in ("postgres", "both"):
        url = os.environ.get("BENCH_POSTGRES_URL", "postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_load_bench")
        parsed = urllib.parse.urlparse(url)
        subprocess.run(
            ["psql", url.replace(parsed.path, "/postgres"), "-qc", f"CREATE DATABASE {parsed.path[1:]}"],
            stderr=subprocess.DEVNULL,
        )
        results += bench_database("postgres", url, args)
    print(
        f"\n{args.cases:,} cases, {args.indicators:,} indicators, {args.letters:,} letters; {args.users} users "
        f"(think time {args.think[0]:g}–{args.think[1]:g} s) for {args.duration:.0f} s each; `canhgiac serve` defaults"
    )
    sys.exit(1 if verdicts(results) else 0)


if __name__ == "__main__":
    main()
