"""Choice sets of report rounds and the periods a round covers."""

import datetime as dt

from django.db import models


class PeriodKindChoices(models.TextChoices):
    HALF_YEAR = "half_year", "6 tháng"
    YEAR = "year", "Năm"
    QUARTER = "quarter", "Quý"
    CUSTOM = "custom", "Tuỳ chọn ngày"


class ContributionStatusChoices(models.TextChoices):
    DRAFT = "draft", "Chưa nộp"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Trả lại để chỉnh sửa"
    ACCEPTED = "accepted", "Đã tiếp nhận"


# A part the agency may still write: not yet sent, or sent back to it for correction.
OPEN_STATUSES = (ContributionStatusChoices.DRAFT, ContributionStatusChoices.RETURNED)


class PeriodError(ValueError):
    """The period asked for is not a valid half-year, year, quarter or date range."""


def period_dates(kind: str, year: int | None = None, number: int | None = None, start=None, end=None):
    """The first and last day of a period: the ``number``-th half (1–2) or quarter (1–4) of ``year``, the whole
    ``year``, or the free dates ``start``–``end`` (``custom``)."""
    if kind == PeriodKindChoices.CUSTOM:
        if start is None or end is None:
            raise PeriodError("Kỳ tuỳ chọn cần ngày bắt đầu và ngày kết thúc.")
        if start > end:
            raise PeriodError(f"Ngày bắt đầu kỳ {start:%d/%m/%Y} sau ngày kết thúc {end:%d/%m/%Y}.")
        return start, end
    if kind not in PeriodKindChoices.values:
        raise PeriodError(f"Loại kỳ báo cáo không hợp lệ: {kind}.")
    if year is None or not 2000 <= year <= 2100:
        raise PeriodError("Cần ghi năm của kỳ báo cáo (từ 2000 đến 2100).")
    if kind == PeriodKindChoices.YEAR:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    months, count = (6, 2) if kind == PeriodKindChoices.HALF_YEAR else (3, 4)
    if number is None or not 1 <= number <= count:
        which = "6 tháng (1 hoặc 2)" if count == 2 else "quý (1 đến 4)"
        raise PeriodError(f"Cần chọn {which}.")
    first = dt.date(year, (number - 1) * months + 1, 1)
    after = dt.date(year + 1, 1, 1) if number == count else dt.date(year, number * months + 1, 1)
    return first, after - dt.timedelta(days=1)


def period_label(kind: str, start: dt.date, end: dt.date) -> str:
    """How a report names its period: "6 tháng đầu năm 2026", "Quý III năm 2026", "năm 2026", or the dates."""
    if kind == PeriodKindChoices.YEAR:
        return f"năm {start.year}"
    if kind == PeriodKindChoices.HALF_YEAR:
        return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
    if kind == PeriodKindChoices.QUARTER:
        return f"quý {['I', 'II', 'III', 'IV'][(start.month - 1) // 3]} năm {start.year}"
    return f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
