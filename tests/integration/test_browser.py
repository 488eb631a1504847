"""A user in real headless Chromium logs in, creates a case with two indicators, uploads evidence, finds it."""

import hashlib
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.processes import child_env, free_port, wait_until

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _up(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


@pytest.fixture
def server(transactional_db):
    """`canhgiac serve` — the real web server — on a free loopback port, on the test database."""
    from django.db import connection

    connection.close()
    port = free_port()
    log = open(Path(settings.VAR_DIR) / "serve.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "canhgiac.cli", "serve", f"--bind=127.0.0.1:{port}", "--workers=1", "--threads=4"],
        env=child_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: _up(url + "/login/"), 30, "the web server")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise AssertionError(f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI's .ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


@pytest.fixture
def officer(world):
    """The officer's password hashed with Argon2, as the server (production settings) checks it."""
    from django.contrib.auth.hashers import Argon2PasswordHasher

    user = world.user("officer")
    hasher = Argon2PasswordHasher()
    user.password = hasher.encode("mat-khau-thu-nghiem-2026", hasher.salt())
    user.save(update_fields=["password"])
    return user


def test_officer_creates_case_with_indicators_and_evidence(officer, server, page, tmp_path):
    page.goto(server + "/")
    assert "/login/" in page.url
    page.fill("#id_username", "officer")
    page.fill("#id_password", "mat-khau-thu-nghiem-2026")
    page.click("button[type=submit]")
    page.wait_for_url(server + "/")
    assert page.locator("h1").inner_text() == "Tổng quan"

    page.goto(server + "/cases/add/")
    page.fill("#id_title", "Giả danh ngân hàng gửi tin nhắn")
    page.select_option("#id_category", "fraud")
    page.select_option("#id_source", "citizen")
    page.fill("#id_received_on", "2024-06-01")
    # The lead agency is a type-ahead picker: type part of the name, pick the row the server suggests.
    field = page.locator("#id_lead_agency").locator("xpath=..")
    field.locator("input.picker-input").fill("sttt")
    field.locator(".picker-results button", has_text="Cơ quan STTTT").click()
    assert "Cơ quan STTTT" in field.locator(".picker-chips").inner_text()
    page.fill("#id_indicators_text", "phone: 0912 345 678\ndomain: VCB-khuyenmai.top")
    page.click("#object-form button[type=submit]")
    page.wait_for_url("**/cases/*/")
    assert "VV-2024-00001" in page.locator("h1").inner_text()
    indicators = page.locator("#case-indicators").inner_text()
    assert "+84912345678" in indicators and "vcb-khuyenmai.top" in indicators

    evidence = tmp_path / "tin-nhan.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    page.set_input_files("#evidence-form input[type=file]", str(evidence))
    page.click("#evidence-form button[type=submit]")
    page.wait_for_load_state()
    digest = hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert digest in page.locator("#case-evidence").inner_text()
    assert "image/png" in page.locator("#case-evidence").inner_text()

    page.goto(server + "/cases/?q=ngân+hàng")
    assert "Giả danh ngân hàng gửi tin nhắn" in page.locator("#case-table").inner_text()
    page.goto(server + "/cases/evidence/")
    assert "tin-nhan.png" in page.locator("#evidence-table").inner_text()
    page.screenshot(path=str(Path(settings.VAR_DIR) / "browser-evidence.png"), full_page=True)
