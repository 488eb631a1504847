"""Review findings on letters: odd digits, spaces and case in the notation; API file links and upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.letters import LetterNumberError, parse_letter_number
from canhgiac.core.testing import api_client, login

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("²/CAT-ANM", "chỉ gồm chữ số 0–9"),
        ("３８６/CAT-ANM", "chỉ gồm chữ số 0–9"),
        ("15/２０２０/NĐ-CP", "năm ban hành"),
        ("15/20²0/NĐ-CP", "năm ban hành"),
        ("386/CAT ANM", "có dấu cách"),
        ("3 86/CAT-ANM", "chỉ gồm chữ số 0–9"),
        ("386/CAT-АНМ", "không hợp lệ"),  # Cyrillic look-alikes
    ],
)
def test_odd_digits_and_spaces_get_a_specific_error(text, fragment):
    with pytest.raises(LetterNumberError) as error:
        parse_letter_number(text)
    assert fragment in str(error.value)


@pytest.mark.parametrize(
    "text, symbol",
    [
        ("386/cat-anm", "CAT-ANM"),
        ("15/2020/nđ-cp", "NĐ-CP"),
        ("Số 386 / CAT-ANM", "CAT-ANM"),
        ("386/CAT - ANM", "CAT-ANM"),
        ("120/TTra-BCXB", "TTra-BCXB"),  # an established mixed-case abbreviation is kept as written
        ("12/Cat-anm", "CAT-ANM"),
    ],
)
def test_symbol_is_upper_case_and_spaces_around_separators_are_dropped(text, symbol):
    assert parse_letter_number(text).symbol == symbol


def _letter_data(world, notation="386/CAT-ANM"):
    return {
        "notation": notation,
        "direction": "in",
        "date": "2023-02-17",
        "issuing_agency": world.agency("CAT-ANM").pk,
        "summary": "x",
    }


def test_api_and_form_answer_superscript_number_with_vietnamese_message(world, client):
    from canhgiac.core.models import Document

    response = api_client(world.user("officer")).post(
        "/api/documents/", _letter_data(world, "²/CAT-ANM"), format="json"
    )
    assert response.status_code == 400
    assert "invalid literal" not in response.json()["detail"] and "chữ số 0–9" in response.json()["detail"]
    login(client, world.user("officer"))
    response = client.post("/documents/add/", _letter_data(world, "²/CAT-ANM"))
    assert response.status_code == 200 and "chữ số 0–9" in response.content.decode()
    assert Document.objects.count() == 0


def test_api_uploads_letter_file_and_links_to_the_authenticated_download(world, client):
    officer_api = api_client(world.user("officer"))
    data = _letter_data(world) | {"file": SimpleUploadedFile("cv-386.pdf", PDF)}
    response = officer_api.post("/api/documents/", data, format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["file"].endswith(f"/documents/{body['id']}/file/") and "/media/" not in body["file"]
    assert officer_api.get(f"/api/documents/{body['id']}/").json()["file"] == body["file"]
    login(client, world.user("officer"))
    download = client.get(body["file"])
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_letter_without_file_has_no_link(world):
    response = api_client(world.user("officer")).post("/api/documents/", _letter_data(world), format="json")
    assert response.status_code == 201 and response.json()["file"] is None


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("trang.html", b"<html><script>alert(1)</script></html>", "không được nhận"),
        ("cv.exe", b"MZ\x90\x00" + b"\x00" * 60, "không được nhận"),
        ("cv.pdf", b"", "rỗng"),
    ],
)
def test_api_refuses_unsafe_or_empty_letter_files(world, name, content, fragment):
    from canhgiac.core.models import Document

    data = _letter_data(world) | {"file": SimpleUploadedFile(name, content)}
    response = api_client(world.user("officer")).post("/api/documents/", data, format="multipart")
    assert response.status_code == 400
    assert fragment in str(response.json())
    assert Document.objects.count() == 0


def test_api_refuses_letter_file_over_the_size_limit(world, settings):
    from canhgiac.core.models import Document

    settings.EVIDENCE_MAX_BYTES = 100
    data = _letter_data(world) | {"file": SimpleUploadedFile("cv.pdf", PDF + b"0" * 200)}
    response = api_client(world.user("officer")).post("/api/documents/", data, format="multipart")
    assert response.status_code == 400 and "vượt quá" in str(response.json())
    assert Document.objects.count() == 0


def test_api_update_replaces_file_by_upload_and_keeps_it_when_the_link_is_echoed(world):
    from canhgiac.core.models import Document

    client = api_client(world.user("officer"))
    body = client.post("/api/documents/", _letter_data(world), format="json").json()
    url = f"/api/documents/{body['id']}/"
    response = client.patch(url, {"file": SimpleUploadedFile("cv.pdf", PDF)}, format="multipart")
    assert response.status_code == 200, response.content
    link = response.json()["file"]
    assert link.endswith(f"/documents/{body['id']}/file/")
    echoed = client.get(url).json() | {"summary": "trích yếu mới"}
    response = client.put(url, echoed, format="json")
    assert response.status_code == 200, response.content
    document = Document.objects.get()
    assert document.summary == "trích yếu mới" and document.file.read() == PDF
