"""The pages: opening a round, the status-at-a-glance table, the contribution form, review, and the demo round."""

import io

from django.core.management import call_command
from django.urls import reverse

from canhgiac.core.models import Notification
from canhgiac.core.testing import login
from canhgiac.rounds.models import Contribution, ContributionFigure, ReportRound
from tests.rounds.conftest import TEST_TYPE, part_of


def test_the_inspector_opens_a_round_from_the_form(world, cases, client):
    login(client, world.user("inspector"))
    page = client.get(reverse("rounds:reportround_add") + f"?report_type={TEST_TYPE.key}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="test.gambling"' in html and "Kết quả thực hiện" in html
    data = {
        "report_type": TEST_TYPE.key,
        "period_kind": "quarter",
        "year": "2026",
        "number": "2",
        "due_date": "2026-07-05",
        "agencies": [world.agency("CAT-ANM").pk, world.agency("BAO").pk],
        "figures": ["test.cases_opened"],
        "sections": ["results"],
        "extra_sections": "Công tác tuyên truyền",
    }
    response = client.post(reverse("rounds:reportround_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    rnd = ReportRound.objects.get()
    assert rnd.title == "Báo cáo định kỳ (thử) quý II năm 2026"
    assert [s["title"] for s in rnd.sections] == ["Kết quả thực hiện", "Công tác tuyên truyền"]
    bad = client.post(reverse("rounds:reportround_add"), {**data, "due_date": "2026-03-01"})
    assert bad.status_code == 200 and "không được trước ngày bắt đầu kỳ báo cáo 01/04/2026" in bad.content.decode()
    assert ReportRound.objects.count() == 1


def test_status_at_a_glance_for_the_inspectorate_and_own_part_for_an_agency(world, opened, client):
    login(client, world.user("inspector"))
    html = client.get(reverse("rounds:reportround", args=[opened["id"]])).content.decode()
    for code in ("CAT-ANM", "UBND-CL", "VIETTEL"):
        assert f"Cơ quan {code}" in html
    assert "Chưa nộp: 3" in html
    login(client, world.user("police_liaison"))
    html = client.get(reverse("rounds:reportround", args=[opened["id"]])).content.decode()
    assert "Cơ quan CAT-ANM" in html and "Cơ quan UBND-CL" not in html and "Chưa nộp: 3" not in html
    commune = part_of(opened, world, "UBND-CL")["id"]
    assert client.get(reverse("rounds:contribution", args=[commune])).status_code == 404
    assert client.post(reverse("rounds:contribution_save", args=[commune]), {}).status_code == 404


def test_the_form_prefills_keeps_what_was_typed_on_error_and_submits(world, opened, client):
    part = part_of(opened, world, "CAT-ANM")["id"]
    url = reverse("rounds:contribution", args=[part])
    login(client, world.user("police_liaison"))
    html = client.get(url).content.decode()
    assert 'name="value_test.fraud_damage" value="26850000"' in html  # the recorded value, to confirm or correct
    assert "26.850.000" in html
    data = {
        "value_test.cases_opened": "5",
        "value_test.fraud_damage": "-3",
        "value_test.gambling": "",
        "nil_test.gambling": "on",
        "text_results": "Đoạn một.\n\nĐoạn hai.",
    }
    refused = client.post(reverse("rounds:contribution_save", args=[part]), data)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "không được âm" in html and 'value="-3"' in html and "Đoạn hai." in html
    assert not ContributionFigure.objects.filter(contribution_id=part, value__isnull=False).exists()
    data["value_test.fraud_damage"] = "26.850.000"
    done = client.post(reverse("rounds:contribution_save", args=[part]), {**data, "submit": "1"})
    assert done.status_code == 302
    stored = {f.key: (f.value, f.nil) for f in ContributionFigure.objects.filter(contribution_id=part)}
    expected = {"test.cases_opened": (5, False), "test.fraud_damage": (26_850_000, False), "test.gambling": (0, True)}
    assert stored == expected
    html = client.get(url).content.decode()
    assert "Đã nộp" in html and "+2" in html and 'name="value_' not in html  # read-only now, difference shown


def test_the_inspector_returns_a_part_from_its_page(world, opened, client):
    part = Contribution.objects.get(pk=part_of(opened, world, "VIETTEL")["id"])
    login(client, world.user("carrier_operator"))
    client.post(reverse("rounds:contribution_save", args=[part.pk]), {"text_results": "Đã khoá.", "submit": "1"})
    login(client, world.user("inspector"))
    page = client.get(reverse("rounds:contribution", args=[part.pk])).content.decode()
    assert 'id="return-form"' in page
    action = reverse("rounds:contribution_action", args=[part.pk, "return"])
    client.post(action, {"comment": "Bổ sung số thuê bao đã khoá"})
    part.refresh_from_db()
    assert part.status == "returned" and part.review_comment == "Bổ sung số thuê bao đã khoá"
    login(client, world.user("carrier_operator"))
    assert "Bổ sung số thuê bao đã khoá" in client.get(reverse("rounds:contribution", args=[part.pk])).content.decode()
    login(client, world.user("district_officer"))
    assert client.post(action, {"comment": "x"}).status_code == 404


def test_history_page_of_a_part_shows_its_figures_changes(world, opened, client):
    part = part_of(opened, world, "CAT-ANM")["id"]
    login(client, world.user("police_liaison"))
    client.post(reverse("rounds:contribution_save", args=[part]), {"value_test.gambling": "7"})
    login(client, world.user("inspector"))
    html = client.get(reverse("rounds:contribution_history", args=[part])).content.decode()
    assert "Đề nghị gửi phần đóng góp" in html and "Cập nhật số liệu" in html
    assert "Vụ cờ bạc, cá độ: số liệu báo cáo" in html


def test_dashboard_lists_late_parts_for_the_inspectorate_and_own_parts_for_an_agency(world, cases, client):
    from canhgiac.core.testing import api_client
    from tests.rounds.conftest import open_data

    api_client(world.user("inspector")).post("/api/rounds/", open_data(world, due_date="2026-02-01"), format="json")
    login(client, world.user("inspector"))
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "Phần đóng góp quá hạn chưa nộp: 3" in html
    login(client, world.user("carrier_operator"))
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "Phần đóng góp cơ quan bạn cần gửi: 1" in html and "Cơ quan CAT-ANM" not in html


def test_nav_entry(world, client):
    login(client, world.user("district_officer"))
    assert reverse("rounds:reportround_list") in client.get(reverse("rounds:reportround_list")).content.decode()


def reports_demo_notes(report) -> list[str]:
    from canhgiac.reports.services import preview

    return preview(report)["notes"]


def test_demo_round(db, cases, monkeypatch):
    from canhgiac.cases import demo as cases_demo
    from canhgiac.core import registry
    from canhgiac.reports import demo as reports_demo
    from canhgiac.reports.models import Report
    from canhgiac.rounds import demo

    monkeypatch.setattr(registry, "demo_loaders", lambda: [cases_demo.load, demo.load, reports_demo.load])
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # safe to run again
    rnd = ReportRound.objects.get()
    status = {p.agency.code: p for p in rnd.contributions.select_related("agency")}
    assert {code: p.status for code, p in status.items()} == {
        "STTTT": "submitted",  # the authority's own figures no register holds (inspections, sanctions)
        "CAT-ANM": "submitted",
        "VIETTEL": "returned",
        "UBND-XCL": "draft",
        "BAO": "accepted",
        "SCT": "submitted",
    }
    assert status["UBND-XCL"].is_late and status["UBND-XCL"].reminded_at is not None
    assert status["VIETTEL"].review_comment.startswith("Đề nghị bổ sung")
    assert not status["VIETTEL"].is_late
    assert all(f.nil for f in status["SCT"].figures.all()) and status["SCT"].figures.exists()
    assert Notification.objects.filter(verb="contribution_returned", recipient__username="viettel").exists()
    own = {f.key: f.value for f in status["STTTT"].figures.all()}
    assert own["sanctions.amount_total"] == 25_850_000 and own["inspections.held"] == 2
    police = {f.key: f.value for f in status["CAT-ANM"].figures.all()}
    assert police["police.fraud_damage"] == 1_526_950_000 and police["police.harmful_posts"] == 22
    # The demo report is the round's, built once: the parts received, the late and the returned named as missing.
    report = Report.objects.get()
    assert report.round == rnd and report.author_agency.code == "STTTT"
    notes = " ".join(reports_demo_notes(report))
    assert "UBND xã Can Lộc" in notes and "inspections.held" not in notes
