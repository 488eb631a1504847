"""Figures of a period over 100,000 … 1,000,000 records of mixed kinds, on SQLite and PostgreSQL, against the naive
per-figure Python loop (what a hand-written report script does: for each figure, read the period's rows of its
model and count or add them up in Python).

    python bench/report.py [--db sqlite|postgres|both] [--sizes 100000,1000000] [--repeat 3]

Each size gets a fresh database filled by bulk inserts: 40 % cases, 20 % letters, 20 % content items, 20 %
indicators (plus, when those apps are installed, the registers' records), spread over 2019–2026. The period is
the first half of 2024. Targets (issue 10): figures ≤ 2 s at 1,000,000 records on both databases, and growth from
100k to 1M near-linear or better; the report build (when the reports app is installed) ≤ 5 s.
PostgreSQL: BENCH_POSTGRES_URL (default postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_report_bench).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PERIOD = ("2024-01-01", "2024-06-30")


def fill(n: int) -> None:
    """Bulk-insert ``n`` records of mixed kinds (runs inside the worker process, Django set up)."""
    import datetime as dt
    import random

    from django.db import transaction

    from canhgiac.cases.choices import CaseCategoryChoices, CaseStatusChoices, IndicatorKindChoices
    from canhgiac.cases.models import Case, Indicator
    from canhgiac.content.choices import ContentLabelChoices
    from canhgiac.content.models import ContentItem
    from canhgiac.core.models import Agency, Document

    rng = random.Random(2026)
    tz = dt.timezone(dt.timedelta(hours=7))
    agencies = [
        Agency.objects.get_or_create(code=code, defaults={"name": f"Cơ quan {code}", "kind": kind})[0]
        for code, kind in [("TTRA", "authority"), ("CAT-ANM", "police"), ("VIETTEL", "carrier"), ("BAO", "press")]
    ]
    start = dt.date(2019, 1, 1)
    span = (dt.date(2026, 12, 31) - start).days

    def day() -> dt.date:
        return start + dt.timedelta(days=rng.randrange(span))

    def moment() -> dt.datetime:
        return dt.datetime.combine(day(), dt.time(rng.randrange(24), rng.randrange(60)), tzinfo=tz)

    for model in (ContentItem, Indicator):
        model._meta.get_field("created").auto_now_add = False  # the bench sets the dates itself
    categories, statuses = CaseCategoryChoices.values, CaseStatusChoices.values
    labels, kinds = ContentLabelChoices.values, IndicatorKindChoices.values
    shares = {"cases": 0.4, "letters": 0.2, "content": 0.2, "indicators": 0.2}
    makers = {
        "cases": lambda i: Case(
            code=f"VV-B-{i:07d}",
            title=f"Vụ việc {i}",
            category=rng.choice(categories),
            status=rng.choice(statuses),
            source="citizen",
            received_on=day(),
            damage_vnd=rng.choice([None, rng.randrange(10**9)]),
            lead_agency=rng.choice(agencies),
        ),
        "letters": lambda i: Document(
            direction=rng.choice(["in", "out"]),
            number=i,
            year=2024,
            symbol=f"B{i}",
            doc_type=rng.choice(["cv", "qd", "kh", "bc", "tb", "yc", "other"]),
            date=day(),
            issuing_agency=rng.choice(agencies),
            summary=f"Văn bản {i}",
        ),
        "content": lambda i: ContentItem(
            platform="facebook",
            url=f"https://facebook.com/p/{i}",
            text=f"Nội dung {i}",
            text_hash=f"{i:064d}",
            label=rng.choice(labels),
            agency=rng.choice(agencies),
            created=moment(),
        ),
        "indicators": lambda i: Indicator(kind=rng.choice(kinds), value=f"bench-{i}", created=moment()),
    }
    models = {"cases": Case, "letters": Document, "content": ContentItem, "indicators": Indicator}
    with transaction.atomic():
        for name, share in shares.items():
            count = int(n * share)
            for offset in range(0, count, 5000):
                models[name].objects.bulk_create([makers[name](i) for i in range(offset, min(offset + 5000, count))])


def naive(window) -> dict:
    """The peer: each figure on its own, its model's period rows read and counted or summed in Python."""
    from canhgiac.core.figures import Figure, _period_q, catalogue

    values = {}
    for key, figure in catalogue().items():
        if not isinstance(figure, Figure):
            continue
        kind, _, field = figure.aggregate.partition(":")
        rows = figure.model_class._default_manager.filter(_period_q(figure, window)).filter(figure.q)
        if kind == "count":
            values[key] = sum(1 for _ in rows.values_list("pk", flat=True).iterator(chunk_size=5000))
        elif kind == "sum":
            values[key] = sum(v or 0 for v in rows.values_list(field, flat=True).iterator(chunk_size=5000))
        else:
            values[key] = len(set(rows.values_list(field, flat=True).iterator(chunk_size=5000)))
    return values


