"""The reports API as every role: who may build, edit the narrative, attach parts, issue, read."""

import pytest

from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.core.testing import ALL_ROLES, api_client
from canhgiac.reports.models import Report
from canhgiac.reports.services import SIGNER_ROLES

NEW = {"report_type": "periodic", "period_start": "2023-01-01", "period_end": "2023-06-30"}
PART = {
    "agency_code": "CAT-ANM",
    "agency_name": "Công an tỉnh",
    "agency_kind": "police",
    "status": "submitted",
    "figures": {"police.fraud_cases": {"value": "4"}, "police.gambling_cases": {"value": 0, "nil": True}},
    "sections": {"results": "Đã phối hợp."},
}


def builder(user) -> bool:
    return can_write(user) and has_global_scope(user)


def expected_write(user, draft, allowed: bool | None = None) -> int:
    """Roles that write nothing are refused before the record is looked up (403); a report the user cannot see is
    404; otherwise the service decides."""
    if not can_write(user):
        return 403
    if not Report.objects.visible_to(user).filter(pk=draft.pk).exists():
        return 404
    return 200 if (builder(user) if allowed is None else allowed) else 403


@pytest.mark.parametrize("role", ALL_ROLES)
def test_create_by_every_role(world, role):
    user = world.user(role)
    response = api_client(user).post("/api/reports/", NEW, format="json")
    assert response.status_code == (201 if builder(user) else 403), (role, response.content)
    assert Report.objects.count() == (1 if builder(user) else 0)
    if builder(user):
        body = response.json()
        assert body["title"].endswith("6 tháng đầu năm 2023") and body["status"] == "draft"
        assert body["author_agency"] == user.agency_id


@pytest.mark.parametrize("role", ALL_ROLES)
def test_narrative_by_every_role(world, draft, role):
    user = world.user(role)
    response = api_client(user).patch(f"/api/reports/{draft.pk}/", {"narrative": {"tasks": "Tiếp tục."}}, format="json")
    assert response.status_code == expected_write(user, draft), (role, response.content)
    draft.refresh_from_db()
    assert draft.narrative.get("tasks") == ("Tiếp tục." if response.status_code == 200 else None)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_parts_by_every_role(world, draft, role):
    user = world.user(role)
    response = api_client(user).post(f"/api/reports/{draft.pk}/parts/", [PART], format="json")
    assert response.status_code == expected_write(user, draft), (role, response.content)
    draft.refresh_from_db()
    assert len(draft.parts) == (1 if response.status_code == 200 else 0)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_issue_by_every_role(world, draft, role):
    user = world.user(role)
    response = api_client(user).post(f"/api/reports/{draft.pk}/issue/")
    signer = has_global_scope(user) and user.role in SIGNER_ROLES
    assert response.status_code == expected_write(user, draft, signer), (role, response.content)
    draft.refresh_from_db()
    assert draft.is_issued == (response.status_code == 200)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_read_by_every_role(world, draft, role):
    client = api_client(world.user(role))
    visible = has_global_scope(world.user(role))
    assert len(client.get("/api/reports/").json()["results"]) == (1 if visible else 0)
    assert client.get(f"/api/reports/{draft.pk}/preview/").status_code == (200 if visible else 404)
    assert client.get(f"/api/reports/{draft.pk}/docx/").status_code == (200 if visible else 404)


def test_parts_through_the_api_are_printed(world, draft):
    client = api_client(world.user("officer"))
    assert client.post(f"/api/reports/{draft.pk}/parts/", [PART], format="json").status_code == 200
    preview = client.get(f"/api/reports/{draft.pk}/preview/").json()
    results = preview["parts"][0]["blocks"]
    police = next(block for block in results if block["h2"] == "2.1. Công an tỉnh")
    assert "- Vụ lừa đảo, chiếm đoạt tài sản trên không gian mạng: 04 vụ." in police["paragraphs"]
    assert "- Vụ tổ chức đánh bạc, đánh bạc trên không gian mạng: chưa phát hiện." in police["paragraphs"]


def test_bad_input_is_refused_and_changes_nothing(world, draft):
    client = api_client(world.user("officer"))
    bad_period = client.post("/api/reports/", {**NEW, "period_end": "2022-12-31"}, format="json")
    assert bad_period.status_code == 400 and "ngày bắt đầu" in bad_period.json()["period_end"][0]
    bad_type = client.post("/api/reports/", {**NEW, "report_type": "khong-co"}, format="json")
    assert bad_type.status_code == 400
    bad_section = client.patch(f"/api/reports/{draft.pk}/", {"narrative": {"lạ": "x"}}, format="json")
    assert bad_section.status_code == 400 and "Mục không có" in bad_section.json()["narrative"][0]
    negative = {**PART, "figures": {"police.fraud_cases": {"value": "-1"}}}
    refused = client.post(f"/api/reports/{draft.pk}/parts/", [negative], format="json")
    assert refused.status_code == 400 and "giá trị âm" in refused.json()["detail"]
    assert Report.objects.count() == 1
    draft.refresh_from_db()
    assert draft.narrative == {} and draft.parts == []


def test_history_and_openapi(world, draft):
    client = api_client(world.user("officer"))
    client.patch(f"/api/reports/{draft.pk}/", {"narrative": {"tasks": "A"}}, format="json")
    history = client.get(f"/api/reports/{draft.pk}/history/").json()
    assert history[0]["reason"] == "Cập nhật báo cáo" and history[0]["user"] == str(world.user("officer"))
    assert "narrative" in {change["field"] for change in history[0]["changes"]}
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/reports/{id}/issue/", "/api/reports/{id}/preview/", "/api/reports/templates/upload/"):
        assert path in schema
