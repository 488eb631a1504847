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


def _one_page_pdf(text: str) -> bytes:
    """A real one-page PDF (Helvetica, one line of ``text``), with a correct cross-reference table."""
    stream = f"BT /F1 24 Tf 20 60 Td ({text}) Tj ET".encode()
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


@pytest.fixture
def pdf_evidence(world, officer):
    """A case with a PDF attached (made before the browser starts: Django's ORM refuses Playwright's event loop)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from canhgiac.cases.services import attach_evidence
    from tests.cases.helpers import make_case

    case = make_case(world)
    return case, attach_evidence(case, SimpleUploadedFile("bien-ban.pdf", _one_page_pdf("Bien ban")), actor=officer)


def test_evidence_pdf_opens_in_chromiums_viewer_despite_the_sandbox(pdf_evidence, server, page, tmp_path):
    """The preview is served with ``Content-Security-Policy: sandbox``; Chromium must still show the PDF (its viewer:
    a dark frame around a white page), not download it nor show a blocked-content page."""
    from PIL import Image

    case, pdf = pdf_evidence
    page.goto(server + "/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "mat-khau-thu-nghiem-2026")
    page.click("button[type=submit]")
    page.wait_for_url(server + "/")
    page.goto(server + case.get_absolute_url())
    downloads, answers = [], []
    page.context.on("download", lambda download: downloads.append(download))
    view = f"{server}/cases/evidence/{pdf.pk}/view/"
    page.context.on("response", lambda answer: answer.url == view and answers.append(answer))
    with page.context.expect_page() as opened:  # "Xem" opens a new tab
        page.locator(f'#case-evidence a[href$="/evidence/{pdf.pk}/view/"]', has_text="Xem").click()
    viewer = opened.value
    viewer.wait_for_load_state()
    viewer.wait_for_timeout(2000)  # the viewer draws the page
    assert answers, f"{view} was not opened"
    first = answers[0].all_headers()  # the tab's own load (the viewer then reads the bytes again)
    assert first["content-type"] == "application/pdf" and first["content-security-policy"] == "sandbox"
    shot = tmp_path / "pdf.png"
    viewer.screenshot(path=str(shot))
    assert not downloads
    image = Image.open(shot).convert("RGB")
    area = image.width * image.height
    colours = {colour: count / area for count, colour in image.getcolors(maxcolors=area)}
    frame, paper = colours.get((40, 40, 40), 0), colours.get((255, 255, 255), 0)
    assert frame > 0.3 and paper > 0.02, f"no PDF viewer on screen (frame {frame:.0%}, white {paper:.0%})"
