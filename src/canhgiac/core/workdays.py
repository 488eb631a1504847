"""Working days in Vietnam: Monday–Friday, less public holidays and days off, plus weekend days worked in exchange.

The calendar is the ``Holiday`` table (loaded from the ``holidays`` package's Vietnam calendar, edited by
administrators when the Government or the province moves a day off). Periods are counted as the Civil Code
2015 counts them: the day of the event is not counted (Art. 147(1)); a period in calendar days whose last day
is a day off ends on the next working day (Art. 148(5)).
"""

import datetime as dt
import re

ONE_DAY = dt.timedelta(days=1)
_SWAPPED = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")


def vietnam_calendar(years) -> list[tuple[dt.date, str, str]]:
    """(date, Vietnamese name, kind) from the ``holidays`` package: days off ("off") and the weekend days
    worked in exchange for a bridge day ("work"), which the package names in the day off's label."""
    import holidays

    days: dict[dt.date, tuple[str, str]] = {}
    for date, name in holidays.country_holidays("VN", years=list(years), language="vi").items():
        days[date] = (name, "off")
        if match := _SWAPPED.search(name):
            day, month, year = map(int, match.groups())
            days.setdefault(dt.date(year, month, day), (f"Làm việc bù cho ngày {date:%d/%m/%Y}", "work"))
    return [(date, name, kind) for date, (name, kind) in sorted(days.items())]


class WorkCalendar:
    """Answers "is this a working day?" from a snapshot of the Holiday table."""

    def __init__(self, days_off: set[dt.date], workdays: set[dt.date]):
        self.days_off, self.workdays = days_off, workdays

    @classmethod
    def load(cls) -> "WorkCalendar":
        from canhgiac.core.models import Holiday

        rows = Holiday.objects.values_list("date", "kind")
        return cls({d for d, k in rows if k == "off"}, {d for d, k in rows if k == "work"})

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
        day, left = start, days
        while left > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                left -= 1
        return day

    def add_calendar_days(self, start: dt.date, days: int) -> dt.date:
        """``days`` calendar days after ``start``; a last day that is a day off moves to the next working day."""
        return self.next_working_day(start + dt.timedelta(days=days))

    def due_date(self, start: dt.date, days: int, *, working_days: bool) -> dt.date:
        return self.add_working_days(start, days) if working_days else self.add_calendar_days(start, days)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is before ``start``)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(days=n)))
