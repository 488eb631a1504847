import datetime as dt

import pytest

from canhgiac.core.models import Holiday
from canhgiac.core.testing import login
from canhgiac.core.workdays import WorkCalendar, vietnam_calendar

from .workflow_fixtures import calendar  # noqa: F401

D = dt.date


def test_migration_ships_the_vietnam_calendar_with_make_up_days(calendar):  # noqa: F811
    assert Holiday.objects.get(date=D(2026, 9, 2)).kind == "off"
    assert Holiday.objects.filter(date__year=2027, name__icontains="Tết Nguyên Đán").count() >= 4
    # 31/08/2026 is a bridge day off, worked back on Saturday 22/08/2026.
    assert Holiday.objects.get(date=D(2026, 8, 31)).kind == "off"
    assert Holiday.objects.get(date=D(2026, 8, 22)).kind == "work"


def test_working_days_skip_weekends_and_tet_and_count_make_up_saturdays(calendar):  # noqa: F811
    cal = WorkCalendar.load()
    # Friday 13/02/2026 + 1 working day: the Tết week 16–20/02 is off, so Monday 23/02.
    assert cal.due_date(D(2026, 2, 13), 1, working_days=True) == D(2026, 2, 23)
    # Friday 21/08/2026 + 1 working day is the make-up Saturday 22/08.
    assert cal.due_date(D(2026, 8, 21), 1, working_days=True) == D(2026, 8, 22)
    # Seven working days from Wednesday 02/12/2026: Thursday 03/12 … Friday 11/12.
    assert cal.due_date(D(2026, 12, 2), 7, working_days=True) == D(2026, 12, 11)


def test_calendar_days_ending_on_a_day_off_end_on_the_next_working_day(calendar):  # noqa: F811
    cal = WorkCalendar.load()
    # 27/08/2026 + 4 days = Monday 31/08 (off), 01/09 and 02/09 are National Day: the period ends on 03/09.
    assert cal.due_date(D(2026, 8, 27), 4, working_days=False) == D(2026, 9, 3)
    assert cal.due_date(D(2026, 12, 1), 10, working_days=False) == D(2026, 12, 11)


def test_vietnam_calendar_is_pure_data():
    days = {date: kind for date, _name, kind in vietnam_calendar([2025])}
    assert days[D(2025, 9, 2)] == "off" and days[D(2025, 4, 26)] == "work"


def test_administrator_adds_a_day_off_that_moves_due_dates(world, client, calendar):  # noqa: F811
    assert WorkCalendar.load().due_date(D(2026, 12, 3), 1, working_days=True) == D(2026, 12, 4)
    login(client, world.user("administrator"))
    response = client.post(
        "/calendar/add/", {"date": "2026-12-04", "name": "Nghỉ theo quyết định của UBND tỉnh", "kind": "off"}
    )
    assert response.status_code == 302
    holiday = Holiday.objects.get(date=D(2026, 12, 4))
    assert holiday.history.first().history_user == world.user("administrator")
    assert WorkCalendar.load().due_date(D(2026, 12, 3), 1, working_days=True) == D(2026, 12, 7)
    page = client.get("/calendar/?year=2026").content.decode()
    assert "Nghỉ theo quyết định của UBND tỉnh" in page


@pytest.mark.parametrize("role", ["officer", "inspector", "leader"])
def test_only_administrators_edit_the_calendar(world, client, calendar, role):  # noqa: F811
    login(client, world.user(role))
    response = client.post("/calendar/add/", {"date": "2026-12-04", "name": "Thử", "kind": "off"})
    assert response.status_code == 403 and not Holiday.objects.filter(date=D(2026, 12, 4)).exists()
    assert client.get("/calendar/?year=2026").status_code == 200


def test_duplicate_date_is_refused_with_a_vietnamese_error(world, client, calendar):  # noqa: F811
    login(client, world.user("administrator"))
    response = client.post("/calendar/add/", {"date": "2026-09-02", "name": "Trùng", "kind": "off"})
    assert response.status_code == 200 and "đã tồn tại" in response.content.decode()
    assert Holiday.objects.get(date=D(2026, 9, 2)).name != "Trùng"
