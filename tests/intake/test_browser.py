"""In real headless Chromium at a phone's width: a citizen reports with a screenshot and gets a code, staff triage and
reply, the citizen reads the reply with the code."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from tests.integration.test_browser import CHROMIUM, CHROMIUM_ARGS, _up
from tests.processes import child_env, free_port, wait_until

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def portal_server(transactional_db):
    """`canhgiac serve` on the test database, the captcha off (its own test checks it), the limits as shipped."""
    from django.db import connection

    connection.close()
    port = free_port()
    log = open(Path(settings.VAR_DIR) / "serve-intake.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "canhgiac.cli", "serve", f"--bind=127.0.0.1:{port}", "--workers=1", "--threads=4"],
        env=child_env(INTAKE_CAPTCHA="0"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: _up(url + "/congdan/"), 30, "the web server")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def inspector(world):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    user = world.user("inspector")
    hasher = Argon2PasswordHasher()
    user.password = hasher.encode("mat-khau-thu-nghiem-2026", hasher.salt())
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise AssertionError(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def phone_page(browser):
    context = browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
    return context.new_page()


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_citizen_reports_staff_reply_citizen_reads_it(inspector, portal_server, browser, tmp_path):
    shot = tmp_path / "tin-nhan.jpg"
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    Image.new("RGB", (300, 600), (240, 240, 240)).save(buffer, "JPEG", exif=exif)
    shot.write_bytes(buffer.getvalue())

    citizen = phone_page(browser)
    citizen.goto(portal_server + "/congdan/")
    assert fits_the_screen(citizen)
    citizen.click("#go-report")
    citizen.select_option("#id_report_type", "scam_sms")
    citizen.fill("#id_content", "Tin nhắn báo tài khoản bị khoá, yêu cầu bấm vào đường dẫn để xác minh.")
    citizen.fill("#id_phones", "0912 345 678")
    citizen.fill("#id_links", "https://vcb-xac-minh.top/dang-nhap")
    citizen.set_input_files("#id_files", str(shot))
    citizen.fill("#id_reporter_email", "nguoidan@example.com")
    assert fits_the_screen(citizen)
    citizen.check("#id_consent")
    citizen.click("#send")
    citizen.wait_for_url("**/congdan/phan-anh/da-gui/")
    code = citizen.locator("#followup-code").inner_text().strip()
    assert len(code) == 19
    citizen.screenshot(path=str(Path(settings.VAR_DIR) / "browser-intake-code.png"), full_page=True)

    citizen.goto(portal_server + "/congdan/tra-cuu/?q=0912.345.678")
    assert "1 phản ánh" in citizen.locator("#lookup-reports").inner_text()
    assert citizen.locator("#lookup-status").inner_text() == "Đang xác minh"

    staff = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}).new_page()  # at a desk
    staff.goto(portal_server + "/login/")
    staff.fill("#id_username", "inspector")
    staff.fill("#id_password", "mat-khau-thu-nghiem-2026")
    staff.click("button[type=submit]")
    staff.wait_for_url(portal_server + "/")
    staff.goto(portal_server + "/intake/reports/")
    staff.locator("table tbody a").first.click()
    # Opened from the list, the report carries the list as its review queue (``?queue=/intake/reports/``).
    staff.wait_for_url(re.compile(r".*/intake/reports/\d+/\?queue=%2Fintake%2Freports%2F$"))
    assert "+84912345678" in staff.locator("#report-indicators").inner_text()
    staff.click("#escalate-form button[type=submit]")
    staff.wait_for_load_state()
    assert "VV-" in staff.locator("#report-case").inner_text()
    staff.fill("#reply-text", "Cơ quan đã đề nghị nhà mạng khoá số 0912345678 và chặn tên miền vcb-xac-minh.top.")
    report_url = staff.url.split("?")[0]
    staff.click("#reply-form button[type=submit]")
    # The reply ends the report's review: the queue leads on, here back to the list (no other report waits).
    staff.wait_for_url(portal_server + "/intake/reports/")
    assert "Không còn mục nào chờ xem xét." in staff.locator("body").inner_text()
    staff.goto(report_url)
    assert "khoá số 0912345678" in staff.locator("#report-reply").inner_text()

    citizen.goto(portal_server + "/congdan/theo-doi/")
    citizen.fill("#id_code", code.lower())
    citizen.click("#followup-form button[type=submit]")
    citizen.wait_for_load_state()
    assert "khoá số 0912345678" in citizen.locator("#followup-reply").inner_text()
    assert fits_the_screen(citizen)
    citizen.screenshot(path=str(Path(settings.VAR_DIR) / "browser-intake-reply.png"), full_page=True)
