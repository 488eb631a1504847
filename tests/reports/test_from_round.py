"""A consolidated report built from a report round: the page button, the API action and the command line."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.core.testing import ALL_ROLES, api_client, login
from canhgiac.reports.models import Report
from canhgiac.rounds.models import ReportRound
from tests.reports.test_build import paragraphs


def fill(client, part_id: int, figures: dict, text: str = "") -> None:
    body = {"figures": [{"key": key, **value} for key, value in figures.items()], "sections": {"results": text}}
    response = client.patch(f"/api/contributions/{part_id}/", body, format="json")
    assert response.status_code == 200, response.content
    assert client.post(f"/api/contributions/{part_id}/submit/").status_code == 200


@pytest.fixture
def collected(world):
    """A periodic round of H1/2026 asked of the police, a carrier, a commune and the press: the police submitted,
    the press's part (typed in by the inspectorate from its letter) accepted, the carrier's returned for correction,
    the commune's not sent."""
    inspector = api_client(world.user("inspector"))
    codes = ("CAT-ANM", "VIETTEL", "UBND-CL", "BAO")
    body = {"report_type": "periodic", "period_kind": "half_year", "year": 2026, "number": 1,
            "due_date": "2026-07-10", "agencies": [world.agency(code).pk for code in codes]}  # fmt: skip
    opened = inspector.post("/api/rounds/", body, format="json")
    assert opened.status_code == 201, opened.content
    parts = {p["agency"]: p["id"] for p in opened.json()["parts"]}
    part = {code: parts[world.agency(code).pk] for code in codes}
    police = api_client(world.user("police_liaison"))
    answers = {"police.fraud_cases": {"value": 4}, "police.fraud_damage": {"value": "1.526.950.000"},
               "police.gambling_cases": {"nil": True}}  # fmt: skip
    fill(police, part["CAT-ANM"], answers, "Bóc gỡ 15 tài khoản.")
    fill(inspector, part["BAO"], {"partners.violations": {"nil": True}}, "Đăng 120 tin, bài cảnh báo.")
    assert inspector.post(f"/api/contributions/{part['BAO']}/accept/", {}, format="json").status_code == 200
    carrier = api_client(world.user("carrier_operator"))
    fill(carrier, part["VIETTEL"], {"partners.infrastructure_incidents": {"value": 777}})
    back = inspector.post(f"/api/contributions/{part['VIETTEL']}/return/", {"comment": "Sai số liệu"}, format="json")
    assert back.status_code == 200
    return ReportRound.objects.get(pk=opened.json()["id"]), part


def expected_status(user, rnd) -> int:
    if not can_write(user):
        return 403  # the role writes nothing
    if not ReportRound.objects.visible_to(user).filter(pk=rnd.pk).exists():
        return 404
    return 201 if has_global_scope(user) else 403


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_build_the_report_of_a_round(world, collected, role):
    rnd, _ = collected
    user = world.user(role)
    response = api_client(user).post(f"/api/rounds/{rnd.pk}/report/")
    expected = expected_status(user, rnd)
    assert response.status_code == expected, (role, response.content)
    assert Report.objects.filter(round=rnd).count() == (1 if expected == 201 else 0)
    if expected == 403:
        assert response.json()["detail"]


def test_the_report_takes_the_parts_received_and_names_the_missing(world, collected):
    rnd, part = collected
    inspector = api_client(world.user("inspector"))
    answer = inspector.post(f"/api/rounds/{rnd.pk}/report/").json()
    assert (answer["report_type"], answer["period_start"], answer["period_end"]) == (
        "periodic",
        "2026-01-01",
        "2026-06-30",
    )
    assert answer["round"] == rnd.pk
    assert [p["status"] for p in answer["parts"]] == ["submitted", "returned", "draft", "accepted"]
    returned = answer["parts"][1]
    assert returned["figures"] == {} and returned["sections"] == {}  # the returned part's 777 is not used
    notes = inspector.get(f"/api/reports/{answer['id']}/preview/").json()["notes"]
    missing = "Chưa nhận phần đóng góp của Cơ quan VIETTEL (đã trả lại để chỉnh sửa, chưa nộp lại)"
    assert f"{missing}: báo cáo chưa có số liệu của cơ quan này." in notes
    assert any(note.startswith("Chưa nhận phần đóng góp của Cơ quan UBND-CL (chưa nộp)") for note in notes)
    text = paragraphs(inspector.get(f"/api/reports/{answer['id']}/docx/").content)
    police = text.index("2.1. Cơ quan CAT-ANM")
    section = text[police + 1 : text.index("2.2. Cơ quan VIETTEL")]
    assert "- Vụ lừa đảo, chiếm đoạt tài sản trên không gian mạng: 04 vụ." in section
    assert "- Thiệt hại của các vụ lừa đảo: 1.526.950.000 đồng." in section
    assert "- Vụ tổ chức đánh bạc, đánh bạc trên không gian mạng: chưa phát hiện." in section
    assert "- Vụ đã khởi tố: chưa báo cáo." in section  # asked, not answered: said so, never a zero
    assert section[-1] == "Bóc gỡ 15 tài khoản."
    assert text[text.index("2.2. Cơ quan VIETTEL") + 1].startswith("Cơ quan chưa gửi báo cáo (đã trả lại")
    assert text[text.index("2.3. Cơ quan UBND-CL") + 1] == "Cơ quan chưa gửi báo cáo (chưa nộp): chưa có số liệu."
    assert not any("777" in line for line in text)
    assert "Đăng 120 tin, bài cảnh báo." in text
    # The round links to its reports.
    listed = inspector.get(f"/api/reports/?round={rnd.pk}").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["id"] for row in rows] == [answer["id"]]

    # Building again refreshes the draft with the parts received since (the carrier corrected and resent).
    carrier = api_client(world.user("carrier_operator"))
    fill(carrier, part["VIETTEL"], {"partners.infrastructure_incidents": {"value": 7}})
    again = inspector.post(f"/api/rounds/{rnd.pk}/report/")
    assert again.status_code == 200 and again.json()["id"] == answer["id"]
    assert again.json()["parts"][1]["figures"]["partners.infrastructure_incidents"]["value"] == 7
    assert Report.objects.filter(round=rnd).count() == 1


