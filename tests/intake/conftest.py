import io

import pytest
from django.core.cache import cache
from PIL import Image


@pytest.fixture(autouse=True)
def _portal_settings(settings):
    """The captcha off unless a test turns it on; every test starts with empty rate-limit counters."""
    settings.INTAKE_CAPTCHA = "0"
    settings.INTAKE_RATE_SUBMIT = "5/600"
    settings.INTAKE_RATE_LOOKUP = "60/60"
    settings.INTAKE_RATE_CODE = "10/900"
    settings.INTAKE_DUE_DATES_IN_WORKER = "0"  # in the request's transaction; the worker's path has its own test
    cache.clear()
    yield
    cache.clear()


def png_bytes(size=(40, 30), exif=False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "CameraMaker"  # Make
        data[0x0131] = "SecretSoftware"  # Software
        image.save(out, "JPEG", exif=data)
    else:
        image.save(out, "PNG")
    return out.getvalue()


REPORT = {
    "report_type": "scam_call",
    "content": "Có người gọi tự xưng công an, yêu cầu chuyển tiền vào tài khoản để xác minh.",
    "phones": "0912 345 678",
    "links": "",
    "accounts": "",
    "bank_accounts": "VCB:0071 0000 12345",
    "reporter_name": "Nguyễn Văn An",
    "reporter_phone": "0987654321",
    "reporter_email": "an@example.com",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def report_data():
    return dict(REPORT)
