"""Bad input gets a specific Vietnamese error and changes nothing stored."""

import datetime as dt

from django.urls import reverse

from canhgiac.core.deadlines import today
from canhgiac.core.models import Deadline, Event
from canhgiac.core.testing import api_client, login
from canhgiac.petitions.models import Petition
from canhgiac.petitions.steps import take_step
from tests.petitions.helpers import make_letter, make_petition

D = dt.date


def snapshot(petition):
    return (
        Petition.objects.filter(pk=petition.pk).values().get(),
        list(Deadline.objects.filter(object_id=petition.pk, content_type__model="petition").values()),
        Event.objects.filter(object_id=petition.pk).count(),
        petition.history.count(),
    )


def post(world, petition, name, body, role="inspector"):
    return api_client(world.user(role)).post(f"/api/petitions/{petition.pk}/{name}/", body, format="json")


def accepted(world, **fields):
    petition = make_petition(world, **fields)
    take_step(petition, "accept", actor=world.user("inspector"), on=fields.get("received_on", D(2026, 7, 1)))
    petition.refresh_from_db()
    return petition


def test_a_step_not_allowed_from_the_current_state(world):
    petition = make_petition(world)
    before = snapshot(petition)
    response = post(world, petition, "resolve", {"letter": make_letter(world).pk})
    assert response.status_code == 400
    assert "Không thể giải quyết đơn" in response.json()["detail"]
    assert "Đã tiếp nhận, đang xử lý đơn" in response.json()["detail"]
    assert snapshot(petition) == before
    take_step(petition, "withdraw", actor=world.user("officer"), reason="Người khiếu nại rút đơn", on=D(2026, 7, 2))
    response = post(world, petition, "accept", {})
    assert response.status_code == 400 and "Người gửi đã rút đơn" in response.json()["detail"]