def worker(n: int, repeat: int) -> None:
    import datetime as dt

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from canhgiac.core import figures

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    fill(n)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    filled = time.perf_counter() - started
    window = figures.Window(dt.date.fromisoformat(PERIOD[0]), dt.date.fromisoformat(PERIOD[1]))
    ours = []
    for _ in range(repeat):
        started = time.perf_counter()
        values = figures.compute(window)
        ours.append(time.perf_counter() - started)
    started = time.perf_counter()
    peer_values = naive(window)
    peer = time.perf_counter() - started
    same = all(values[k] == v for k, v in peer_values.items())
    build, peer_build = report_build(window)
    print(
        json.dumps(
            {
                "n": n,
                "filled": filled,
                "ours": min(ours),
                "peer": peer,
                "figures": len(values),
                "same": same,
                "build": build,
                "peer_build": peer_build,
            }
        )
    )


def report_build(window) -> tuple[float, float]:
    """The consolidated periodic report built to a .docx (its figures for the period and the same period of the
    previous year, charts, docxtpl); the peer: the same Word file with the figures counted by the naive loop for
    both periods (its render time added to the loop's)."""
    from canhgiac.reports.context import ReportInput, build_report_context
    from canhgiac.reports.services import render_context

    data = ReportInput(type_key="periodic", window=window, agency_name="Sở Khoa học và Công nghệ", agency_code="STTTT")
    builds, renders = [], []
    for _ in range(2):
        started = time.perf_counter()
        context = build_report_context(data)
        built = time.perf_counter()
        content, _ = render_context(context, "periodic")
        assert content.startswith(b"PK")
        builds.append(time.perf_counter() - started)
        renders.append(time.perf_counter() - built)
    started = time.perf_counter()
    naive(window)
    naive(window.previous_year())
    return min(builds), time.perf_counter() - started + min(renders)


def run(db: str, url: str | None, n: int, repeat: int) -> dict:
    env = dict(os.environ, CANHGIAC_VAR=str(OUT / f"report-{db}-{n}"), PYTHONPATH=str(ROOT / "src"))
    env.pop("DATABASE_URL", None)
    if url:
        env["DATABASE_URL"] = url
        parsed = urllib.parse.urlparse(url)
        admin = url.replace(parsed.path, "/postgres")
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {parsed.path[1:]}"], check=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {parsed.path[1:]}"], check=True)
    else:
        subprocess.run(["rm", "-rf", env["CANHGIAC_VAR"]], check=True)
    answer = subprocess.run(
        [sys.executable, __file__, "--worker", str(n), "--repeat", str(repeat)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(answer.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    url = os.environ.get("BENCH_POSTGRES_URL", "postgres://canhgiac:canhgiac@127.0.0.1:5432/canhgiac_report_bench")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"period {PERIOD[0]} – {PERIOD[1]}; peer = naive per-figure Python loop over the period's rows")
    print(f"{'db':<9}{'records':>10}{'figures':>8}{'ours':>9}{'peer':>9}{'ratio':>8}  same  target")
    failed = False
    results: dict[str, list[dict]] = {}
    for db in dbs:
        for n in sizes:
            row = run(db, url if db == "postgres" else None, n, args.repeat)
            results.setdefault(db, []).append(row)
            ok = row["ours"] <= 2.0 and row["same"]
            failed |= not ok and n >= 1_000_000
            print(
                f"{db:<9}{n:>10,}{row['figures']:>8}{row['ours']:>8.3f}s{row['peer']:>8.2f}s"
                f"{row['peer'] / row['ours']:>7.1f}×  {'yes' if row['same'] else 'NO'}   "
                f"{'OK' if ok else 'MISSED'} (≤ 2 s)"
            )
            built = row["build"] <= 5.0
            failed |= not built and n >= 1_000_000
            print(
                f"{'':<9}{'':>10}{'report':>8}{row['build']:>8.3f}s{row['peer_build']:>8.2f}s"
                f"{row['peer_build'] / row['build']:>7.1f}×  .docx  {'OK' if built else 'MISSED'} (≤ 5 s)"
            )
    for db, rows in results.items():
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            scale = last["n"] / first["n"]
            for what, key in (("figures", "ours"), ("report build", "build")):
                growth = last[key] / first[key]
                print(f"{db} {what}: {scale:.0f}× the records → {growth:.1f}× the time (near-linear: ≤ {scale:.0f}×)")
                failed |= growth > scale * 1.2
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
