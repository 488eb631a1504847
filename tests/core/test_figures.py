"""The figures catalogue: values computed from records made through the services, scoped by agency and period,
each equal to the list its drill-down link opens; the API and the page as every role; the generated docs."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from canhgiac.cases.services import transition_case
from canhgiac.core import figures
from canhgiac.core.figures import DerivedFigure, Figure, Window, percentage
from canhgiac.core.services import register_document
from canhgiac.core.testing import api_client, login
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.services import add_site, record_scan
from tests.cases.helpers import make_case

H1 = Window(dt.date(2024, 1, 1), dt.date(2024, 6, 30))
TODAY = timezone.localdate()
THIS_YEAR = Window(TODAY.replace(month=1, day=1), TODAY)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "figures.md"


@pytest.fixture
def records(world):
    """Cases, letters and a watched site with a finding, some inside H1/2024 and some outside."""
    make_case(world, received_on=dt.date(2024, 2, 1), damage_vnd=850_000)
    make_case(world, received_on=dt.date(2024, 6, 30), damage_vnd=25_000_000, indicators=[("phone", "0912345678")])
    make_case(world, received_on=dt.date(2024, 3, 3), category="gambling", lead="CAT-ANM")
    make_case(world, received_on=dt.date(2024, 7, 1), damage_vnd=1_000_000)  # the day after the period
    make_case(world, received_on=dt.date(2023, 3, 3), damage_vnd=5)  # the same period a year earlier
    closed = make_case(world, received_on=dt.date(2024, 4, 4), category="harassment")
    officer = world.user("officer")
    for step in ("handling", "closed"):
        transition_case(closed, step, actor=officer, reason="Xử lý xong")
    for number, direction, issuer, day in [
        (10, "out", "STTTT", "2024-01-15"),
        (11, "out", "STTTT", "2024-05-15"),
        (12, "in", "CAT-ANM", "2024-05-20"),
        (13, "out", "STTTT", "2023-12-31"),
    ]:
        register_document(
            actor=officer,
            notation=f"{number}/{issuer}",
            direction=direction,
            doc_type="kh" if number == 11 else "cv",
            date=day,
            issuing_agency=world.agency(issuer),
            summary=f"Văn bản {number}",
        )
    site = add_site(actor=officer, url="https://canloc.example/", name="Cổng xã", owner_agency=world.agency("UBND-CL"))
    record_scan(site, _injected_result("https://canloc.example/"))
    return world


def test_values_for_a_period_count_only_its_records(records):
    values = figures.compute(H1)
    assert values["cases.opened"] == 4
    assert values["cases.opened_fraud"] == 2
    assert values["cases.opened_gambling"] == 1
    assert values["cases.opened_harassment"] == 1
    assert values["cases.damage_total"] == 25_850_000
    assert values["cases.damage_fraud"] == 25_850_000
    assert values["cases.indicators_phone"] == 0  # recorded today, not in 2024
    assert values["letters.outgoing"] == 2 and values["letters.out_kh"] == 1 and values["letters.out_cv"] == 1
    assert values["letters.incoming"] == 1
    assert figures.compute(THIS_YEAR, ["cases.closed", "cases.indicators_phone", "webwatch.sites_injected"]) == {
        "cases.closed": 1,
        "cases.indicators_phone": 1,
        "webwatch.sites_injected": 1,
    }


def test_one_agency_and_the_previous_year(records):
    police = records.agency("CAT-ANM")
    assert figures.compute(H1, ["cases.opened", "letters.incoming"], agency=police) == {
        "cases.opened": 1,
        "letters.incoming": 1,
    }
    assert figures.compute(H1.previous_year(), ["cases.opened", "cases.damage_total"]) == {
        "cases.opened": 1,
        "cases.damage_total": 5,
    }
    assert figures.change(4, 1) == {"delta": 3, "percent": Decimal("300.0")}
    assert figures.change(0, 0) == {"delta": 0, "percent": None}


def test_a_sum_over_no_rows_is_zero_and_a_province_only_figure_has_no_agency_value(world):
    assert figures.compute(H1, ["cases.damage_total"]) == {"cases.damage_total": 0}
    assert figures.compute(H1, ["webwatch.scans"], agency=world.agency("STTTT")) == {"webwatch.scans": 0}


def test_derived_percentage_rounds_half_up():
    share = percentage("part", "whole")
    assert share({"part": 61, "whole": 86}) == Decimal("70.93")
    assert share({"part": 86, "whole": 86}) == Decimal("100.00")
    assert share({"part": 3, "whole": 0}) is None


def test_bad_declarations_and_requests_are_refused():
    with pytest.raises(ValueError, match="aggregate"):
        Figure("x.y", "X", model="cases.Case", date_field="received_on", aggregate="avg:damage_vnd")
    with pytest.raises(ValueError, match="unit"):
        Figure("x.y", "X", model="cases.Case", date_field="received_on", unit="euro")
    with pytest.raises(ValueError, match="sau ngày kết thúc"):
        Window(dt.date(2024, 7, 1), dt.date(2024, 6, 30))
    with pytest.raises(figures.UnknownFigure, match="cases.nope"):
        figures.compute(H1, ["cases.nope"])
    assert Window(dt.date(2024, 2, 29), dt.date(2024, 12, 31)).previous_year().start == dt.date(2023, 2, 28)


def _list_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return int(re.search(r'id="result-count">(\d+)', response.content.decode()).group(1))


@pytest.mark.parametrize("agency_code", [None, "STTTT", "CAT-ANM", "UBND-CL"])
def test_every_figure_equals_the_list_its_link_opens(records, client, agency_code):
    """For each figure with a drill-down: the list shows the same records (count figures: the same number; sums:
    the rows summed; distinct counts over another model: that many rows)."""
    login(client, records.user("administrator"))
    agency = records.agency(agency_code) if agency_code else None
    checked = 0
    for window in (H1, THIS_YEAR):
        values = figures.compute(window, agency=agency)
        for key, figure in figures.catalogue().items():
            if isinstance(figure, DerivedFigure) or not figure.url or values[key] is None:
                continue
            url = figure.drilldown_url(window, agency)
            shown = _list_count(client, url)
            list_model = resolve(url.split("?")[0]).func.view_class.model
            if list_model is figure.model_class:
                assert shown == figure.records(window, agency).count(), (key, url)
                if figure.aggregate == "count":
                    assert shown == values[key], (key, url)
            else:
                assert shown == values[key], (key, url)
            checked += 1
    assert checked > 40


def test_api_as_every_role(records):
    province = api_client(records.user("leader")).get("/api/figures/", {"from": "2024-01-01", "to": "2024-06-30"})
    assert province.status_code == 200
    rows = {row["key"]: row for row in province.json()["figures"]}
    assert rows["cases.opened"]["value"] == 4
    assert rows["cases.opened"]["url"].startswith(reverse("cases:case_list"))
    assert rows["cases.damage_total"]["unit_label"] == "đồng"
    police = api_client(records.user("police_liaison"))
    own = police.get("/api/figures/", {"from": "2024-01-01", "to": "2024-06-30", "key": "cases.opened"})
    assert own.status_code == 200 and own.json()["figures"][0]["value"] == 1  # its own agency only
    other = police.get("/api/figures/", {"from": "2024-01-01", "to": "2024-06-30", "agency": "STTTT"})
    assert other.status_code == 403
    for role in ("administrator", "inspector", "officer", "viewer"):
        answer = api_client(records.user(role)).get(
            "/api/figures/", {"from": "2024-01-01", "to": "2024-06-30", "agency": "CAT-ANM", "key": "cases.opened"}
        )
        assert answer.status_code == 200 and answer.json()["figures"][0]["value"] == 1, role
    for role in ("carrier_operator", "district_officer"):
        answer = api_client(records.user(role)).get("/api/figures/", {"from": "2024-01-01", "to": "2024-06-30"})
        assert answer.status_code == 200 and answer.json()["agency"] == records.user(role).agency.code, role
    assert api_client().get("/api/figures/", {"from": "2024-01-01", "to": "2024-06-30"}).status_code in (401, 403)


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"to": "2024-06-30"}, "from", "YYYY-MM-DD"),
        ({"from": "30/06/2024", "to": "2024-06-30"}, "from", "không hợp lệ"),
        ({"from": "2024-07-01", "to": "2024-06-30"}, "to", "sau ngày kết thúc"),
        ({"from": "2024-01-01", "to": "2024-06-30", "agency": "KHONG-CO"}, "agency", "KHONG-CO"),
        ({"from": "2024-01-01", "to": "2024-06-30", "key": "cases.nope"}, "key", "cases.nope"),
    ],
)
def test_api_bad_requests(world, params, field, message):
    answer = api_client(world.user("leader")).get("/api/figures/", params)
    assert answer.status_code == 400
    assert message in str(answer.json()[field])


def test_page_shows_values_linked_to_their_lists(records, client):
    login(client, records.user("inspector"))
    page = client.get(reverse("core:figures"), {"start": "01/01/2024", "end": "30/06/2024"}).content.decode()
    assert "Số liệu báo cáo" in page and "Vụ việc tiếp nhận" in page
    link = figures.get("cases.damage_total").drilldown_url(H1)
    assert f'href="{link.replace("&", "&amp;")}">25.850.000</a>' in page
    login(client, records.user("carrier_operator"))
    page = client.get(reverse("core:figures"), {"start": "01/01/2024", "end": "30/06/2024"}).content.decode()
    assert "Toàn tỉnh" not in page  # a carrier sees only its own figures
    bad = client.get(reverse("core:figures"), {"start": "01/07/2024", "end": "30/06/2024"}).content.decode()
    assert "Ngày bắt đầu phải trước" in bad


def test_docs_list_the_declared_figures():
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- figures:begin")) + 1
    assert text[start : text.index("<!-- figures:end -->")] == figures.catalogue_markdown(), "run `make docs`"
