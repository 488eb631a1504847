"""Opening rounds and the permission matrix of rounds and parts, through the API as every role."""

import datetime as dt

import pytest
from django.urls import reverse

from canhgiac.core import figures as catalogue
from canhgiac.core.models import Deadline, Notification
from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.core.testing import ALL_ROLES, ModelTests, api_client, login
from canhgiac.rounds.filtersets import RoundFilterSet
from canhgiac.rounds.models import Contribution, ContributionFigure, ReportRound
from tests.rounds.conftest import open_data, part_of


class TestReportRound(ModelTests):
    model = ReportRound
    api_url = "/api/rounds/"
    ui_list = "rounds:reportround_list"
    writer_role, reader_role = "inspector", "viewer"
    filterset_class = RoundFilterSet
    filter_exempt = (*ModelTests.filter_exempt, "contributions")

    @staticmethod
    def create_data(world):
        return open_data(world)

    @staticmethod
    def update_data(world, obj):
        return {"title": "Báo cáo 6 tháng đầu năm 2026 (sửa)"}

    @pytest.mark.parametrize("role", ALL_ROLES)
    def test_ui_add_page_by_every_role(self, world, client, role):
        """Only the inspectorate opens rounds: partners' writers get 403 on the page too, not only on saving."""
        user = world.user(role)
        login(client, user)
        expected = 200 if can_write(user) and has_global_scope(user) else 403
        assert client.get(reverse("rounds:reportround_add")).status_code == expected


