"""The petitions' figures: the seed's sentence, the previous-year comparison, the share on time, and every figure
equal to its drill-down list (the same rows the user opens from the report)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from canhgiac.core.deadlines import today
from canhgiac.core.figures import Figure, Window, change, compute
from canhgiac.core.testing import login
from canhgiac.core.workdays import WorkCalendar
from canhgiac.petitions.figures import FIGURES
from canhgiac.petitions.services import receptions
from canhgiac.petitions.steps import take_step
from tests.petitions.helpers import make_letter, make_petition

D = dt.date
H1_2024 = Window(D(2024, 1, 1), D(2024, 6, 30))


def _steps(world, petition, *steps):
    for name, on in steps:
        extra = {}
        if name in ("resolve", "transfer"):
            extra["letter"] = make_letter(world, on=on)
        if name == "transfer":
            extra["agency"] = world.agency("CAT-ANM")
        take_step(petition, name, actor=world.user("inspector"), on=on, reason="Theo quy định", **extra)


@pytest.fixture
def an_giang(world):
    """Seed 000: 08 petitions in H1/2024, one of them a denunciation, one more than H1/2023; 05 receptions."""
    for month in range(1, 8):
        p = make_petition(world, kind="reflection", received_on=D(2023, month if month < 7 else 6, 10))
        _steps(world, p, ("accept", D(2023, min(month, 6), 12)), ("resolve", D(2023, min(month, 6), 20)))
    denunciation = make_petition(world, kind="denunciation", received_on=D(2024, 2, 26), respondent="Báo, đài tỉnh")
    _steps(world, denunciation, ("accept", D(2024, 3, 4)), ("resolve", D(2024, 3, 29)))
    late = make_petition(world, kind="complaint", received_on=D(2024, 1, 15))
    _steps(world, late, ("accept", D(2024, 1, 22)), ("resolve", D(2024, 3, 1)))  # due 21/02/2024: late
    moved = make_petition(world, kind="reflection", received_on=D(2024, 2, 2))
    _steps(world, moved, ("transfer", D(2024, 2, 6)))
    for month in (3, 4, 5):
        p = make_petition(world, kind="recommendation", received_on=D(2024, month, 4))
        _steps(world, p, ("accept", D(2024, month, 8)), ("resolve", D(2024, month, 25)))
    make_petition(world, kind="reflection", received_on=D(2024, 5, 2))  # never handled: overdue
    commune = make_petition(world, kind="complaint", received_on=D(2024, 6, 3), agency="UBND-CL",
                            actor_role="district_officer")  # fmt: skip
    _steps(world, commune, ("accept", D(2024, 6, 7)))
    for day, locality, people in [(18, "TP. Long Xuyên", 1), (26, "TP. Long Xuyên", 1), (21, "huyện An Phú", 2),
                                  (9, "huyện Châu Phú", 1), (20, "huyện Châu Phú", 1)]:  # fmt: skip
        receptions.create(
            actor=world.user("officer"), received_on=D(2024, 1 + day % 6, day), citizen_name="Công dân",
            citizens_count=people, locality=locality, kind="reflection", topic="Lừa đảo qua mạng",
            outcome="guided", agency=world.agency("STTTT"),
        )  # fmt: skip
    return world


def test_the_seed_sentence_and_its_previous_year_comparison(an_giang):
    keys = ["petitions_received", "petitions_received_denunciation", "receptions", "reception_people"]
    now, before = compute(H1_2024, keys), compute(H1_2024.previous_year(), keys)
    assert now == {
        "petitions_received": 8,
        "petitions_received_denunciation": 1,
        "receptions": 5,
        "reception_people": 6,
    }
    assert before["petitions_received"] == 7 and before["petitions_received_denunciation"] == 0
    assert change(now["petitions_received"], before["petitions_received"])["delta"] == 1  # "tăng 01 vụ việc"
    assert change(now["petitions_received_denunciation"], before["petitions_received_denunciation"])["delta"] == 1


def test_steps_overdue_and_the_share_resolved_on_time(an_giang):
    values = compute(H1_2024)
    assert values["petitions_accepted"] == 6 and values["petitions_resolved"] == 5
    assert values["petitions_transferred"] == 1 and values["petitions_transferred_reflection"] == 1
    assert values["petitions_overdue"] == 2  # the late complaint and the reflection never handled
    assert values["petitions_overdue_complaint"] == 1
    assert values["petitions_resolved_on_time"] == 4
    assert values["petitions_resolved_on_time_share"] == Decimal("80.00")
    commune = compute(H1_2024, ["petitions_received", "petitions_accepted"], agency=an_giang.agency("UBND-CL"))
    assert commune == {"petitions_received": 1, "petitions_accepted": 1}


def _drilled(client, url: str, column: str = "") -> int:
    rows = list(csv.DictReader(io.StringIO(client.get(url + "&_export=csv").content.decode("utf-8-sig"))))
    return sum(int(row[column]) for row in rows) if column else len(rows)


@pytest.mark.parametrize("agency", [None, "UBND-CL"])
def test_every_figure_equals_its_drill_down_list(an_giang, client, agency):
    login(client, an_giang.user("inspector"))
    scope = an_giang.agency(agency) if agency else None
    values = compute(H1_2024, agency=scope)
    checked = 0
    for figure in FIGURES:
        if not isinstance(figure, Figure):
            continue
        url = figure.drilldown_url(H1_2024, scope)
        column = "Số người được tiếp" if figure.aggregate.startswith("sum") else ""
        assert _drilled(client, url, column) == values[figure.key], (figure.key, url)
        checked += 1
    assert checked == len([f for f in FIGURES if isinstance(f, Figure)]) > 25


def test_the_list_filters_what_is_due_and_overdue(an_giang, client):
    login(client, an_giang.user("inspector"))
    overdue = client.get("/petitions/?due=overdue&_export=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(overdue)))
    assert {row["Loại đơn"] for row in rows} == {"Phản ánh", "Khiếu nại"}  # the open reflection, the commune's case
    assert len(rows) == 2
    calendar, now = WorkCalendar.load(), today()
    start = next(
        now - dt.timedelta(days=n)
        for n in range(15)
        if now <= calendar.add_working_days(now - dt.timedelta(days=n), 7) <= now + dt.timedelta(days=3)
    )
    fresh = make_petition(an_giang, received_on=start)  # its 7 working days end within the next days
    soon = client.get("/petitions/?due=soon&_export=csv").content.decode("utf-8-sig")
    assert fresh.code in soon and len(list(csv.DictReader(io.StringIO(soon)))) == 1
