"""The staff API of the register, every permission rule tried as every role."""

import pytest
from django.core import mail

from canhgiac.cases.models import Case
from canhgiac.core.models import Document, PersonalDataAccess
from canhgiac.core.scoping import can_read_personal_data, can_write, has_global_scope
from canhgiac.core.testing import ALL_ROLES, api_client
from canhgiac.intake.models import Report
from tests.intake.helpers import staff_report

pytestmark = pytest.mark.django_db
URL = "/api/intake/reports/"
NEW = {
    "channel": "hotline",
    "report_type": "scam_call",
    "content": "Cuộc gọi giả danh công an.",
    "phones": "+84 912.345.678",
    "reporter_name": "Lê Văn Cường",
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_create_by_every_role(world, role):
    user = world.user(role)
    response = api_client(user).post(URL, NEW, format="json")
    expected = 201 if can_write(user) and has_global_scope(user) else 403
    assert response.status_code == expected, (role, response.content)
    assert Report.objects.count() == (1 if expected == 201 else 0)
    if expected == 201:
        report = Report.objects.get()
        assert [i.value for i in report.indicators.all()] == ["+84912345678"]
        assert report.created_by == user and report.history.first().history_user == user


@pytest.mark.parametrize("role", ALL_ROLES)
def test_read_by_every_role_personal_data_only_to_entitled_and_logged(world, role):
    report = staff_report(world)
    user = world.user(role)
    client = api_client(user)
    listed = client.get(URL)
    assert listed.status_code == 200
    visible = has_global_scope(user)
    assert [r["id"] for r in listed.json()["results"]] == ([report.pk] if visible else [])
    assert all("reporter_name" not in r for r in listed.json()["results"])  # a list never carries them
    one = client.get(f"{URL}{report.pk}/")
    assert one.status_code == (200 if visible else 404)
    if visible:
        entitled = can_read_personal_data(user)
        assert ("reporter_name" in one.json()) == entitled
        if entitled:
            assert one.json()["reporter_phone"] == "0987000111"
        logged = PersonalDataAccess.objects.filter(user=user, model="intake.report", object_id=str(report.pk))
        assert logged.filter(channel="api").exists() == entitled


@pytest.mark.parametrize("role", ALL_ROLES)
def test_triage_by_every_role(world, role):
    """Dismiss, the plainest triage step: provincial writers may; others get 403 (role) or 404 (scope)."""
    report = staff_report(world)
    user = world.user(role)
    response = api_client(user).post(f"{URL}{report.pk}/dismiss/", {"reason": "Không có căn cứ"}, format="json")
    if not can_write(user):
        expected = 403
    elif not has_global_scope(user):
        expected = 404
    else:
        expected = 200
    assert response.status_code == expected, (role, response.content)
    report.refresh_from_db()
    assert report.status == ("dismissed" if expected == 200 else "new")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_update_by_every_role(world, role):
    report = staff_report(world)
    user = world.user(role)
    response = api_client(user).patch(f"{URL}{report.pk}/", {"content": "Đã sửa nội dung."}, format="json")
    if not can_write(user):
        expected = 403
    elif not has_global_scope(user):
        expected = 404
    else:
        expected = 200
    assert response.status_code == expected, (role, response.content)
    report.refresh_from_db()
    assert (report.content == "Đã sửa nội dung.") == (expected == 200)


def test_officer_cannot_write_reporters_data_of_a_stored_report(world):
    report = staff_report(world)
    response = api_client(world.user("officer")).patch(f"{URL}{report.pk}/", {"reporter_name": "X"}, format="json")
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.reporter_name == "Trần Thị Bình"


def test_forwarded_agency_sees_the_report_others_do_not(world):
    report = staff_report(world)
    police = world.agency("CAT-ANM")
    response = api_client(world.user("inspector")).post(
        f"{URL}{report.pk}/forward/", {"agency": police.pk, "notation": "125/STTTT-TTra"}, format="json"
    )
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.outcome == "forwarded" and report.status == "resolved"
    letter = Document.objects.get(pk=report.forward_letter_id)
    assert letter.direction == "out" and letter.notation == "125/STTTT-TTra"
    assert list(letter.receiving_agencies.all()) == [police]
    assert api_client(world.user("police_liaison")).get(f"{URL}{report.pk}/").status_code == 200
    assert api_client(world.user("carrier_operator")).get(f"{URL}{report.pk}/").status_code == 404
    # The agency it went to reads it, but the decisions stay with the province.
    reply = api_client(world.user("police_liaison")).post(f"{URL}{report.pk}/reply/", {"reply": "x"}, format="json")
    assert reply.status_code == 403
    patch = api_client(world.user("police_liaison")).patch(f"{URL}{report.pk}/", {"content": "y"}, format="json")
    assert patch.status_code == 403


def test_forward_with_a_bad_letter_number_stores_nothing(world):
    report = staff_report(world)
    response = api_client(world.user("inspector")).post(
        f"{URL}{report.pk}/forward/", {"agency": world.agency("CAT-ANM").pk, "notation": "125 STTTT"}, format="json"
    )
    assert response.status_code == 400
    assert "thiếu dấu “/”" in response.json()["detail"]
    report.refresh_from_db()
    assert report.outcome == "" and Document.objects.count() == 0


def test_escalate_several_into_one_new_case_then_attach_more_to_it(world):
    first, second, third = (staff_report(world, phones=p) for p in ("0912345678", "0912345679", "0912345670"))
    client = api_client(world.user("inspector"))
    response = client.post(f"{URL}escalate-many/", {"ids": [first.pk, second.pk]}, format="json")
    assert response.status_code == 201, response.content
    case = Case.objects.get(code=response.json()["code"])
    assert {i.value for i in case.indicators.all()} == {"+84912345678", "+84912345679"}
    assert case.source == "citizen" and case.evidence.count() == 2
    attached = client.post(f"{URL}{third.pk}/escalate/", {"case": case.code}, format="json")
    assert attached.status_code == 201
    for report in (first, second, third):
        report.refresh_from_db()
        assert report.case == case and report.status == "escalated" and report.outcome == "case"
    again = client.post(f"{URL}{first.pk}/escalate/", {}, format="json")
    assert again.status_code == 400 and "đã được chuyển thành vụ việc" in again.json()["detail"]


def test_mark_duplicate(world):
    original, copy = staff_report(world), staff_report(world)
    client = api_client(world.user("inspector"))
    assert client.post(f"{URL}{copy.pk}/duplicate/", {"original": copy.pk}, format="json").status_code == 400
    response = client.post(f"{URL}{copy.pk}/duplicate/", {"original": original.pk}, format="json")
    assert response.status_code == 200
    copy.refresh_from_db()
    assert copy.duplicate_of == original and copy.outcome == "duplicate" and copy.status == "dismissed"


def test_reply_is_shown_by_code_and_emailed(world, client, django_capture_on_commit_callbacks):
    report = staff_report(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client(world.user("inspector")).post(
            f"{URL}{report.pk}/reply/", {"reply": "Số 0912345678 đã bị khoá hai chiều."}, format="json"
        )
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.outcome == "replied" and report.replied_at and report.reply_emailed_at
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["binh@example.com"]
    assert "khoá hai chiều" in mail.outbox[0].body
    page = client.post("/congdan/theo-doi/", {"code": report.followup_code}).content.decode()
    assert "Đã trả lời" in page and "khoá hai chiều" in page
    again = api_client(world.user("inspector")).post(f"{URL}{report.pk}/reply/", {"reply": "x"}, format="json")
    assert again.status_code == 400


def test_reply_of_escalated_report_keeps_case_outcome(world):
    report = staff_report(world)
    client = api_client(world.user("inspector"))
    client.post(f"{URL}{report.pk}/escalate/", {}, format="json")
    client.post(f"{URL}{report.pk}/reply/", {"reply": "Đã lập hồ sơ xử lý."}, format="json")
    report.refresh_from_db()
    assert report.status == "escalated" and report.outcome == "case" and report.reply


def test_history_of_a_report(world):
    report = staff_report(world)
    api_client(world.user("inspector")).post(f"{URL}{report.pk}/dismiss/", {"reason": "Sai"}, format="json")
    history = api_client(world.user("inspector")).get(f"{URL}{report.pk}/history/").json()
    assert history[0]["reason"].startswith("Bỏ qua") or history[0]["reason"].startswith("Tạo")
    assert any("Bỏ qua" in h["reason"] for h in history)


def test_openapi_documents_the_intake_and_public_endpoints(world):
    schema = api_client(world.user("inspector")).get("/api/schema/?format=json").json()
    for path in (
        "/api/intake/reports/",
        "/api/intake/reports/{id}/reply/",
        "/api/public/lookup/",
        "/api/public/reports/",
        "/api/public/followup/",
        "/api/intake/warnings/{id}/publish/",
    ):
        assert path in schema["paths"], path
