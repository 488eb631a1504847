"""The public JSON API: look up, send, follow — no account, the same limits as the pages, no personal data."""

import pytest
from rest_framework.test import APIClient

from canhgiac.cases.services import create_case, transition_case
from canhgiac.intake.models import Report
from canhgiac.intake.warnings import publish_warning, warnings
from tests.intake.helpers import staff_report

pytestmark = pytest.mark.django_db


def lookup(q, client=None):
    return (client or APIClient()).get("/api/public/lookup/", {"q": q})


def test_lookup_of_unknown_number(world):
    response = lookup("0912 345 678")
    assert response.status_code == 200
    assert response.json() == {
        "kind": "phone",
        "value": "+84912345678",
        "status": "none",
        "status_label": "Chưa có dữ liệu",
        "reports": 0,
        "warning": None,
    }


def test_lookup_counts_reports_however_the_number_was_written(world):
    for written in ("0912345678", "+84 912.345.678", "84912345678"):
        staff_report(world, phones=written)
    body = lookup("(+84) 912-345-678").json()
    assert body["value"] == "+84912345678" and body["reports"] == 3 and body["status"] == "verifying"
    assert "Trần Thị Bình" not in str(body) and "0987000111" not in str(body)


def test_lookup_confirmed_by_a_case_in_handling_or_a_warning(world):
    inspector = world.user("inspector")
    case = create_case(
        actor=inspector,
        title="Lừa đảo",
        category="fraud",
        source="citizen",
        received_on="2026-11-01",
        lead_agency=world.agency("TTRA"),
        indicators=[("domain", "vi-du-lua-dao.com")],
    )
    assert lookup("vi-du-lua-dao.com").json()["status"] == "verifying"
    transition_case(case, "handling", actor=inspector, reason="Đủ căn cứ")
    assert lookup("http://vi-du-lua-dao.com/dang-nhap").json()["kind"] == "url"
    assert lookup("VI-DU-LUA-DAO.COM").json()["status"] == "confirmed"
    warning = warnings.create(
        actor=inspector, title="Cảnh báo số lạ", summary="Giả danh", body="…", phones="0912345678"
    )
    assert lookup("0912345678").json()["warning"] is None  # a draft is not public
    publish_warning(warning, actor=inspector)
    body = lookup("0912345678").json()
    assert body["status"] == "confirmed" and body["warning"]["title"] == "Cảnh báo số lạ"


@pytest.mark.parametrize("q", ["", "abc xyz", "0912 abc", "x" * 600, "http://"])
def test_lookup_of_nonsense_is_a_clear_400(world, q):
    response = lookup(q)
    assert response.status_code == 400
    assert response.json()["q"][0]


def test_lookup_is_rate_limited_per_address(world, settings):
    settings.INTAKE_RATE_LOOKUP = "3/60"
    client = APIClient()
    assert [lookup("0912345678", client).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = lookup("0912345678", client)
    assert "quá nhiều lần" in refused.json()["detail"] and int(refused["Retry-After"]) > 0
    other = APIClient(REMOTE_ADDR="10.0.0.9")
    assert lookup("0912345678", other).status_code == 200


def test_public_send_and_follow(world):
    client = APIClient()
    data = {
        "content": "Tin nhắn giả ngân hàng",
        "report_type": "scam_sms",
        "links": "https://vcb-xac-minh.top/a",
        "consent": True,
    }
    response = client.post("/api/public/reports/", data, format="json")
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    report = Report.objects.get()
    assert {i.value for i in report.indicators.all()} == {"https://vcb-xac-minh.top/a", "vcb-xac-minh.top"}
    again = client.post("/api/public/reports/", data, format="json")
    assert again.status_code == 200 and again.json() == {"code": code, "merged": True}
    status = client.post("/api/public/followup/", {"code": code}, format="json")
    assert status.status_code == 200 and status.json()["status"].startswith("Đã tiếp nhận")
    wrong = client.post("/api/public/followup/", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"}, format="json")
    assert wrong.status_code == 404 and "Không tìm thấy" in wrong.json()["code"][0]


def test_public_send_refuses_without_consent_and_with_honeypot(world):
    client = APIClient()
    no_consent = client.post("/api/public/reports/", {"content": "x", "consent": False}, format="json")
    assert no_consent.status_code == 400 and "Cần đồng ý" in no_consent.json()["consent"][0]
    trap = client.post("/api/public/reports/", {"content": "x", "consent": True, "website": "y"}, format="json")
    assert trap.status_code == 400
    assert Report.objects.count() == 0


def test_public_api_takes_no_staff_session(world):
    """The public endpoints ignore a logged-in session: no CSRF hole, no personal data however one is signed in."""
    staff_report(world)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.user("inspector"))
    body = client.get("/api/public/lookup/", {"q": "0912345678"}).json()
    assert set(body) == {"kind", "value", "status", "status_label", "reports", "warning"}