def test_an_issued_report_stays_and_a_new_build_is_a_new_draft(world, collected):
    rnd, _ = collected
    first = api_client(world.user("inspector")).post(f"/api/rounds/{rnd.pk}/report/").json()
    assert api_client(world.user("leader")).post(f"/api/reports/{first['id']}/issue/").status_code == 200
    second = api_client(world.user("inspector")).post(f"/api/rounds/{rnd.pk}/report/")
    assert second.status_code == 201 and second.json()["id"] != first["id"]
    assert Report.objects.get(pk=first["id"]).is_issued


def test_the_round_page_button_builds_the_report(world, client, collected):
    rnd, _ = collected
    login(client, world.user("inspector"))
    page = client.get(rnd.get_absolute_url()).content.decode()
    assert "Lập báo cáo tổng hợp" in page and "Chưa lập báo cáo tổng hợp nào từ đợt này." in page
    response = client.post(reverse("reports:report_from_round", args=[rnd.pk]))
    report = Report.objects.get(round=rnd)
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    preview = client.get(report.get_absolute_url()).content.decode()
    assert rnd.get_absolute_url() in preview and "Chưa nhận phần đóng góp của Cơ quan UBND-CL" in preview
    page = client.get(rnd.get_absolute_url()).content.decode()
    assert report.get_absolute_url() in page and "Cập nhật báo cáo tổng hợp" in page


@pytest.mark.parametrize("role", ["police_liaison", "carrier_operator", "viewer"])
def test_partners_see_no_button_and_cannot_post(world, client, collected, role):
    rnd, _ = collected
    login(client, world.user(role))
    page = client.get(rnd.get_absolute_url())
    assert page.status_code == 200 and "Lập báo cáo tổng hợp" not in page.content.decode()
    assert client.post(reverse("reports:report_from_round", args=[rnd.pk])).status_code == 403
    assert not Report.objects.exists()


def test_command_line_builds_the_round_report(world, collected, tmp_path):
    rnd, _ = collected
    out = io.StringIO()
    target = tmp_path / "bao-cao.docx"
    call_command("report", "build", "--round", str(rnd.pk), "--out", str(target), stdout=out, stderr=io.StringIO())
    assert "6 tháng đầu năm 2026" in out.getvalue()
    text = paragraphs(target.read_bytes())
    assert "- Thiệt hại của các vụ lừa đảo: 1.526.950.000 đồng." in text
    assert text[text.index("2.3. Cơ quan UBND-CL") + 1] == "Cơ quan chưa gửi báo cáo (chưa nộp): chưa có số liệu."
    assert not Report.objects.exists()  # the command line writes the file, not a report record


def test_command_line_refuses_an_unknown_round_and_mixed_options(world, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Không có đợt báo cáo số 999"):
        call_command("report", "build", "--round", "999", "--out", str(tmp_path / "x.docx"))
    with pytest.raises(CommandError, match="Cần --from và --to"):
        call_command("report", "build", "--out", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


def test_demo_builds_the_report_of_the_latest_round_once(world, collected):
    from canhgiac.reports.demo import load

    rnd, _ = collected
    out = io.StringIO()
    load(out)
    load(out)
    report = Report.objects.get()
    assert report.round == rnd and report.author_agency == world.agency("STTTT") and not report.is_issued
    assert [part["status"] for part in report.parts] == ["submitted", "returned", "draft", "accepted"]
    assert report.narrative["intro"] and "đã có báo cáo tổng hợp, không tạo thêm" in out.getvalue()
