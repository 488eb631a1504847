"""The public portal through Django's full stack: report, code, follow-up, look up, abuse control."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.intake.models import Attachment, Report
from tests.intake.conftest import png_bytes

pytestmark = pytest.mark.django_db


def send(client, data, **extra):
    return client.post("/congdan/phan-anh/", data, **extra)


def code_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    return page.split('id="followup-code">')[1].split("<")[0]


def test_citizen_reports_gets_code_and_reads_status(client, world, report_data):
    response = send(client, report_data)
    code = code_of(client, response)
    assert len(code) == 19 and code.count("-") == 3
    report = Report.objects.get()
    assert report.channel == "portal" and report.consent and report.consent_at
    assert {i.value for i in report.indicators.all()} == {"+84912345678", "VCB:0071000012345"}
    page = client.post("/congdan/theo-doi/", {"code": code.lower().replace("-", " ")}).content.decode()
    assert "Đã tiếp nhận" in page
    assert "Nguyễn Văn An" not in page  # no personal data, not even the reporter's own


def test_the_sent_page_shows_the_code_once(client, world, report_data):
    response = send(client, report_data)
    code_of(client, response)
    assert client.get("/congdan/phan-anh/da-gui/").status_code == 302


def test_consent_is_required_and_nothing_is_stored_without_it(client, world, report_data):
    report_data.pop("consent")
    response = send(client, report_data)
    assert response.status_code == 400
    assert "Cần đồng ý" in response.content.decode()
    assert Report.objects.count() == 0


def test_invalid_number_is_refused_with_the_reason_and_the_form_keeps_the_text(client, world, report_data):
    report_data["phones"] = "0912 abc"
    response = send(client, report_data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số điện thoại" in page and "không phải chữ số" in page
    assert report_data["content"] in page  # nothing the citizen typed is lost
    assert Report.objects.count() == 0


def test_invalid_url_is_refused(client, world, report_data):
    report_data["links"] = "ftp://vi-du.vn/x"
    response = send(client, report_data)
    assert response.status_code == 400
    assert "chỉ nhận đường dẫn http hoặc https" in response.content.decode()


def test_one_megabyte_text_is_refused_clearly(client, world, report_data):
    report_data["content"] = "a" * 1_000_000
    response = send(client, report_data)
    assert response.status_code == 400
    assert "vượt quá 10.000 ký tự" in response.content.decode()
    assert Report.objects.count() == 0


def test_honeypot_filled_is_refused(client, world, report_data):
    report_data["website"] = "http://spam.example"
    response = send(client, report_data)
    assert response.status_code == 400
    assert "Biểu mẫu không hợp lệ" in response.content.decode()
    assert Report.objects.count() == 0


def test_same_report_twice_within_minutes_is_merged_with_the_same_code(client, world, report_data):
    first = code_of(client, send(client, report_data))
    second_response = send(client, report_data)
    second = code_of(client, second_response)
    assert first == second
    assert Report.objects.count() == 1 and Report.objects.get().merged_count == 1


def test_fifty_reports_a_minute_from_one_address(client, world, report_data, settings):
    """The first ones within the limit are stored; the rest get a Vietnamese message (429); none is half-stored."""
    stored = 0
    refused = 0
    for i in range(50):
        data = dict(report_data, content=f"Phản ánh số {i}: cuộc gọi lừa đảo giả danh ngân hàng.")
        response = send(client, data)
        if response.status_code == 302:
            stored += 1
        else:
            assert response.status_code == 429
            assert "quá nhiều phản ánh" in response.content.decode()
            refused += 1
    assert stored == 5 and refused == 45
    assert Report.objects.count() == stored


def test_screenshot_is_reencoded_without_metadata(client, world, report_data):
    photo = SimpleUploadedFile("anh.jpg", png_bytes(exif=True), content_type="image/jpeg")
    code_of(client, send(client, dict(report_data, files=[photo])))
    attachment = Attachment.objects.get()
    stored = attachment.file.read()
    assert attachment.mime_type == "image/jpeg"
    assert b"CameraMaker" not in stored and b"SecretSoftware" not in stored
    assert b"CameraMaker" in png_bytes(exif=True)


def test_fake_image_is_refused(client, world, report_data):
    fake = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"not really an image" * 50, content_type="image/png")
    response = send(client, dict(report_data, files=[fake]))
    assert response.status_code == 400
    assert "không phải ảnh hợp lệ" in response.content.decode()
    assert Report.objects.count() == 0 and Attachment.objects.count() == 0


def test_oversized_image_is_refused(client, world, report_data, settings):
    settings.INTAKE_MAX_FILE_BYTES = 10_000
    big = SimpleUploadedFile("to.png", png_bytes(size=(400, 400)) + b"\0" * 20_000, content_type="image/png")
    response = send(client, dict(report_data, files=[big]))
    assert response.status_code == 400
    assert "quá lớn" in response.content.decode()
    assert Report.objects.count() == 0


def test_pdf_is_kept_and_other_types_refused(client, world, report_data):
    pdf = SimpleUploadedFile("bien-lai.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    code_of(client, send(client, dict(report_data, files=[pdf])))
    assert Attachment.objects.get().mime_type == "application/pdf"
    exe = SimpleUploadedFile("x.png", b"MZ\x90\x00" + b"\0" * 100)
    response = send(client, dict(report_data, content="khác", files=[exe]))
    assert response.status_code == 400


def test_wrong_code_tried_repeatedly_is_rate_limited(client, world, report_data, settings):
    code = code_of(client, send(client, report_data))
    for _ in range(10):
        response = client.post("/congdan/theo-doi/", {"code": "AAAA-BBBB-CCCC-DDDD"})
        assert response.status_code == 404
        assert "Không tìm thấy phản ánh" in response.content.decode()
    blocked = client.post("/congdan/theo-doi/", {"code": code})
    assert blocked.status_code == 429
    assert "nhập sai quá nhiều lần" in blocked.content.decode()


def test_captcha_switched_on_is_required(client, world, report_data, settings):
    settings.INTAKE_CAPTCHA = "1"
    page = client.get("/congdan/phan-anh/").content.decode()
    assert "captcha" in page
    response = send(client, dict(report_data, captcha_0="x", captcha_1="sai"))
    assert response.status_code == 400
    assert "Mã xác nhận chưa đúng" in response.content.decode()
    assert Report.objects.count() == 0