def test_opening_asks_each_agency_with_a_prefill_equal_to_the_catalogue(world, opened):
    rnd = ReportRound.objects.get(pk=opened["id"])
    assert (rnd.period_start, rnd.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert rnd.figure_keys == ["test.cases_opened", "test.fraud_damage", "test.gambling"]
    window = catalogue.Window(rnd.period_start, rnd.period_end)
    for code in ("CAT-ANM", "UBND-CL", "VIETTEL"):
        agency = world.agency(code)
        expected = catalogue.compute(window, rnd.figure_keys, agency=agency)
        rows = ContributionFigure.objects.filter(contribution__round=rnd, contribution__agency=agency)
        assert {r.key: r.recorded for r in rows} == expected, code
        assert all(r.value is None and not r.nil for r in rows)  # prefilled, not yet reported
    police = part_of(opened, world, "CAT-ANM")
    answer = api_client(world.user("police_liaison")).get(f"/api/contributions/{police['id']}/").json()
    assert {f["key"]: f["recorded"] for f in answer["figures"]} == {
        "test.cases_opened": "3.00",
        "test.fraud_damage": "26850000.00",
        "test.gambling": "1.00",
    }


def test_opening_sets_deadlines_and_notifies_the_agencies(world, opened, django_capture_on_commit_callbacks):
    parts = Contribution.objects.filter(round_id=opened["id"])
    for part in parts:
        deadline = Deadline.objects.get(object_id=part.pk, content_type__model="contribution")
        assert deadline.due_date == dt.date(2026, 7, 10) and deadline.status == "open"
    police_user = world.user("police_liaison")
    assert Deadline.objects.get(object_id=part_of(opened, world, "CAT-ANM")["id"]).responsible == police_user
    notes = Notification.objects.filter(verb="round_opened")
    assert {n.recipient.username for n in notes} == {"police_liaison", "district_officer", "carrier_operator"}


def test_opening_mails_the_agency_users(world, cases, mailoutbox, django_capture_on_commit_callbacks):
    user = world.user("carrier_operator")
    user.email = "canbo@viettel.example"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client(world.user("inspector")).post("/api/rounds/", open_data(world), format="json")
    assert response.status_code == 201
    assert [m.to for m in mailoutbox] == [["canbo@viettel.example"]]
    assert "Đề nghị gửi phần đóng góp" in mailoutbox[0].subject + mailoutbox[0].body


@pytest.mark.parametrize("role", ALL_ROLES)
def test_parts_visible_to_own_agency_and_the_authority_only(world, opened, role):
    user = world.user(role)
    client = api_client(user)
    listed = {p["agency"] for p in client.get("/api/contributions/").json()["results"]}
    own = {world.agency(c).pk for c in ("CAT-ANM", "UBND-CL", "VIETTEL")}
    expected = own if has_global_scope(user) else own & {user.agency_id}
    assert listed == expected, role
    in_round = {p["agency"] for p in client.get(f"/api/rounds/{opened['id']}/").json().get("parts", [])}
    assert in_round == expected, role
    commune_part = part_of(opened, world, "UBND-CL")["id"]
    answer = client.get(f"/api/contributions/{commune_part}/")
    own = user.agency_id == world.agency("UBND-CL").pk
    assert answer.status_code == (200 if own or has_global_scope(user) else 404)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_fill_the_commune_part(world, opened, role):
    """The commune's own users, and the authority's writers (typing in a part received by letter); nobody else."""
    user = world.user(role)
    part = part_of(opened, world, "UBND-CL")["id"]
    response = api_client(user).patch(
        f"/api/contributions/{part}/", {"figures": [{"key": "test.cases_opened", "value": 2}]}, format="json"
    )
    if user.agency_id == world.agency("UBND-CL").pk or (has_global_scope(user) and can_write(user)):
        expected = 200
    elif has_global_scope(user):
        expected = 403  # the viewer reads every part but writes none
    else:
        expected = 404  # another agency's part does not exist for this user
    assert response.status_code == expected, (role, response.content)
    stored = ContributionFigure.objects.get(contribution_id=part, key="test.cases_opened").value
    assert stored == (2 if expected == 200 else None)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_return_accept_and_remind(world, opened, role):
    police = world.user("police_liaison")
    part = part_of(opened, world, "CAT-ANM")["id"]
    client = api_client(police)
    client.patch(f"/api/contributions/{part}/", {"sections": {"results": "Đã xử lý 04 vụ."}}, format="json")
    assert client.post(f"/api/contributions/{part}/submit/").status_code == 200
    user = world.user(role)
    allowed = can_write(user) and has_global_scope(user)
    response = api_client(user).post(f"/api/contributions/{part}/return/", {"comment": "Bổ sung số liệu"})
    assert response.status_code == (200 if allowed else 403 if user.agency_id == police.agency_id or
                                    has_global_scope(user) else 404), (role, response.content)  # fmt: skip
    assert Contribution.objects.get(pk=part).status == ("returned" if allowed else "submitted")
    remind = api_client(user).post(f"/api/rounds/{opened['id']}/remind/", {}, format="json")
    assert remind.status_code == (200 if allowed else 403 if has_global_scope(user) or user.agency_id else 404), role


@pytest.mark.parametrize("role", ["district_officer", "carrier_operator", "police_liaison", "viewer"])
def test_partners_and_viewers_cannot_open_a_round(world, cases, role):
    response = api_client(world.user(role)).post("/api/rounds/", open_data(world), format="json")
    assert response.status_code == 403
    assert "Sở" in response.json()["detail"] or "Vai trò" in response.json()["detail"]
    assert not ReportRound.objects.exists() and not Contribution.objects.exists()


def test_a_carrier_fills_and_submits_its_own_part(world, opened):
    """The carrier's role writes no records, yet it answers for its own part."""
    part = part_of(opened, world, "VIETTEL")["id"]
    client = api_client(world.user("carrier_operator"))
    figures = [{"key": "test.cases_opened", "value": "1.237"}]
    body = {"figures": figures, "sections": {"results": "Đoạn 1.\r\n\r\nĐoạn 2."}}
    answer = client.patch(f"/api/contributions/{part}/", body, format="json").json()
    assert next(f for f in answer["figures"] if f["key"] == "test.cases_opened")["value"] == "1237.00"
    assert answer["texts"]["results"] == "Đoạn 1.\n\nĐoạn 2."
    assert client.post(f"/api/contributions/{part}/submit/").json()["status"] == "submitted"
    deadline = Deadline.objects.get(object_id=part, content_type__model="contribution")
    assert deadline.status == "met"
    assert Notification.objects.filter(verb="contribution_submitted", recipient=world.user("inspector")).exists()


def test_the_openapi_schema_lists_the_actions(world, client):
    login(client, world.user("inspector"))
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    text = schema.content.decode()
    for path in ("/api/rounds/", "/api/rounds/{id}/remind/", "/api/contributions/{id}/submit/",
                 "/api/contributions/{id}/return/", "/api/contributions/{id}/accept/",
                 "/api/contributions/{id}/attachments/"):  # fmt: skip
        assert path in text, path


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_ask_one_more_agency(world, opened, role):
    user = world.user(role)
    body = {"agency": world.agency("BAO").pk}
    response = api_client(user).post(f"/api/rounds/{opened['id']}/parts/", body, format="json")
    allowed = can_write(user) and has_global_scope(user)
    assert response.status_code == (201 if allowed else 403), (role, response.content)
    assert Contribution.objects.filter(round_id=opened["id"], agency__code="BAO").exists() == allowed


def test_a_part_due_before_the_period_is_refused(world, opened):
    body = {"agency": world.agency("BAO").pk, "due_date": "2025-12-31"}
    response = api_client(world.user("inspector")).post(f"/api/rounds/{opened['id']}/parts/", body, format="json")
    assert response.status_code == 400
    assert "không được trước ngày bắt đầu kỳ báo cáo 01/01/2026" in response.json()["due_date"][0]
    assert not Contribution.objects.filter(agency__code="BAO").exists()
