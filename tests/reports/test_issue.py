"""Issuing: a number in the author's outgoing register and a frozen copy that later records never change."""

import datetime as dt

import pytest

from canhgiac.core.models import Document
from canhgiac.reports import services
from canhgiac.reports.models import ReportTemplate
from tests.reports.conftest import case, police_part
from tests.reports.test_build import paragraphs
from tests.reports.test_templates import edited


def test_issue_numbers_the_report_in_the_outgoing_register(world, draft):
    report = services.issue_report(draft, actor=world.user("leader"))
    document = report.document
    assert document.direction == "out" and document.doc_type == "bc"
    assert document.issuing_agency == world.agency("STTTT")
    assert document.notation == "01/BC-STTTT"
    assert document.file.name.endswith(".docx")
    text = paragraphs(services.report_docx(report))
    assert "Số: 01/BC-STTTT" in text
    assert any(line.startswith("Hưng Yên, ngày ") for line in text)
    second = services.create_report(
        actor=world.user("officer"), report_type="annual", period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
    )  # fmt: skip
    assert services.issue_report(second, actor=world.user("administrator")).document.notation == "02/BC-STTTT"
    assert report.history.first().history_change_reason == "Ban hành báo cáo số 01/BC-STTTT"


def test_issued_report_is_frozen(world, draft):
    case(world, dt.date(2023, 2, 1))
    draft = services.attach_parts(draft, [police_part()], actor=world.user("officer"))
    report = services.issue_report(draft, actor=world.user("leader"))
    frozen_file, frozen_values = services.report_docx(report), services.preview(report)
    opened = next(row for row in frozen_values["figures"] if row["key"] == "cases.opened")
    assert opened["value"] == 1 and report.template_version == 0
    # Later changes to the records, and a new template, do not alter the issued report.
    for day in (dt.date(2023, 3, 1), dt.date(2023, 4, 1)):
        case(world, day)
    client_upload = edited("Mẫu mới {{ title }}")
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.upload_template("periodic", SimpleUploadedFile("m.docx", client_upload), actor=world.user("leader"))
    assert ReportTemplate.objects.count() == 1
    report.refresh_from_db()
    assert services.report_docx(report) == frozen_file
    assert services.preview(report) == frozen_values
    assert "- Vụ việc tiếp nhận: 01 vụ (tăng 01 vụ so với cùng kỳ năm 2022)." in paragraphs(frozen_file)
    # Nothing of it can be edited any more.
    with pytest.raises(services.ReportIssued):
        services.edit_narrative(report, {"tasks": "Sửa sau khi ban hành"}, actor=world.user("officer"))
    with pytest.raises(services.ReportIssued):
        services.attach_parts(report, [], actor=world.user("officer"))
    with pytest.raises(services.ReportIssued):
        services.issue_report(report, actor=world.user("leader"))
    assert Document.objects.filter(direction="out", symbol="BC-STTTT").count() == 1
