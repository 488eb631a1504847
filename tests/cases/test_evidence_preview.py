"""Images and PDFs attached as evidence open in the browser (their type read from their bytes, sandboxed); other
files keep downloading; the same access rules as the download."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canhgiac.cases.services import attach_evidence
from canhgiac.core.testing import login
from tests.cases.helpers import make_case

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _attach(world, case, name, content):
    return attach_evidence(case, SimpleUploadedFile(name, content), actor=world.user("officer"))


def test_image_and_pdf_open_inline_typed_by_their_bytes_and_sandboxed(world, client):
    case = make_case(world)
    image = _attach(world, case, "anh-chup.txt", PNG)  # the name lies: the bytes decide
    pdf = _attach(world, case, "bien-ban.jpg", PDF)
    login(client, world.user("officer"))
    for evidence, mime in ((image, "image/png"), (pdf, "application/pdf")):
        response = client.get(reverse("cases:evidence_view", args=[evidence.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == mime
        assert response["Content-Disposition"].startswith("inline")
        assert response["Content-Security-Policy"] == "sandbox"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_other_types_still_download_as_attachments(world, client):
    case = make_case(world)
    html = _attach(world, case, "trang.png", b"<html><script>alert(1)</script></html>")
    login(client, world.user("officer"))
    response = client.get(reverse("cases:evidence_view", args=[html.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "text/plain" and response["X-Content-Type-Options"] == "nosniff"


def test_case_page_shows_a_thumbnail_and_a_view_link_only_for_previewable_files(world, client):
    case = make_case(world)
    image = _attach(world, case, "anh.png", PNG)
    text = _attach(world, case, "tin-nhan.txt", b"abc")
    login(client, world.user("officer"))
    page = client.get(case.get_absolute_url()).content.decode()
    view = reverse("cases:evidence_view", args=[image.pk])
    assert f'<img class="evidence-thumb" src="{view}"' in page and f'href="{view}"' in page and ">Xem</a>" in page
    assert reverse("cases:evidence_view", args=[text.pk]) not in page


def test_inline_view_keeps_the_download_access_rules(world, client):
    case = make_case(world)
    image = _attach(world, case, "anh.png", PNG)
    url = reverse("cases:evidence_view", args=[image.pk])
    assert client.get(url).status_code == 302  # to the login page
    login(client, world.user("carrier_operator"))
    assert client.get(url).status_code == 404
