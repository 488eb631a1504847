import pytest

from canhgiac.core.choices import DocumentTypeChoices as T
from canhgiac.core.letters import LetterNumberError, parse_letter_number
from canhgiac.core.testing import api_client


@pytest.mark.parametrize(
    "text, number, year, symbol, doc_type",
    [
        ("386/CAT-ANM", 386, None, "CAT-ANM", T.OFFICIAL_LETTER),
        ("Số 386/CAT-ANM", 386, None, "CAT-ANM", T.OFFICIAL_LETTER),
        ("Số: 1225/QĐ-BTTTT", 1225, None, "QĐ-BTTTT", T.DECISION),
        ("15/2020/NĐ-CP", 15, 2020, "NĐ-CP", T.DECREE),
        ("/BC-STTTT", None, None, "BC-STTTT", T.REPORT),
        ("120/TTra-BCXB", 120, None, "TTra-BCXB", T.OFFICIAL_LETTER),
        ("410/KH-CAT-STTTT", 410, None, "KH-CAT-STTTT", T.PLAN),
        ("1708/UBND-VX1", 1708, None, "UBND-VX1", T.OFFICIAL_LETTER),
        ("64/YC-CCTL", 64, None, "YC-CCTL", T.REQUEST),
    ],
)
def test_parses_official_notation(text, number, year, symbol, doc_type):
    parsed = parse_letter_number(text)
    assert (parsed.number, parsed.year, parsed.symbol, parsed.inferred_type) == (number, year, symbol, doc_type)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "để trống"),
        ("386", "thiếu dấu “/”"),
        ("386/", "thiếu ký hiệu"),
        ("abc/CAT-ANM", "phải là chữ số"),
        ("0/CAT-ANM", "lớn hơn 0"),
        ("15/20/NĐ-CP", "năm ban hành"),
        ("1/2/3/X", "quá nhiều"),
        ("386/CAT--ANM", "không hợp lệ"),
        ("386/CAT_ANM!", "không hợp lệ"),
    ],
)
def test_malformed_numbers_get_specific_errors(text, fragment):
    with pytest.raises(LetterNumberError) as error:
        parse_letter_number(text)
    assert fragment in str(error.value)


def test_api_rejects_malformed_number_and_stores_nothing(world):
    from canhgiac.core.models import Document

    client = api_client(world.user("officer"))
    response = client.post(
        "/api/documents/",
        {
            "notation": "386-CAT-ANM",
            "direction": "in",
            "date": "2023-02-17",
            "issuing_agency": world.agency("CAT-ANM").pk,
            "summary": "x",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "thiếu dấu “/”" in response.json()["detail"]
    assert Document.objects.count() == 0


def test_draft_keeps_number_blank_and_displays_ellipsis(world):
    client = api_client(world.user("officer"))
    response = client.post(
        "/api/documents/",
        {
            "notation": "/BC-STTTT",
            "direction": "out",
            "date": "2024-12-15",
            "issuing_agency": world.agency("STTTT").pk,
            "summary": "Báo cáo năm",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] is None and body["doc_type"] == "bc" and body["notation"] == "…/BC-STTTT"


def test_ui_form_shows_field_error_for_bad_number(world, client):
    from canhgiac.core.testing import login

    login(client, world.user("officer"))
    response = client.post(
        "/documents/add/",
        {
            "notation": "386/",
            "direction": "in",
            "date": "2023-02-17",
            "issuing_agency": world.agency("CAT-ANM").pk,
            "summary": "x",
        },
    )
    assert response.status_code == 200
    assert "thiếu ký hiệu" in response.content.decode()


def test_ui_form_refuses_a_file_that_is_not_a_letter(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from canhgiac.core.models import Document
    from canhgiac.core.testing import login

    login(client, world.user("officer"))
    data = {
        "notation": "386/CAT-ANM",
        "direction": "in",
        "date": "2023-02-17",
        "issuing_agency": world.agency("CAT-ANM").pk,
        "summary": "x",
    }
    exe = SimpleUploadedFile("congvan.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = client.post("/documents/add/", {**data, "file": exe})
    assert response.status_code == 200 and not Document.objects.exists()
    assert "PDF" in response.content.decode()  # the error names what is accepted
    pdf = SimpleUploadedFile("congvan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert client.post("/documents/add/", {**data, "file": pdf}).status_code == 302
    assert Document.objects.get().file.name.endswith(".pdf")


def test_api_errors_in_vietnamese(world):
    from canhgiac.core.testing import api_client

    client = api_client(world.user("officer"))
    broken = client.post("/api/documents/", "{not json", content_type="application/json")
    assert broken.status_code == 400 and "JSON không hợp lệ" in broken.json()["detail"]
    missing = client.get("/api/cases/999999/")
    assert missing.status_code == 404 and "Không tìm thấy" in missing.json()["detail"]
