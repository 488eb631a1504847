import datetime as dt
from decimal import Decimal

from canhgiac.core.figures import Window
from canhgiac.reports.numbers import (
    change_text,
    count_text,
    grouped,
    months_window,
    nth_year,
    percent_text,
    period_text,
    value_text,
)


def test_numbers_are_written_the_vietnamese_way():
    assert grouped(1237) == "1.237"
    assert grouped(25850000) == "25.850.000"
    assert grouped(Decimal("1526950000")) == "1.526.950.000"
    assert percent_text(Decimal("70.93")) == "70,93%"
    assert percent_text(100) == "100%"
    assert count_text(2) == "02"
    assert count_text(0) == "0"
    assert count_text(1878) == "1.878"
    assert value_text(4, "count", "vụ") == "04 vụ"
    assert value_text(25850000, "vnd", "đồng") == "25.850.000 đồng"
    assert value_text(None, "count", "vụ") == "—"


def test_change_against_the_same_period_of_the_previous_year():
    assert change_text(1, None, "absolute", "count", "vụ việc", 2023) == "tăng 01 vụ việc so với cùng kỳ năm 2023"
    assert change_text(-3, Decimal("-37.5"), "percent", "count", "vụ", 2022) == "giảm 37,5% so với cùng kỳ năm 2022"
    assert change_text(0, 0, "absolute", "count", "vụ", 2022) == "bằng cùng kỳ năm 2022"
    # No percentage against a zero baseline: the absolute change is written.
    assert change_text(5, None, "percent", "count", "vụ", 2022) == "tăng 05 vụ so với cùng kỳ năm 2022"


def test_periods_are_named_as_the_reports_name_them():
    assert period_text(Window(dt.date(2023, 1, 1), dt.date(2023, 6, 30))) == "6 tháng đầu năm 2023"
    assert period_text(Window(dt.date(2024, 1, 1), dt.date(2024, 12, 31))) == "năm 2024"
    assert period_text(Window(dt.date(2024, 4, 1), dt.date(2024, 6, 30))) == "quý II năm 2024"
    assert period_text(Window(dt.date(2024, 1, 1), dt.date(2024, 10, 31))) == "10 tháng đầu năm 2024"
    assert period_text(Window(dt.date(2023, 5, 25), dt.date(2024, 5, 24))) == "từ ngày 25/05/2023 đến ngày 24/05/2024"
    assert months_window(Window(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), 10) == Window(
        dt.date(2024, 1, 1), dt.date(2024, 10, 31)
    )
    # Chỉ thị 21 of 25/05/2020: the period 25/05/2023–24/05/2024 is its 4th year.
    assert nth_year(Window(dt.date(2023, 5, 25), dt.date(2024, 5, 24)), dt.date(2020, 5, 25)) == 4


def test_docs_name_every_shipped_report_type():
    from pathlib import Path

    from canhgiac.core.reporttypes import all_types

    text = (Path(__file__).resolve().parents[2] / "docs" / "reports.md").read_text(encoding="utf-8")
    for report_type in all_types():
        assert f"`{report_type.key}`" in text, report_type.key


def test_charts_draw_every_vietnamese_letter(recwarn):
    from canhgiac.reports.charts import comparison_chart

    rows = [
        {"label": "Vụ lừa đảo, chiếm đoạt tài sản — ỹ ữ ặ ẫ Đ", "value": 1237, "previous": 905},
        {"label": "Dấu hiệu bị chèn mã, nội dung lạ", "value": Decimal("70.93"), "previous": None},
    ]
    png = comparison_chart(rows, "6 tháng đầu năm 2023", 2022)
    assert png.startswith(b"\x89PNG")
    assert not [w for w in recwarn if "Glyph" in str(w.message)]  # DejaVu has every letter
