import datetime as dt

import pytest
from django.apps import apps
from django.core import mail

from canhgiac.cases.services import create_case
from canhgiac.core import reporttypes
from canhgiac.core.reporttypes import ContributionSpec, FigureLine, ReportType, Section
from canhgiac.core.testing import api_client

# A report type of the tests' own, registered only while a rounds test runs (other apps' tests see the shipped types).
TEST_TYPE = ReportType(
    key="test-periodic",
    label="Báo cáo định kỳ (thử)",
    title="Kết quả công tác phối hợp {period}",
    contribution=ContributionSpec(
        figures=(FigureLine("test.cases_opened"), FigureLine("test.fraud_damage"), FigureLine("test.gambling")),
        sections=(Section("results", "Kết quả thực hiện"), Section("proposals", "Đề xuất, kiến nghị")),
    ),
)
PERIOD = {"period_kind": "half_year", "year": 2026, "number": 1}


@pytest.fixture(autouse=True)
def test_figures(monkeypatch):
    monkeypatch.setitem(reporttypes._TYPES, TEST_TYPE.key, TEST_TYPE)
    monkeypatch.setattr(apps.get_app_config("rounds"), "figures", "tests.rounds.figures.FIGURES")


@pytest.fixture
def cases(world):
    """Cases of the first half of 2026 led by the police and by the commune, and one outside the period."""
    officer = world.user("officer")
    rows = [
        ("CAT-ANM", "fraud", "2026-02-03", 25_850_000),
        ("CAT-ANM", "fraud", "2026-05-20", 1_000_000),
        ("CAT-ANM", "gambling", "2026-03-01", None),
        ("UBND-CL", "fraud", "2026-04-04", 500_000),
        ("CAT-ANM", "fraud", "2025-12-31", 9_999_999),
    ]
    for code, category, day, damage in rows:
        create_case(
            actor=officer,
            title=f"Vụ {category} {day}",
            category=category,
            source="police",
            received_on=dt.date.fromisoformat(day),
            damage_vnd=damage,
            lead_agency=world.agency(code),
        )


def open_data(world, **extra):
    data = {
        "report_type": TEST_TYPE.key,
        **PERIOD,
        "due_date": "2026-07-10",
        "agencies": [world.agency("CAT-ANM").pk, world.agency("UBND-CL").pk, world.agency("VIETTEL").pk],
    }
    return {**data, **extra}


@pytest.fixture
def opened(world, cases):
    """A round opened through the API by the inspector: police, commune and a carrier asked for their parts."""
    mail.outbox.clear()
    response = api_client(world.user("inspector")).post("/api/rounds/", open_data(world), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def part_of(opened, world, code):
    return next(p for p in opened["parts"] if p["agency"] == world.agency(code).pk)
