"""Staff pages: the report page in context, the hotline log, warnings and their feeds, the portal's own host."""

import pytest

from canhgiac.cases.services import create_case
from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.testing import login
from canhgiac.intake.models import Report
from canhgiac.intake.warnings import publish_warning, warnings
from tests.intake.helpers import staff_report

pytestmark = pytest.mark.django_db


def test_report_page_shows_other_reports_and_cases_about_its_number(world, client):
    inspector = world.user("inspector")
    reports = [staff_report(world) for _ in range(24)]
    case = create_case(
        actor=inspector,
        title="Giả danh ngân hàng",
        category="fraud",
        source="citizen",
        received_on="2026-11-01",
        lead_agency=world.agency("TTRA"),
        indicators=[("phone", "0912345678")],
    )
    login(client, inspector)
    page = client.get(reports[0].get_absolute_url()).content.decode()
    assert "23 phản ánh khác nhắc tới +84912345678" in page
    assert case.code in page
    assert "Trần Thị Bình" in page  # an inspector reads the reporter's data …
    assert PersonalDataAccess.objects.filter(user=inspector, model="intake.report").count() == 1  # … logged


def test_officer_does_not_see_reporters_data_on_the_page_or_the_edit_form(world, client):
    report = staff_report(world)
    login(client, world.user("officer"))
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Trần Thị Bình" not in page and "chỉ hiển thị với vai trò" in page
    form = client.get(f"{report.get_absolute_url()}edit/").content.decode()
    assert "Trần Thị Bình" not in form and "0987000111" not in form
    assert not PersonalDataAccess.objects.exists()


def test_triage_from_the_page(world, client):
    first, second = staff_report(world), staff_report(world, phones="0912345679")
    login(client, world.user("inspector"))
    response = client.post(f"/intake/reports/{first.pk}/escalate/", {"case": "", "others": str(second.pk)})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.case and first.case == second.case
    third = staff_report(world)
    client.post(f"/intake/reports/{third.pk}/escalate/", {"case": first.case.code})
    third.refresh_from_db()
    assert third.case == first.case
    fourth = staff_report(world)
    response = client.post(f"/intake/reports/{fourth.pk}/reply/", {"reply": ""}, follow=True)
    assert "Hãy ghi nội dung trả lời" in response.content.decode()


def test_from_the_queue_a_case_keeps_the_officer_on_the_report_and_the_reply_leads_on(world, client):
    """Opening a case leaves the reporter waiting for the reply: the officer stays on the report, still in the
    queue; the reply ends its review and leads on to the next waiting report."""
    first, second = staff_report(world), staff_report(world, phones="0912345679")
    queue = "/intake/reports/"
    login(client, world.user("inspector"))
    response = client.post(f"/intake/reports/{first.pk}/escalate/", {"case": "", "queue": queue})
    assert response.status_code == 302
    assert response["Location"] == f"{first.get_absolute_url()}?queue=%2Fintake%2Freports%2F"
    first.refresh_from_db()
    assert first.case is not None
    response = client.post(f"/intake/reports/{first.pk}/reply/", {"reply": "Đã đề nghị khoá số.", "queue": queue})
    assert response["Location"] == f"{second.get_absolute_url()}?queue=%2Fintake%2Freports%2F"


def test_hotline_call_is_logged_in_one_post_and_the_form_comes_back_blank(world, client):
    login(client, world.user("officer"))
    page = client.get("/intake/hotline/").content.decode()
    assert "autofocus" in page and "hotline.js" in page
    response = client.post(
        "/intake/hotline/",
        {
            "number": "0912.345.678",
            "report_type": "scam_call",
            "summary": "Gọi giả danh điện lực, đòi chuyển tiền",
            "action": "Đã hướng dẫn",
        },
        follow=True,
    )
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/intake/hotline/"
    assert "Mã tra cứu cho người gọi" in body
    report = Report.objects.get()
    assert report.channel == "hotline" and report.call_action == "Đã hướng dẫn"
    assert [i.value for i in report.indicators.all()] == ["+84912345678"]


def test_hotline_bad_number_keeps_what_was_typed(world, client):
    login(client, world.user("officer"))
    response = client.post("/intake/hotline/", {"number": "09x", "report_type": "scam_call", "summary": "Nội dung"})
    body = response.content.decode()
    assert response.status_code == 200 and "không phải chữ số" in body and "Nội dung" in body
    assert Report.objects.count() == 0


def test_hotline_page_refused_to_roles_that_do_not_write(world, client):
    login(client, world.user("viewer"))
    assert client.get("/intake/hotline/").status_code == 403


def test_warning_written_published_and_in_feeds(world, client):
    inspector = world.user("inspector")
    warning = warnings.create(
        actor=inspector,
        title="Giả danh điện lực",
        summary="Cuộc gọi đòi tiền điện",
        body="Không chuyển tiền.",
        phones="0912345678",
    )
    assert client.get("/congdan/canh-bao/rss/").content.decode().count("<item>") == 0
    publish_warning(warning, actor=inspector)
    rss = client.get("/congdan/canh-bao/rss/")
    atom = client.get("/congdan/canh-bao/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml") and "Giả danh điện lực" in rss.content.decode()
    assert atom["Content-Type"].startswith("application/atom+xml") and "<entry>" in atom.content.decode()
    assert "+84912345678" in client.get(f"/congdan/canh-bao/{warning.pk}/").content.decode()


@pytest.mark.parametrize("role", ["officer", "police_liaison", "viewer"])
def test_only_provincial_writers_write_warnings(world, role):
    from canhgiac.core.testing import api_client

    response = api_client(world.user(role)).post("/api/intake/warnings/", {"title": "X", "summary": "Y", "body": "Z"})
    assert response.status_code == (201 if role == "officer" else 403)


def test_portal_host_answers_only_the_portal(world, client, settings):
    settings.INTAKE_PORTAL_HOSTS = "congdan.example.vn"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "congdan.example.vn"]
    host = {"HTTP_HOST": "congdan.example.vn"}
    assert client.get("/congdan/", **host).status_code == 200
    assert client.get("/", **host)["Location"] == "/congdan/"
    assert client.get("/api/public/lookup/", {"q": "0912345678"}, **host).status_code == 200
    for path in ("/login/", "/admin/", "/api/intake/reports/", "/intake/reports/", "/api/schema/"):
        assert client.get(path, **host).status_code == 404, path
    assert client.get("/login/").status_code == 200  # the staff host is unchanged


def test_portal_pages_are_phone_first_and_load_nothing_from_outside(world, client):
    for path in (
        "/congdan/",
        "/congdan/phan-anh/",
        "/congdan/tra-cuu/?q=0912345678",
        "/congdan/theo-doi/",
        "/congdan/canh-bao/",
        "/congdan/bao-ve-du-lieu/",
    ):
        page = client.get(path).content.decode()
        assert 'name="viewport"' in page and 'lang="vi"' in page, path
        for marker in ('src="http', 'href="http', 'src="//', 'href="//'):
            assert marker not in page, (path, marker)


def test_demo_fills_the_register_and_the_portal_once(world, client):
    import io

    from canhgiac.intake import demo

    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Report.objects.count() == 4
    assert "giả mạo ngân hàng" in client.get("/congdan/").content.decode()
    answer = client.get("/api/public/lookup/", {"q": "0912 345 678"}).json()
    assert answer["reports"] == 3 and answer["status"] == "confirmed"
