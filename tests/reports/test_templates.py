import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from canhgiac.core.testing import api_client, login
from canhgiac.reports import services
from canhgiac.reports.models import ReportTemplate
from canhgiac.reports.render import default_template


def edited(*lines: str) -> bytes:
    """The default template as a user edits it in Word: paragraphs added after the title."""
    doc = Document(io.BytesIO(default_template()))
    for line in lines:
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def upload(world, content: bytes, role: str = "leader"):
    client = api_client(world.user(role))
    file = SimpleUploadedFile("mau.docx", content)
    return client.post("/api/reports/templates/upload/", {"report_type": "periodic", "file": file}, format="multipart")


def text_of(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_edited_template_is_a_new_version_used_from_then_on(world, draft):
    response = upload(world, edited("Mẫu riêng của tỉnh: {{ agency_name }}"))
    assert response.status_code == 201, response.content
    assert response.json()["version"] == 1
    template = ReportTemplate.objects.get()
    assert template.created_by == world.user("leader")
    assert "Mẫu riêng của tỉnh: CƠ QUAN STTTT" in text_of(services.report_docx(draft))
    downloaded = api_client(world.user("viewer")).get("/api/reports/templates/download/?type=periodic")
    assert "Mẫu riêng của tỉnh" in text_of(downloaded.content)
    default = api_client(world.user("viewer")).get("/api/reports/templates/download/?type=periodic&version=0")
    assert "Mẫu riêng của tỉnh" not in text_of(default.content)


def test_template_with_a_broken_tag_is_refused_and_the_previous_one_stays(world, draft):
    assert upload(world, edited("Phiên bản một {{ title }}")).status_code == 201
    response = upload(world, edited("Kính gửi {{ recipient ", "đoạn sau"))
    assert response.status_code == 400
    message = response.json()["file"][0]
    assert "thẻ Jinja lỗi" in message
    assert "Kính gửi {{ recipient" in message  # where it is, to find it in Word
    assert "mẫu đang dùng giữ nguyên" in message
    assert list(ReportTemplate.objects.values_list("version", flat=True)) == [1]
    assert "Phiên bản một" in text_of(services.report_docx(draft))


def test_unclosed_loop_and_unknown_tag_are_named(world):
    unclosed = upload(world, edited("{%p for part in parts %}", "{{ part.heading }}"))
    assert unclosed.status_code == 400
    assert "chưa được đóng" in unclosed.json()["file"][0]
    unknown = upload(world, edited("{% endfi %}"))
    assert unknown.status_code == 400
    assert "thẻ không có trong ngôn ngữ mẫu" in unknown.json()["file"][0]
    assert ReportTemplate.objects.count() == 0


def test_a_file_that_is_not_a_word_document_is_refused(world):
    response = upload(world, b"%PDF-1.4 not a template")
    assert response.status_code == 400
    assert "không phải tài liệu Word" in response.json()["file"][0]
    assert ReportTemplate.objects.count() == 0


def test_only_leaders_and_administrators_replace_templates(world):
    for role in ("inspector", "officer", "viewer", "police_liaison", "carrier_operator", "district_officer"):
        assert upload(world, edited("x"), role).status_code == 403, role
    assert upload(world, edited("x"), "administrator").status_code == 201
    assert ReportTemplate.objects.count() == 1


def test_templates_page_shows_the_refusal(world, client):
    login(client, world.user("leader"))
    page = client.get("/reports/templates/")
    assert page.status_code == 200
    assert "mẫu mặc định (phiên bản 0)" in page.content.decode()
    file = SimpleUploadedFile("mau.docx", edited("{{ agency_name "))
    response = client.post("/reports/templates/", {"report_type": "periodic", "file": file})
    assert response.status_code == 400
    assert "thẻ Jinja lỗi" in response.content.decode()
    assert ReportTemplate.objects.count() == 0
    good = SimpleUploadedFile("mau.docx", edited("{{ agency_name }}"))
    assert client.post("/reports/templates/", {"report_type": "periodic", "file": good}).status_code == 302
    assert "phiên bản 1" in client.get("/reports/templates/").content.decode()