def test_a_decision_without_its_letter(world):
    petition = accepted(world)
    before = snapshot(petition)
    response = post(world, petition, "resolve", {"reason": "Giữ nguyên quyết định"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Cần chọn quyết định giải quyết khiếu nại (văn bản đi đã đăng ký)."
    assert snapshot(petition) == before
    incoming = make_letter(world, direction="in", agency="CAT-ANM", actor_role="officer", to=["STTTT"])
    response = post(world, petition, "resolve", {"letter": incoming.pk})
    assert response.status_code == 400 and "phải là văn bản đi" in response.json()["detail"]
    old = make_letter(world, on=D(2026, 6, 1))
    response = post(world, petition, "resolve", {"letter": old.pk})
    assert response.status_code == 400 and "trước ngày nhận đơn 01/07/2026" in response.json()["detail"]
    assert snapshot(petition) == before


def test_a_transfer_needs_the_competent_body_and_its_letter(world):
    petition = make_petition(world)
    before = snapshot(petition)
    response = post(world, petition, "transfer", {"letter": make_letter(world).pk}, role="officer")
    assert response.status_code == 400 and "Cần chọn cơ quan có thẩm quyền" in response.json()["detail"]
    response = post(world, petition, "transfer", {"agency": world.agency("CAT-ANM").pk}, role="officer")
    assert response.status_code == 400 and "Cần chọn văn bản chuyển đơn" in response.json()["detail"]
    assert snapshot(petition) == before


def test_a_received_date_in_the_future(world):
    tomorrow = today() + dt.timedelta(days=1)
    body = {
        "kind": "complaint",
        "received_on": tomorrow.isoformat(),
        "channel": "post",
        "title": "Khiếu nại",
        "petitioner_name": "Nguyễn Văn An",
        "handling_agency": world.agency("STTTT").pk,
    }
    response = api_client(world.user("officer")).post("/api/petitions/", body, format="json")
    assert response.status_code == 400
    assert f"Ngày nhận đơn ({tomorrow:%d/%m/%Y}) không được sau ngày hôm nay" in response.json()["received_on"][0]
    assert Petition.objects.count() == 0 and Deadline.objects.count() == 0


def test_a_step_dated_before_receipt_or_in_the_future(world):
    petition = make_petition(world)
    before = snapshot(petition)
    response = post(world, petition, "accept", {"on": "2026-06-30"})
    assert response.status_code == 400 and "không được trước ngày 01/07/2026" in response.json()["detail"]
    response = post(world, petition, "accept", {"on": (today() + dt.timedelta(days=3)).isoformat()})
    assert response.status_code == 400 and "không được sau ngày hôm nay" in response.json()["detail"]
    assert snapshot(petition) == before


def test_an_extension_beyond_what_the_law_allows(world):
    petition = accepted(world, kind="denunciation", received_on=D(2026, 11, 2), respondent="Cơ sở X")
    letter = make_letter(world, on=D(2026, 11, 20)).pk
    before = snapshot(petition)
    response = post(world, petition, "extend", {"days": 40, "reason": "Phức tạp", "letter": letter, "on": "2026-11-20"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(
        "Gia hạn vượt quá mức pháp luật cho phép: chỉ được gia hạn thêm tối đa 30 ngày (tổng không quá 60 ngày"
    )
    response = post(world, petition, "extend", {"days": 30, "reason": "Phức tạp", "on": "2026-11-20"})
    assert response.status_code == 400 and "Cần chọn quyết định gia hạn" in response.json()["detail"]
    response = post(world, petition, "extend", {"days": 10, "letter": letter, "on": "2026-11-20"})
    assert response.status_code == 400 and "Cần ghi lý do gia hạn" in response.json()["detail"]
    assert snapshot(petition) == before
    for _ in range(2):
        body = {"days": 30, "reason": "Đặc biệt phức tạp", "letter": letter, "on": "2026-11-20"}
        assert post(world, petition, "extend", body).status_code == 200
    before = snapshot(petition)
    response = post(world, petition, "extend", {"days": 5, "reason": "Thêm", "letter": letter, "on": "2026-11-20"})
    assert response.status_code == 400 and "Đã gia hạn 2 lần — số lần tối đa" in response.json()["detail"]
    assert snapshot(petition) == before
    assert Petition.objects.get(pk=petition.pk).resolve_days == 90


def test_complaint_extension_stops_at_45_days_and_kien_nghi_has_none(world):
    complaint = accepted(world, received_on=D(2026, 11, 2))
    response = post(world, complaint, "extend", {"days": 20, "reason": "Vụ việc phức tạp", "on": "2026-11-20"})
    assert response.status_code == 400 and "tối đa 15 ngày (tổng không quá 45 ngày" in response.json()["detail"]
    recommendation = accepted(world, kind="recommendation", received_on=D(2026, 11, 2))
    response = post(world, recommendation, "extend", {"days": 5, "reason": "Cần thêm thời gian"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Đơn kiến nghị không có thời hạn giải quyết luật định để gia hạn."
    late = make_petition(world, received_on=D(2026, 7, 1))  # handling limit 10/07/2026 long passed
    response = post(world, late, "extend", {"days": 1, "reason": "Xác minh"})
    assert response.status_code == 400 and "Pháp luật không cho phép gia hạn" in response.json()["detail"]


def test_an_extension_must_be_decided_before_the_limit(world):
    petition = make_petition(world, kind="denunciation", received_on=D(2026, 11, 2), respondent="Cơ sở X")
    before = snapshot(petition)
    response = post(world, petition, "extend", {"days": 3, "reason": "Xác minh nhiều nơi", "on": "2026-11-20"})
    assert response.status_code == 400 and "Không gia hạn được khi đã hết hạn (11/11/2026)" in response.json()["detail"]
    assert snapshot(petition) == before


def test_anonymous_denunciations_are_handled_as_the_law_says(world):
    petition = make_petition(world, kind="denunciation", anonymous=True, petitioner_name="", respondent="Website X")
    assert petition.accept_due is not None and "05/2021" in Deadline.objects.get(object_id=petition.pk).rule.citation
    before = snapshot(petition)
    response = post(world, petition, "accept", {})
    assert response.status_code == 400 and "Điều 25 Luật Tố cáo 2018" in response.json()["detail"]
    assert snapshot(petition) == before
    response = post(world, petition, "inspect", {"reason": "Có tài liệu cụ thể, chuyển kiểm tra", "on": "2026-07-02"})
    assert response.status_code == 200 and response.json()["status"] == "inspection"
    named = make_petition(world, kind="denunciation", respondent="Cơ sở X")
    response = post(world, named, "inspect", {"reason": "Kiểm tra"})
    assert response.status_code == 400 and "Chỉ thông tin tố cáo nặc danh" in response.json()["detail"]
    body = {"kind": "complaint", "anonymous": True, "received_on": "2026-07-01", "channel": "post", "title": "K"}
    body["handling_agency"] = world.agency("STTTT").pk
    response = api_client(world.user("officer")).post("/api/petitions/", body, format="json")
    assert response.status_code == 400 and "Chỉ đơn tố cáo" in response.json()["anonymous"][0]


def test_the_facts_the_limits_depend_on_are_fixed_after_acceptance(world):
    petition = accepted(world)
    before = snapshot(petition)
    response = api_client(world.user("officer")).patch(
        f"/api/petitions/{petition.pk}/", {"received_on": "2026-07-02"}, format="json"
    )
    assert response.status_code == 400 and "Không sửa được “ngày nhận đơn”" in response.json()["detail"]
    assert snapshot(petition) == before


def test_the_page_shows_a_refused_step_and_keeps_the_petition(world, client):
    petition = make_petition(world)
    before = snapshot(petition)
    login(client, world.user("inspector"))
    url = reverse("petitions:petition_step", args=[petition.pk])
    response = client.post(url, {"action": "withdraw", "reason": ""}, follow=True)
    assert "Cần ghi lý do rút đơn." in response.content.decode()
    assert snapshot(petition) == before
    response = client.post(url, {"action": "accept", "on": "02/07/2026"}, follow=True)
    assert "Đã ghi nhận bước xử lý đơn." in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).status == "accepted"
