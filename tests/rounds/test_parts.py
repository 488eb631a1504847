"""An agency's part: nil returns vs figures not reported, bad input refused with nothing changed, the review
cycle (return with a comment, resubmit, accept), the late list and reminders, files, and what the builder gets."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.models import Deadline, Notification
from canhgiac.core.reporttypes import AgencyPart
from canhgiac.core.testing import api_client
from canhgiac.rounds import collect
from canhgiac.rounds.models import Contribution, ContributionFigure, ReportRound
from canhgiac.rounds.services import remind_late
from canhgiac.rounds.tasks import remind_late_contributions
from tests.rounds.conftest import open_data, part_of

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def snapshot(part_id):
    part = Contribution.objects.filter(pk=part_id).values().get()
    rows = list(ContributionFigure.objects.filter(contribution_id=part_id).order_by("key").values())
    return part, rows, Contribution.history.filter(id=part_id).count()


@pytest.fixture
def police(world, opened):
    return part_of(opened, world, "CAT-ANM")["id"], api_client(world.user("police_liaison"))


def test_a_confirmed_zero_is_a_nil_return_and_never_a_figure_not_reported(world, opened, police):
    part, client = police
    figures = [
        {"key": "test.cases_opened", "value": 3},
        {"key": "test.gambling", "value": None, "nil": True},
        # test.fraud_damage: not sent, so not reported
    ]
    assert client.patch(f"/api/contributions/{part}/", {"figures": figures}, format="json").status_code == 200
    commune = part_of(opened, world, "UBND-CL")["id"]
    zero = [{"key": "test.gambling", "value": "0"}]
    api_client(world.user("district_officer")).patch(f"/api/contributions/{commune}/", {"figures": zero}, format="json")
    by_agency = {p.agency_code: p for p in collect.parts(ReportRound.objects.get(pk=opened["id"]))}
    police_part = by_agency["CAT-ANM"]
    assert isinstance(police_part, AgencyPart) and police_part.status == "draft"
    assert (police_part.figures["test.gambling"].value, police_part.figures["test.gambling"].nil) == (0, True)
    damage = police_part.figures["test.fraud_damage"]
    assert (damage.value, damage.nil) == (None, False)
    assert police_part.figures["test.fraud_damage"].recorded == 26_850_000
    assert police_part.figures["test.cases_opened"].value == 3
    assert by_agency["UBND-CL"].figures["test.gambling"].nil is True  # a typed 0 is "chưa phát hiện" too
    assert list(by_agency) == ["CAT-ANM", "UBND-CL", "VIETTEL"]  # in the order the agencies were asked


def test_nil_with_a_number_is_refused(police):
    part, client = police
    before = snapshot(part)
    body = {"figures": [{"key": "test.gambling", "value": 4, "nil": True}]}
    response = client.patch(f"/api/contributions/{part}/", body, format="json")
    assert response.status_code == 400 and "chưa phát hiện" in response.json()["figures"][0]
    assert snapshot(part) == before


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ([{"key": "test.cases_opened", "value": -1}], "không được âm"),
        ([{"key": "test.cases_opened", "value": "ba"}], "không phải là số"),
        ([{"key": "cases.khong_co", "value": 1}], "không có chỉ số 'cases.khong_co' trong danh mục"),
        ([{"key": "test.province_cases", "value": 1}], "không thuộc phần đóng góp này"),
    ],
)
def test_bad_figures_are_refused_and_nothing_changes(police, figures, message):
    part, client = police
    before = snapshot(part)
    good = {"key": "test.gambling", "value": 2}  # a good figure in the same request is not half-saved either
    response = client.patch(
        f"/api/contributions/{part}/", {"figures": [good, *figures], "sections": {"results": "x"}}, format="json"
    )
    assert response.status_code == 400
    assert message.lower() in response.json()["figures"][0].lower()
    assert snapshot(part) == before


def test_submitted_twice_and_edited_after_submission_are_refused(police):
    part, client = police
    client.patch(f"/api/contributions/{part}/", {"figures": [{"key": "test.gambling", "value": 1}]}, format="json")
    assert client.post(f"/api/contributions/{part}/submit/").status_code == 200
    before = snapshot(part)
    again = client.post(f"/api/contributions/{part}/submit/")
    assert again.status_code == 400 and "đã được nộp lúc" in again.json()["detail"]
    five = {"figures": [{"key": "test.gambling", "value": 5}]}
    edit = client.patch(f"/api/contributions/{part}/", five, format="json")
    assert edit.status_code == 400 and "trả lại để chỉnh sửa" in edit.json()["detail"]
    upload = client.post(f"/api/contributions/{part}/attachments/", {"file": SimpleUploadedFile("a.pdf", PDF)})
    assert upload.status_code == 400
    assert snapshot(part) == before


def test_an_empty_part_cannot_be_submitted(police):
    part, client = police
    response = client.post(f"/api/contributions/{part}/submit/")
    assert response.status_code == 400 and "chưa có số liệu" in response.json()["detail"]
    assert Contribution.objects.get(pk=part).status == "draft"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"due_date": "2025-12-31"}, "due_date", "không được trước ngày bắt đầu kỳ báo cáo 01/01/2026"),
        ({"figures": ["test.cases_opened", "cases.khong_co"]}, "figures", "Không có chỉ số 'cases.khong_co'"),
        ({"report_type": "khong-co"}, "report_type", "Không có loại báo cáo"),
        ({"number": 3}, "period_kind", "Cần chọn 6 tháng"),
        ({"agencies": []}, "agencies", "ít nhất một cơ quan"),
        ({"sections": ["khong-co"]}, "sections", "cần ghi cả tiêu đề"),
    ],
)
def test_bad_rounds_are_refused_and_nothing_is_stored(world, change, field, message):
    response = api_client(world.user("inspector")).post("/api/rounds/", open_data(world, **change), format="json")
    assert response.status_code == 400, response.content
    assert message in response.json()[field][0]
    assert not ReportRound.objects.exists() and not Contribution.objects.exists() and not Deadline.objects.exists()
    assert not Notification.objects.exists()


def test_free_dates_quarter_and_year_periods(world):
    client = api_client(world.user("inspector"))
    cases = [
        ({"period_kind": "quarter", "year": 2026, "number": 3}, ("2026-07-01", "2026-09-30"), "quý III năm 2026"),
        ({"period_kind": "year", "year": 2025}, ("2025-01-01", "2025-12-31"), "năm 2025"),
        ({"period_kind": "custom", "period_start": "2026-01-01", "period_end": "2026-10-31"},
         ("2026-01-01", "2026-10-31"), "từ 01/01/2026 đến 31/10/2026"),
    ]  # fmt: skip
    for period, dates, text in cases:
        data = {**open_data(world), "period_kind": None, "year": None, "number": None, **period}
        data = {k: v for k, v in data.items() if v is not None}
        answer = client.post("/api/rounds/", {**data, "due_date": "2026-11-10"}, format="json").json()
        assert (answer["period_start"], answer["period_end"], answer["period_text"]) == (*dates, text)


def test_the_round_may_add_and_drop_figures_and_sections_per_agency(world):
    data = open_data(world, agencies=[], figures=["test.gambling", "test.province_cases"], sections=["results"])
    data["parts"] = [
        {"agency": world.agency("CAT-ANM").pk},
        {"agency": world.agency("BAO").pk, "figures": [], "due_date": "2026-07-20",
         "sections": [{"key": "press", "title": "Công tác tuyên truyền"}]},
    ]  # fmt: skip
    answer = api_client(world.user("inspector")).post("/api/rounds/", data, format="json").json()
    police, press = (Contribution.objects.get(round_id=answer["id"], agency__code=c) for c in ("CAT-ANM", "BAO"))
    assert list(police.figures.values_list("key", flat=True)) == ["test.gambling", "test.province_cases"]
    assert police.figures.get(key="test.province_cases").recorded is None  # a province-only figure: nothing prefilled
    assert [s["key"] for s in police.sections] == ["results"]
    assert not press.figures.exists() and press.sections[0]["title"] == "Công tác tuyên truyền"
    assert press.due_date == dt.date(2026, 7, 20)


def test_return_with_a_comment_then_resubmit_and_accept(world, opened, police, django_capture_on_commit_callbacks):
    part, client = police
    user = world.user("police_liaison")
    user.email = "anm@congan.example"
    user.save()
    client.patch(f"/api/contributions/{part}/", {"figures": [{"key": "test.gambling", "value": 1}]}, format="json")
    client.post(f"/api/contributions/{part}/submit/")
    inspector = api_client(world.user("inspector"))
    missing = inspector.post(f"/api/contributions/{part}/return/", {"comment": "  "})
    assert missing.status_code == 400 and Contribution.objects.get(pk=part).status == "submitted"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        answer = inspector.post(f"/api/contributions/{part}/return/", {"comment": "Bổ sung số vụ cá độ"}).json()
    assert callbacks and answer["status"] == "returned" and answer["review_comment"] == "Bổ sung số vụ cá độ"
    note = Notification.objects.get(verb="contribution_returned", recipient=user)
    assert "Bổ sung số vụ cá độ" in note.text and note.emailed_at is not None
    reopened = Deadline.objects.get(object_id=part, content_type__model="contribution", status="open")
    assert reopened.due_date >= dt.date.today()
    fixed = {"figures": [{"key": "test.gambling", "value": 2}]}
    assert client.patch(f"/api/contributions/{part}/", fixed, format="json").status_code == 200
    assert client.post(f"/api/contributions/{part}/submit/").json()["status"] == "submitted"
    assert inspector.post(f"/api/contributions/{part}/accept/", {}).json()["status"] == "accepted"
    again = inspector.post(f"/api/contributions/{part}/return/", {"comment": "x"})
    assert again.status_code == 400
    history = client.get(f"/api/contributions/{part}/history/").json()
    reasons = [entry["reason"] for entry in history]
    for reason in ("Tiếp nhận phần đóng góp", "Nộp lại phần đóng góp", "Trả lại để chỉnh sửa: Bổ sung số vụ cá độ",
                   "Nộp phần đóng góp", "Đề nghị gửi phần đóng góp"):  # fmt: skip
        assert reason in reasons, reasons


def test_the_late_list_and_reminders(world, cases):
    inspector = api_client(world.user("inspector"))
    data = open_data(world, due_date="2026-01-15")  # already passed today (the period started on 1 January)
    rnd = inspector.post("/api/rounds/", data, format="json").json()
    commune = part_of(rnd, world, "UBND-CL")["id"]
    officer = api_client(world.user("district_officer"))
    officer.patch(f"/api/contributions/{commune}/", {"sections": {"results": "Không phát sinh."}}, format="json")
    officer.post(f"/api/contributions/{commune}/submit/")
    late = inspector.get(f"/api/contributions/?late=true&round={rnd['id']}").json()["results"]
    assert {p["agency_name"] for p in late} == {"Cơ quan CAT-ANM", "Cơ quan VIETTEL"}
    assert all(p["late"] for p in late)
    answer = inspector.post(f"/api/rounds/{rnd['id']}/remind/", {}, format="json").json()
    assert answer["count"] == 2
    reminded = Notification.objects.filter(verb="contribution_reminder")
    assert {n.recipient.username for n in reminded} == {"police_liaison", "carrier_operator"}
    assert "quá hạn" in reminded.first().text
    # The scheduled job does not remind again within a few days; a person's click does.
    assert remind_late_contributions() == 0
    Contribution.objects.filter(round_id=rnd["id"]).update(reminded_at=None)
    assert remind_late_contributions() == 2
    submitted = inspector.post(f"/api/contributions/{commune}/remind/")
    assert submitted.status_code == 400 and "đã nộp" in submitted.json()["detail"]
    assert len(remind_late(actor=world.user("officer"))) == 2


def test_files_are_checked_and_kept_to_the_agency(world, opened, police, client):
    part, api = police
    ok = api.post(f"/api/contributions/{part}/attachments/", {"file": SimpleUploadedFile("cong-van.pdf", PDF)})
    assert ok.status_code == 201, ok.content
    text = api.post(f"/api/contributions/{part}/attachments/", {"file": SimpleUploadedFile("x.pdf", b"hello")})
    assert text.status_code == 400 and "không được nhận" in text.json()["file"][0]
    empty = api.post(f"/api/contributions/{part}/attachments/", {"file": SimpleUploadedFile("y.pdf", b"")})
    assert empty.status_code == 400
    url = ok.json()["url"]
    from canhgiac.core.testing import login

    assert b"".join(login(client, world.user("police_liaison")).get(url).streaming_content) == PDF
    assert login(client, world.user("district_officer")).get(url).status_code == 404
    parts = collect.parts(ReportRound.objects.get(pk=opened["id"]))
    assert parts[0].attachments == ["cong-van.pdf"]
    withdrawn = api.post(f"/api/contributions/{part}/withdraw-attachment/", {"attachment": ok.json()["id"]})
    assert withdrawn.json()["withdrawn"] is True
    assert collect.parts(ReportRound.objects.get(pk=opened["id"]))[0].attachments == []


def test_decimal_values_come_back_as_numbers_for_the_builder(world, opened, police):
    part, client = police
    body = {"figures": [{"key": "test.fraud_damage", "value": "25.850.000"}, {"key": "test.gambling", "value": 1.5}]}
    client.patch(f"/api/contributions/{part}/", body, format="json")
    figures = collect.parts(ReportRound.objects.get(pk=opened["id"]))[0].figures
    assert figures["test.fraud_damage"].value == 25_850_000 and isinstance(figures["test.fraud_damage"].value, int)
    assert figures["test.gambling"].value == Decimal("1.5")
