"""How canhgiac covers every figure of the five reference reports (``seed-figures.csv``, METRIC and NIL rows).

Each row names the seed report, the row's position in the CSV (1 = the first row after the header), the start of
its ``figure_text`` (to check the mapping against the CSV: ``scripts/check_seed_coverage.py``) and how canhgiac
gives the figure:

* ``FIGURE``: counted from a register by a figure of the catalogue (``core.figures``), with its drill-down list;
* ``REPORTED``: a figure of the catalogue no register holds yet (``core.reported_figures``): the agency that holds
  it enters it in its part of a report round (the inspectorate in its own part), a confirmed zero as "chưa phát
  hiện";
* ``CONTRIBUTION``: a line of a shipped report type's ``ContributionSpec`` (a figure key, or ``type:section`` for a
  narrative section): a partner agency sends it in its part of the round, prefilled from the records it holds;
* ``REGISTER``: the records of a register (``app_label.Model``), listed and filtered there.

The rows are data (``data/seed_coverage.csv``, one line per row of the seeds); ``docs/seed-coverage.md`` is
generated from them (``scripts/gen_docs.py``); a test checks that every key
named exists."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

FIGURE, REPORTED, CONTRIBUTION, REGISTER = "figure", "reported", "contribution", "register"
HOW_TEXT = {
    FIGURE: "Chỉ số tính từ sổ ghi chép",
    REPORTED: "Chỉ số do cơ quan nhập trong phần đóng góp của đợt báo cáo",
    CONTRIBUTION: "Phần đóng góp của cơ quan phối hợp",
    REGISTER: "Sổ ghi chép",
}
SEEDS = {
    "000": "An Giang, 6 tháng đầu năm 2024 (tham luận)",
    "001": "Hưng Yên, 6 tháng đầu năm 2023",
    "002": "Bắc Giang, sơ kết năm thứ 4 Chỉ thị 21",
    "003": "Lạng Sơn, Đề án 12 (08/2020)",
    "004": "Hà Tĩnh, năm 2024 (Kết luận 15)",
}


@dataclass(frozen=True)
class Seed:
    seed: str  # "000" … "004"
    row: int  # position in seed-figures.csv, 1 = the first row after the header
    kind: str  # "METRIC" or "NIL" (the first word of the CSV's notes)
    text: str  # the start of figure_text ("…" when cut)
    how: str
    keys: tuple[str, ...]
    note: str = ""


def _load() -> tuple[Seed, ...]:
    """The rows, kept as data in ``data/seed_coverage.csv`` (keys separated by spaces)."""
    with (Path(__file__).parent / "data" / "seed_coverage.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            Seed(
                row["seed"],
                int(row["row"]),
                row["kind"],
                row["text"],
                row["how"],
                tuple(row["keys"].split()),
                row["note"],
            )
            for row in csv.DictReader(handle)
        )


ROWS: tuple[Seed, ...] = _load()


def markdown() -> str:
    """The coverage table of ``docs/seed-coverage.md`` (a test keeps the file equal to this)."""
    lines = [
        "| mẫu | dòng | số liệu trong báo cáo mẫu | loại | cách có | khoá | ghi chú |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in ROWS:
        keys = ", ".join(f"`{key}`" for key in row.keys)
        text = row.text.replace("|", "\\|")
        lines.append(f"| {row.seed} | {row.row} | “{text}” | {row.kind} | {HOW_TEXT[row.how]} | {keys} | {row.note} |")
    counts = {how: sum(1 for row in ROWS if row.how == how) for how in HOW_TEXT}
    summary = "; ".join(f"{HOW_TEXT[how].lower()}: {n}" for how, n in counts.items() if n)
    seeds = "; ".join(f"{key} — {name}" for key, name in SEEDS.items())
    return f"{len(ROWS)} dòng METRIC và NIL ({summary}). Mẫu: {seeds}.\n\n" + "\n".join(lines) + "\n"
