"""Global search under concurrent load, through a real HTTP server, on SQLite and PostgreSQL.

Uses the data of ``bench/cases_list.py`` (200,000 cases and 1,000,000 indicators, filled once per database) and
measures ``/search/?q=…`` — every section the apps declare, accent-insensitive, indicators in any written form —
against a named peer in the same run: Django admin's changelist search (``icontains`` over the same fields, what a
Django team ships by default; it neither folds accents nor reads "0937 919 000" as "+84937919000"). Prints p50/p95
and the ratio.

    python bench/search.py [--db sqlite|postgres|both] [--cases 200000] [--indicators 1000000]
PostgreSQL: set BENCH_POSTGRES_URL (default postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_bench).
Target: p95 ≤ 150 ms for ours on both databases.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases_list import OUT, load, login, p, prepare_postgres, serving  # noqa: E402

TARGET_MS = 150
SCENARIOS = [
    # (name, ours, peer)
    ("words without accents", "/search/?q=ca+do+bong", "/admin/cases/case/?q=c%C3%A1+%C4%91%E1%BB%99+b%C3%B3ng"),
    ("phone as typed", "/search/?q=093+791+9000", "/admin/cases/indicator/?q=%2B84937919000"),
    ("domain prefix", "/search/?q=nhacai1234", "/admin/cases/indicator/?q=nhacai1234"),
    ("case by its number", "/search/?q=so+123456", "/admin/cases/case/?q=s%E1%BB%91+123456"),
    ("nothing matches (full scan)", "/search/?q=khong+co+dau", "/admin/cases/case/?q=kh%C3%B4ng+c%C3%B3+d%E1%BA%A5u"),
]


def found(body: str) -> str:
    """How many rows the global search page shows (sections × rows)."""
    return str(body.count('<li><a href="'))


def bench_database(name: str, database_url: str | None, args) -> list[tuple]:
    rows = []
    with serving(name, database_url, args) as base:
        for scenario, ours, peer in SCENARIOS:
            shown = found(login(base).get(ours).text)
            ours_ms = load(base, ours, args.concurrency, args.requests)
            peer_ms = load(base, peer, args.concurrency, max(5, args.requests // 4))
            rows.append((name, scenario, shown, ours_ms, peer_ms))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--requests", type=int, default=50, help="per concurrent client")
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
        f"server: gunicorn {args.workers} workers × {args.threads} threads; peer = Django admin changelist search"
    )
    header = "".join(f"{h:>10}" for h in ["ours p50", "ours p95", "peer p50", "peer p95"])
    print(f"{'db':<9}{'scenario':<30}{'shown':>6}{header}{'p95 ratio':>11}  target")
    failed = False
    for db, scenario, shown, ours, peer in rows:
        ours95, peer95 = p(ours, 95), p(peer, 95)
        ok = ours95 <= TARGET_MS
        failed |= not ok
        print(
            f"{db:<9}{scenario:<30}{shown:>6}{p(ours, 50):>8.0f}ms{ours95:>8.0f}ms{p(peer, 50):>8.0f}ms"
            f"{peer95:>8.0f}ms{peer95 / ours95:>10.1f}×  {'OK' if ok else 'MISSED'} (p95 ≤ {TARGET_MS} ms)"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
