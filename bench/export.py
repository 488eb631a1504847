"""XLSX export of the case list: time and peak memory at 10,000 and 50,000 rows, against a named peer.

Fills a SQLite database per size (``bench/fill_cases.py``), then in a fresh process per run asks the case list
for ``?_export=xlsx`` as a logged-in user (Django's test client: the view, the table and the export, no network)
and reads the process's peak RSS. Peer, same view, same table, same rows, same process shape: django-tables2's
stock ``TableExport`` (tablib, openpyxl in normal mode — what a Django team gets by default).

    python bench/export.py [--sizes 10000 50000]
Target: 50,000 rows ≤ 10 s, and constant memory (peak RSS above the process's baseline about the same at 10,000
and 50,000 rows).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TARGET_S = 10.0


def child(which: str) -> None:
    """One export in this process; prints a JSON line with the figures."""
    import io

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    django.setup()
    from django.test import Client
    from openpyxl import load_workbook

    from canhgiac.core.models import User
    from canhgiac.core.views import generic

    if which == "peer":
        from django_tables2.export import TableExport

        generic.ObjectListView.export_class = TableExport
    client = Client()
    client.force_login(User.objects.get(username="bench"))
    client.get("/cases/")  # warm: imports, templates, first queries
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    response = client.get("/cases/?_export=xlsx")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert response.status_code == 200, response.status_code
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    rows = sum(1 for _ in sheet.iter_rows(min_row=2, values_only=True))
    received = next(sheet.iter_rows(min_row=2, max_row=2)) if rows else ()
    typed = sorted({type(cell.value).__name__ for cell in received if cell.value is not None})
    print(
        json.dumps(
            {
                "seconds": seconds,
                "base_mb": base,
                "peak_mb": peak,
                "rows": rows,
                "bytes": len(response.content),
                "types": typed,
            }  # fmt: skip
        )
    )


def run(which: str, env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", which], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--child", choices=["ours", "peer"])
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        env = dict(os.environ, CANHGIAC_VAR=str(OUT / f"var-export-{size}"), PYTHONPATH=str(ROOT / "src"))
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "canhgiac.cli", "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "fill_cases.py"), str(size), "10"], env=env, check=True)
        for which in ("ours", "peer"):
            results.append((size, which, run(which, env)))
    load = os.getloadavg()
    print(f"\nXLSX export of the case list; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("peer = django-tables2 TableExport (tablib, openpyxl normal mode), same view and rows")
    print(f"{'rows':>8} {'who':<5} {'seconds':>8} {'rows/s':>8} {'RSS base':>9} {'RSS peak':>9} {'growth':>8}  types")
    by = {}
    for size, which, r in results:
        growth = r["peak_mb"] - r["base_mb"]
        by[(size, which)] = (r["seconds"], growth)
        print(
            f"{r['rows']:>8,} {which:<5} {r['seconds']:>8.2f} {r['rows'] / r['seconds']:>8.0f} {r['base_mb']:>7.0f}MB"
            f" {r['peak_mb']:>7.0f}MB {growth:>6.0f}MB  {','.join(r['types'])}"
        )
    failed = False
    for size in args.sizes:
        (ours_s, ours_g), (peer_s, peer_g) = by[(size, "ours")], by[(size, "peer")]
        print(f"{size:>8,} rows: time ratio peer/ours {peer_s / ours_s:.1f}×, memory growth peer/ours "
              f"{peer_g / max(ours_g, 1):.1f}×")  # fmt: skip
    big, small = max(args.sizes), min(args.sizes)
    ours_big_s, ours_big_g = by[(big, "ours")]
    ours_small_g = by[(small, "ours")][1]
    ok_time = big < 50_000 or ours_big_s <= TARGET_S
    ok_memory = ours_big_g <= max(2 * ours_small_g, ours_small_g + 30)
    failed = not (ok_time and ok_memory)
    verdict = "OK" if ok_time else "MISSED"
    print(f"target: {big:,} rows in {ours_big_s:.1f} s ({verdict}, ≤ {TARGET_S:.0f} s at 50,000); "
          f"memory growth {ours_small_g:.0f} MB at {small:,} → {ours_big_g:.0f} MB at {big:,} "
          f"({'OK' if ok_memory else 'MISSED'}: constant)")  # fmt: skip
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
