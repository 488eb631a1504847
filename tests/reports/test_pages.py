"""The report pages: list, add, the preview with drill-down links and the narrative form, issue, downloads."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from canhgiac.core.testing import ALL_ROLES, login
from canhgiac.reports.models import Report
from tests.reports.conftest import case


def test_preview_links_every_figure_to_its_drilldown_list(world, client, draft, monkeypatch):
    import dataclasses

    from canhgiac.core import reporttypes

    periodic = reporttypes.get(draft.report_type)  # a line whose figure no app provides is named, not a crash
    lines = (*periodic.own_figures, reporttypes.FigureLine("nowhere.figure"))
    monkeypatch.setitem(reporttypes._TYPES, periodic.key, dataclasses.replace(periodic, own_figures=lines))
    counted, outside = case(world, dt.date(2023, 2, 1)), case(world, dt.date(2023, 8, 1))
    login(client, world.user("officer"))
    page = client.get(reverse("reports:report", args=[draft.pk])).content.decode()
    links = dict(re.findall(r'<tr data-key="([^"]+)">.*?<a href="([^"]+)" class="drilldown">', page, re.S))
    assert links["cases.opened"].startswith(reverse("cases:case_list") + "?")
    opened = links["cases.opened"].replace("&amp;", "&")
    assert "received_after=2023-01-01" in opened and "received_before=2023-06-30" in opened
    listed = client.get(opened).content.decode()
    assert counted.get_absolute_url() in listed and outside.get_absolute_url() not in listed
    assert 'id="report-narrative"' in page and "“nowhere.figure” chưa có trong danh mục chỉ số" in page


def test_narrative_edited_on_the_preview_page(world, client, draft):
    login(client, world.user("officer"))
    url = reverse("reports:report_narrative", args=[draft.pk])
    response = client.post(url, {"narrative-tasks": "Tiếp tục tuyên truyền.\r\n\r\nTăng cường phối hợp."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.narrative["tasks"] == "Tiếp tục tuyên truyền.\n\nTăng cường phối hợp."
    page = client.get(reverse("reports:report", args=[draft.pk])).content.decode()
    assert "<h3>II. PHƯƠNG HƯỚNG, NHIỆM VỤ</h3>" in page and "<p>Tăng cường phối hợp.</p>" in page


@pytest.mark.parametrize("role", ALL_ROLES)
def test_pages_by_every_role(world, client, draft, role):
    user = world.user(role)
    login(client, user)
    page = client.get(reverse("reports:report", args=[draft.pk]))
    provincial = role in ("administrator", "leader", "inspector", "officer", "viewer")
    assert page.status_code == (200 if provincial else 404)
    if provincial:
        html = page.content.decode()
        assert ('id="report-narrative"' in html) == (role != "viewer")
        assert ('id="report-issue"' in html) == (role in ("administrator", "leader"))
    issued = client.post(reverse("reports:report_issue", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_issued == (role in ("administrator", "leader"))
    assert issued.status_code in (302, 403, 404)
    assert client.get(reverse("reports:report_list")).status_code == 200


def test_add_page_creates_a_draft(world, client):
    login(client, world.user("inspector"))
    response = client.post(
        reverse("reports:report_add"),
        {
            "report_type": "annual",
            "period_start": "01/01/2024",
            "period_end": "31/12/2024",
            "author_agency": world.agency("STTTT").pk,
            "signer_title": "GIÁM ĐỐC",
            "distribution": "Như trên;\nLưu: VT.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get()
    assert report.title.endswith("năm 2024") and report.created_by == world.user("inspector")
    docx = client.get(reverse("reports:report_docx", args=[report.pk]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_demo_makes_one_draft_and_is_safe_to_run_again(world):
    import io

    from canhgiac.reports.demo import load

    out = io.StringIO()
    load(out)
    load(out)
    report = Report.objects.get()
    assert report.author_agency == world.agency("STTTT") and not report.is_issued
    assert "đã có, không tạo thêm" in out.getvalue()


def test_history_and_edit_pages(world, client, draft):
    from canhgiac.reports import services

    login(client, world.user("leader"))
    client.post(reverse("reports:report_narrative", args=[draft.pk]), {"narrative-tasks": "Việc tới."})
    history = client.get(reverse("reports:report_history", args=[draft.pk])).content.decode()
    assert "Sửa nội dung báo cáo" in history and str(world.user("leader")) in history
    edit = reverse("reports:report_edit", args=[draft.pk])
    assert client.get(edit).status_code == 200
    services.issue_report(draft, actor=world.user("leader"))
    data = {
        "report_type": "periodic",
        "period_start": "01/01/2023",
        "period_end": "30/06/2023",
        "author_agency": world.agency("STTTT").pk,
        "signer_title": "PHÓ GIÁM ĐỐC",
        "distribution": "Lưu: VT.",
    }
    refused = client.post(edit, data)
    assert refused.status_code == 200 and "không sửa được" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.signer_title == "GIÁM ĐỐC"
