"""Numbers and periods written the way Vietnamese officials write them: 1.237; 25.850.000 đồng; 70,93%; "04 vụ";
"6 tháng đầu năm 2023"; "tăng 01 vụ so với cùng kỳ năm 2022"."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from canhgiac.core.figures import Window

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def grouped(value: int | Decimal, places: int | None = None) -> str:
    """1237 → "1.237"; Decimal("70.93") → "70,93"; Decimal("12.50") with places=None keeps its own places."""
    number = Decimal(value)
    if places is not None:
        number = round(number, places)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def count_text(value: int | Decimal) -> str:
    """A count as the reports write it: below 10 with a leading zero ("02"), 0 as "0", then "1.237"."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return grouped(value)
    number = int(value)
    return f"{number:02d}" if 0 < number < 10 else grouped(number)


def percent_text(value: int | Decimal) -> str:
    """Decimal("70.93") → "70,93%"; 100 → "100%"."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return grouped(int(number)) + "%"
    return grouped(number) + "%"


def value_text(value: int | Decimal | None, unit: str, unit_label: str = "") -> str:
    """A figure's value with its unit: "04 vụ", "25.850.000 đồng", "70,93%", "—" when there is no value."""
    if value is None:
        return "—"
    if unit == "percent":
        return percent_text(value)
    if unit == "vnd":
        return f"{grouped(value)} {unit_label or 'đồng'}"
    text = count_text(value)
    return f"{text} {unit_label}" if unit_label else text


def change_text(delta, percent, mode: str, unit: str, unit_label: str, previous_year: int) -> str:
    """ "tăng 01 vụ so với cùng kỳ năm 2022", "giảm 12,5% so với cùng kỳ năm 2022", "bằng cùng kỳ năm 2022";
    a percentage against a zero baseline cannot be computed, so the absolute change is written instead."""
    if delta is None:
        return ""
    if delta == 0:
        return f"bằng cùng kỳ năm {previous_year}"
    verb = "tăng" if delta > 0 else "giảm"
    if mode == "percent" and percent is not None:
        amount = percent_text(abs(percent))
    else:
        amount = value_text(abs(delta), unit if unit != "percent" else "count", unit_label)
        if unit == "percent":
            amount = grouped(abs(Decimal(delta))) + " điểm phần trăm"
    return f"{verb} {amount} so với cùng kỳ năm {previous_year}"


def numeral(n: int, numbering: str) -> str:
    """The n-th (1-based) part's numeral: "I", "II" (roman) or "1", "2" (arabic)."""
    return ROMAN[n - 1] if numbering == "roman" and n <= len(ROMAN) else str(n)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def period_text(window: Window) -> str:
    """ "6 tháng đầu năm 2023", "năm 2024", "quý II năm 2024", "tháng 3 năm 2024", "10 tháng đầu năm 2024", else
    "từ ngày 25/05/2023 đến ngày 24/05/2024"."""
    start, end = window.start, window.end
    whole_months = start.day == 1 and end.day == _last_day(end.year, end.month)
    if whole_months and start.year == end.year:
        months = end.month - start.month + 1
        if months == 12:
            return f"năm {start.year}"
        if start.month == 1 and months == 6:
            return f"6 tháng đầu năm {start.year}"
        if start.month == 7 and months == 6:
            return f"6 tháng cuối năm {start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"quý {QUARTERS[(start.month + 2) // 3]} năm {start.year}"
        if months == 1:
            return f"tháng {start.month} năm {start.year}"
        if start.month == 1:
            return f"{months} tháng đầu năm {start.year}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def months_window(window: Window, months: int) -> Window:
    """The first ``months`` months of the year the period ends in ("10 tháng đầu năm 2024")."""
    year = window.end.year
    return Window(dt.date(year, 1, 1), dt.date(year, months, _last_day(year, months)))


def since_window(window: Window, since: dt.date) -> Window:
    """From a programme's start to the end of the period (cumulative)."""
    return Window(since, window.end)


def nth_year(window: Window, start: dt.date) -> int:
    """Which year of a programme started on ``start`` the period ends in: a directive of 25/05/2020 is in its 4th
    year from 25/05/2023 to 24/05/2024."""
    years = window.end.year - start.year
    if (window.end.month, window.end.day) < (start.month, start.day):
        years -= 1
    return years + 1


def date_line(place: str, day: dt.date, *, draft: bool = False) -> str:
    """ "Hưng Yên, ngày 15 tháng 07 năm 2023"; a draft leaves the day blank for the clerk, as the seeds do."""
    place = place or "……………"
    if draft:
        return f"{place}, ngày      tháng {day.month:02d} năm {day.year}"
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
