"""Pages (list, detail with steps and due dates, the rule table administrators amend), imports, demo data."""

import csv
import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from canhgiac.core.imports.runner import import_now
from canhgiac.core.models import DeadlineRule, User
from canhgiac.core.testing import api_client, login
from canhgiac.petitions import demo
from canhgiac.petitions.models import Petition, Reception
from tests.petitions.helpers import make_petition

D = dt.date


def test_detail_page_shows_the_steps_the_due_dates_and_the_rules_with_their_citations(world, client):
    petition = make_petition(world, received_on=D(2026, 7, 1))
    login(client, world.user("inspector"))
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "10/07/2026" in page  # the handling limit
    assert "Nghị định 155/2026/NĐ-CP" in page and "chưa đối chiếu văn bản gốc" in page
    assert 'value="accept"' in page and 'value="extend"' in page and 'value="inspect"' not in page
    login(client, world.user("officer"))
    page = client.get(petition.get_absolute_url()).content.decode()
    assert 'value="transfer"' in page and 'value="accept"' not in page  # acceptance is the head's decision


def test_list_page_filters_and_nav(world, client):
    make_petition(world, kind="denunciation", respondent="Cơ sở X", received_on=D(2026, 7, 1))
    make_petition(world, received_on=D(2026, 7, 2))
    login(client, world.user("viewer"))
    page = client.get(reverse("petitions:petition_list") + "?kind=denunciation").content.decode()
    assert "DT-2026-00001" in page and "DT-2026-00002" not in page
    assert 'href="/petitions/"' in client.get("/").content.decode()  # nav entry


def test_administrator_amends_a_limit_as_a_new_version_staff_read_the_table(world, client):
    login(client, world.user("viewer"))
    table = client.get(reverse("petitions:rule_list")).content.decode()
    assert "Luật Khiếu nại số 02/2011/QH13, Điều 28" in table
    assert client.get(reverse("petitions:rule_add")).status_code == 403
    login(client, world.user("administrator"))
    response = client.post(
        reverse("petitions:rule_add"),
        {
            "key": "complaint_accept",
            "label": "Thụ lý giải quyết khiếu nại lần đầu",
            "citation": "Nghị định sửa đổi (ví dụ)",
            "days": 5,
            "working_days": "on",
            "effective_from": "01/10/2026",
            "remind_days_before": 2,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    previous = DeadlineRule.objects.get(key="complaint_accept", effective_from=D(2026, 7, 1))
    assert previous.effective_to == D(2026, 9, 30)
    assert previous.history.first().history_user == world.user("administrator")
    assert make_petition(world, received_on=D(2026, 9, 30)).accept_due == D(2026, 10, 9)  # 7 working days
    assert make_petition(world, received_on=D(2026, 10, 5)).accept_due == D(2026, 10, 12)  # the amended 5
    clash = client.post(
        reverse("petitions:rule_edit", args=[previous.pk]),
        {"key": "complaint_accept", "label": "x", "citation": "x", "days": 7, "effective_from": "01/07/2026",
         "effective_to": "15/10/2026", "remind_days_before": 2},
    )  # fmt: skip
    assert "Trùng thời gian áp dụng với phiên bản từ 01/10/2026" in clash.content.decode()
    assert DeadlineRule.objects.get(pk=previous.pk).effective_to == D(2026, 9, 30)


def test_import_petitions_with_errors_per_row(world, client):
    officer = world.user("officer")
    header = login(client, officer).get("/imports/petitions/template.csv").content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Loại đơn,Khiếu nại lần hai,Ngày nhận đơn,Hình thức nhận,Trích yếu nội dung"), header
    columns = next(csv.reader([header]))

    def row(**values):
        line = io.StringIO()
        csv.writer(line).writerow([values.get(c, "") for c in columns])
        return line.getvalue().strip()

    good = row(**{"Loại đơn": "Tố cáo", "Ngày nhận đơn": "26/02/2024", "Hình thức nhận": "Qua bưu chính",
                  "Trích yếu nội dung": "Tố cáo báo, đài", "Họ tên người gửi đơn": "Nguyễn Văn An",
                  "Cơ quan xử lý": "STTTT", "Khiếu nại lần hai": "Không"})  # fmt: skip
    future = good.replace("26/02/2024", (dt.date.today() + dt.timedelta(days=5)).strftime("%d/%m/%Y"))
    anonymous_complaint = row(
        **{"Loại đơn": "Khiếu nại", "Ngày nhận đơn": "01/03/2024", "Tố cáo nặc danh": "Có",
           "Hình thức nhận": "Qua bưu chính", "Trích yếu nội dung": "K", "Cơ quan xử lý": "STTTT"}
    )  # fmt: skip
    text = "\n".join([header, good, future, anonymous_complaint]) + "\n"
    job = import_now("petitions", SimpleUploadedFile("d.csv", text.encode()), actor=officer, mode="skip")
    assert {(e["row"], e["column"]) for e in job.row_errors} == {(3, "Ngày nhận đơn"), (4, "Tố cáo nặc danh")}
    assert "không được sau ngày hôm nay" in job.row_errors[0]["message"]
    (petition,) = Petition.objects.all()
    assert petition.kind == "denunciation" and petition.accept_due == D(2024, 3, 6)  # 7 working days
    job = import_now("petitions", SimpleUploadedFile("d.csv", text.encode()), actor=officer, mode="all")
    assert job.status == "failed" and Petition.objects.count() == 1


def test_demo_data_goes_through_the_services_and_loads_once(world):
    agency = world.agency("STTTT")
    User.objects.create_user(username="lanhdao", password="x-2026-mat-khau", role="leader", agency=agency)
    User.objects.create_user(username="thanhtra", password="x-2026-mat-khau", role="inspector", agency=agency)
    out = io.StringIO()
    demo.load(out)
    demo.load(out)
    assert Petition.objects.count() == 19 and Reception.objects.count() == 5
    assert Petition.objects.get(code="DT-2024-00001").history.first().history_user.username == "lanhdao"
    response = api_client(world.user("viewer")).get(
        "/api/petitions/?received_after=2024-01-01&received_before=2024-06-30"
    )
    assert response.json()["count"] == 8


def test_openapi_names_an_operation_for_each_step_without_warnings(world, capsys):
    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    schema = out.getvalue()
    warnings = capsys.readouterr().err  # drf-spectacular prints its warnings on the process's stderr
    assert "Warning" not in warnings and "Error" not in warnings, warnings
    for name in ("accept", "refuse", "transfer", "withdraw", "resolve", "file", "inspect", "extend"):
        assert f'"operationId": "petitions_{name}"' in schema
