"""Check the coverage map of the reference reports' figures (``canhgiac/reports/data/seed_coverage.csv``, read by
``canhgiac.reports.seeds``) against seed-figures.csv:
every METRIC and NIL row must be mapped, by its position, seed and the start of its text; a map row that points at
no such row fails too. Exit status 1 with the reasons, 0 with a summary.

    python scripts/check_seed_coverage.py /work/shared/reference/seed-figures.csv
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from canhgiac.reports.seeds import HOW_TEXT, ROWS  # noqa: E402

COUNTED = ("METRIC", "NIL")


def kind_of(row: dict) -> str:
    return row["notes"].split(";")[0].split(" ")[0].strip()


def problems(rows: list[dict]) -> list[str]:
    mapped = {seed.row: seed for seed in ROWS}
    found = []
    for position, row in enumerate(rows, start=1):
        seed = mapped.pop(position, None)
        kind = kind_of(row)
        if kind not in COUNTED:
            if seed is not None:
                found.append(f"dòng {position}: là {kind}, không phải METRIC/NIL, mà vẫn có trong bảng ánh xạ")
            continue
        where = f"dòng {position} ({row['seed']}, {kind}) “{row['figure_text'][:70]}”"
        if seed is None:
            found.append(f"{where}: chưa có trong bảng ánh xạ (canhgiac/reports/data/seed_coverage.csv)")
            continue
        prefix = seed.text.removesuffix("…")
        if seed.seed != row["seed"] or seed.kind != kind or not row["figure_text"].startswith(prefix):
            found.append(f"{where}: bảng ánh xạ ghi {seed.seed}, {seed.kind}, “{seed.text}” — không khớp")
        if seed.how not in HOW_TEXT or not seed.keys:
            found.append(f"{where}: cách có “{seed.how}” hoặc khoá trống")
    found += [f"dòng {position}: có trong bảng ánh xạ nhưng không có trong tệp CSV" for position in sorted(mapped)]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = Path(argv[1])
    if not path.is_file():
        print(f"Không có tệp {path}.", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = problems(rows)
    for line in found:
        print(line, file=sys.stderr)
    counted = sum(1 for row in rows if kind_of(row) in COUNTED)
    if found:
        print(f"{len(found)} lỗi trên {counted} dòng METRIC/NIL.", file=sys.stderr)
        return 1
    by_how = {how: sum(1 for seed in ROWS if seed.how == how) for how in HOW_TEXT}
    print(f"Đủ: {counted}/{len(rows)} dòng METRIC/NIL đều có cách có số liệu ({by_how}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
