"""Where the time of bench/load.py's requests goes: each action of its mix run in-process (Django's test client,
the full middleware stack) against the database bench/load.py filled, with its SQL queries counted and timed and,
with ``--profile``, a cProfile of the slowest functions.

    CANHGIAC_VAR=bench/out/load-var-sqlite PYTHONPATH=src python bench/load_profile.py [--repeat 20] [--profile KIND]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import time
from collections import Counter
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def actions(client: Client, authority: int, n_cases: int):
    counter = iter(range(10**9))
    stamp = int(time.time())

    def create_case():
        i = next(counter)
        body = {
            "title": f"P{stamp}-{i}: giả danh công an",
            "category": "fraud",
            "source": "hotline",
            "received_on": time.strftime("%Y-%m-%d"),
            "lead_agency": authority,
            "indicators_input": [
                {"kind": "phone", "value": f"0912{i % 10**6:06d}"},
                {"kind": "domain", "value": f"p{stamp}-{i}.com.vn"},
            ],
        }
        return client.post("/api/cases/", body, content_type="application/json")

    def add_indicator():
        i = next(counter)
        case = 1 + i * 7919 % n_cases
        return client.post(f"/cases/{case}/indicators/add/", {"kind": "domain", "value": f"p{stamp}-a{i}.vn"})

    def register_letter():
        i = next(counter)
        body = {
            "notation": f"{i + 1}/CAT-ANM",
            "direction": "in",
            "doc_type": "cv",
            "date": time.strftime("%Y-%m-%d"),
            "issuing_agency": authority,
            "receiving_agencies": [authority],
            "summary": f"P{stamp}-{i}: xác minh",
        }
        return client.post("/api/documents/", body, content_type="application/json")

    return {
        "case list": lambda: client.get("/cases/"),
        "case detail": lambda: client.get(f"/cases/{1 + next(counter) * 7919 % n_cases}/"),
        "letter list": lambda: client.get("/documents/"),
        "dashboard": lambda: client.get("/"),
        "figures": lambda: client.get("/figures/"),
        "global search": lambda: client.get("/search/?q=gia+danh+cong+an"),
        "global search phone": lambda: client.get("/search/?q=0912345678"),
        "case search": lambda: client.get("/cases/?q=lua+dao+dau+tu"),
        "case search phone": lambda: client.get("/cases/?q=091+234+5678"),
        "create case (API)": create_case,
        "add indicator": add_indicator,
        "register letter (API)": register_letter,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--profile", action="append", default=[], help="an action to profile (repeatable)")
    parser.add_argument("--queries", action="append", default=[], help="an action whose SQL to print")
    parser.add_argument("--json", help="write each action's median CPU ms (and the mix's) to this file")
    args = parser.parse_args()
    from canhgiac.cases.models import Case
    from canhgiac.core.models import Agency, User

    authority = Agency.objects.get(code="STTTT").pk
    n_cases = Case.objects.filter(code__startswith="VV-20").count()
    client = Client()
    client.force_login(User.objects.get(username="load-01"))  # the login itself is not in the mix
    settings.DEBUG = True  # connection.queries is kept only with DEBUG
    weights = {
        "case list": 14,
        "case detail": 16,
        "letter list": 10,
        "dashboard": 10,
        "figures": 6,
        "global search": 5,
        "global search phone": 5,
        "case search": 5,
        "case search phone": 5,
        "create case (API)": 9,
        "add indicator": 8,
        "register letter (API)": 7,
    }  # bench/load.py's mix
    mixed = 0.0
    medians: dict[str, float] = {}
    print(f"{'action':<24}{'ms mean':>9}{'ms min':>8}{'CPU ms':>8}{'queries':>9}{'SQL ms':>8}  status")
    for name, call in actions(client, authority, n_cases).items():
        call()  # warm
        times, counts, sql_ms, cpu = [], [], [], []
        profiler = cProfile.Profile() if name in args.profile else None
        for _ in range(args.repeat):
            reset_queries()
            started, cpu_started = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            response = call()
            if profiler:
                profiler.disable()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            counts.append(len(connection.queries))
            sql_ms.append(sum(float(q["time"]) for q in connection.queries) * 1000)
        print(
            f"{name:<24}{sum(times) / len(times):>9.1f}{min(times):>8.1f}{sum(cpu) / len(cpu):>8.1f}"
            f"{sum(counts) / len(counts):>9.1f}{sum(sql_ms) / len(sql_ms):>8.1f}  {response.status_code}"
        )
        medians[name] = statistics.median(cpu)
        mixed += weights[name] * medians[name] / 100
        if name in args.queries:
            shapes = Counter(q["sql"][:160] for q in connection.queries)
            for sql, n in shapes.most_common(15):
                print(f"    {n:>3}× {sql}")
        if profiler:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("SORT", "cumulative"))
            stats.print_stats(os.environ.get("FILTER", ""), int(os.environ.get("TOP", "35")))
            print(out.getvalue())
    print(f"CPU per request of the mix (weighted medians): {mixed:.1f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps({**medians, "mix": mixed}))


if __name__ == "__main__":
    main()
