"""The coverage map of the reference reports' figures (``reports.seeds``), its generated doc and its CSV check.
None of these needs the shared reference folder: the check script is tried on CSV rows made here."""

import csv
import importlib.util
import io
from pathlib import Path

import pytest
from django.apps import apps

from canhgiac.core.figures import Figure, ReportedFigure, catalogue
from canhgiac.reports import seeds
from canhgiac.reports.types import SHIPPED

ROOT = Path(__file__).resolve().parents[2]


def contribution_lines() -> set[str]:
    lines = set()
    for rtype in SHIPPED:
        lines |= {line.key for line in rtype.contribution.figures}
        lines |= {f"{rtype.key}:{section.key}" for section in rtype.contribution.sections}
    return lines


@pytest.mark.parametrize("row", seeds.ROWS, ids=lambda row: f"{row.seed}-{row.row}")
def test_every_key_named_exists_where_its_row_says(row):
    every, asked = catalogue(), contribution_lines()
    assert row.keys and row.how in seeds.HOW_TEXT
    for key in row.keys:
        if row.how == seeds.FIGURE:
            assert key in every and not isinstance(every[key], ReportedFigure), key
            if isinstance(every[key], Figure):
                assert every[key].url, f"{key}: a figure counted from records drills down to its list"
        elif row.how == seeds.REPORTED:
            assert isinstance(every.get(key), ReportedFigure), key
        elif row.how == seeds.CONTRIBUTION:
            assert key in asked, f"{key}: no shipped report type asks partners for it"
        else:
            assert apps.get_model(key), key


def test_rows_are_unique_and_only_metric_or_nil():
    positions = [row.row for row in seeds.ROWS]
    assert len(positions) == len(set(positions)) == 93
    assert {row.kind for row in seeds.ROWS} == {"METRIC", "NIL"}
    assert set(seeds.SEEDS) == {row.seed for row in seeds.ROWS}


def test_the_doc_is_generated_from_the_map():
    text = (ROOT / "docs" / "seed-coverage.md").read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- seed-coverage:begin")) + 1
    assert text[start : text.index("<!-- seed-coverage:end -->")] == seeds.markdown(), "run `make docs`"


def load_script():
    spec = importlib.util.spec_from_file_location("check_seed_coverage", ROOT / "scripts" / "check_seed_coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def csv_rows(extra_text: str = "") -> list[dict]:
    """A CSV shaped like seed-figures.csv: the mapped rows at their positions, PERIOD rows between."""
    mapped = {row.row: row for row in seeds.ROWS}
    rows = []
    for position in range(1, max(mapped) + 2):
        row = mapped.get(position)
        if row is None:
            rows.append({"seed": "000", "figure_text": "6 tháng đầu năm", "notes": "PERIOD; kỳ báo cáo"})
        else:
            text = row.text.removesuffix("…") + extra_text
            rows.append({"seed": row.seed, "figure_text": text, "notes": f"{row.kind}; ghi chú"})
    return rows


def test_check_script_passes_a_mapped_csv_and_names_what_is_not(tmp_path, capsys):
    script = load_script()
    assert script.problems(csv_rows(" (phần còn lại của câu)")) == []
    rows = csv_rows()
    rows.append({"seed": "004", "figure_text": "Phát hiện 07 vụ mới", "notes": "METRIC; thêm"})
    rows[1]["figure_text"] = "một câu khác"
    found = script.problems(rows)
    assert any(f"dòng {len(rows)} (004, METRIC) “Phát hiện 07 vụ mới”: chưa có trong bảng ánh xạ" in p for p in found)
    assert any(p.startswith("dòng 2 (000, METRIC) “một câu khác”") and "không khớp" in p for p in found)
    # Run as a command on a file: status 1 and the reasons on stderr; status 0 on a good file.
    path = tmp_path / "seed-figures.csv"
    for data, status in ((rows, 1), (csv_rows(), 0)):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["seed", "figure_text", "notes"])
        writer.writeheader()
        writer.writerows(data)
        path.write_text(buffer.getvalue(), encoding="utf-8")
        assert script.main(["check", str(path)]) == status
    err = capsys.readouterr().err
    assert "chưa có trong bảng ánh xạ" in err
