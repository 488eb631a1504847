"""Search finds what people type: any case, any accents, indicators in any written form, letters by number."""

import re

import pytest

from canhgiac.core.globalsearch import search_everything
from canhgiac.core.search import fold
from canhgiac.core.services import register_document
from canhgiac.core.testing import api_client, login
from canhgiac.webwatch.models import Site
from tests.cases.helpers import make_case
from tests.conftest import ROLE_AGENCY


def count(client, url) -> int:
    page = client.get(url)
    assert page.status_code == 200, url
    return int(re.search(r'id="result-count">([\d.]+)', page.content.decode()).group(1).replace(".", ""))


@pytest.fixture
def letters(world):
    def letter(notation, summary, issuer="CAT-ANM"):
        return register_document(
            actor=world.user("officer"),
            notation=notation,
            direction="in",
            date="2026-02-17",
            issuing_agency=world.agency(issuer),
            receiving_agencies=[world.agency("STTTT")],
            summary=summary,
        )

    return {
        "a": letter("123/CAT-PA05", "Đề nghị khoá thuê bao"),
        "b": letter("45/CAT-ANM", "V/v đề nghị cung cấp thông tin"),
        "c": letter("46/CAT-ANM", "ĐỀ NGHỊ XÁC MINH TÊN MIỀN"),
        "d": letter("1234/STTTT", "Báo cáo tháng 2", issuer="STTTT"),
    }


def test_fold_lowers_strips_marks_and_d_with_stroke():
    assert fold("  ĐỀ   NGHỊ ") == fold("Đề nghị") == fold("de nghi") == "de nghi"
    assert fold("Ừ Ơ ư ơ Ý") == "u o u o y"


@pytest.mark.parametrize("text", ["đề nghị", "Đề nghị", "ĐỀ NGHỊ", "de nghi", "DE  NGHI"])
def test_letters_found_whatever_case_and_accents(world, client, letters, text):
    login(client, world.user("officer"))
    assert count(client, f"/documents/?q={text}") == 3
    found = api_client(world.user("officer")).get("/api/documents/", {"search": text}).json()["results"]
    assert {row["id"] for row in found} == {letters[k].pk for k in "abc"}


@pytest.mark.parametrize("text", ["123/CAT-PA05", "123", "số 123", "Số 123/cat-pa05", "123 / CAT-PA05"])
def test_a_letter_is_found_by_its_number_as_written(world, client, letters, text):
    login(client, world.user("officer"))
    response = api_client(world.user("officer")).get("/api/documents/", {"search": text})
    assert {row["id"] for row in response.json()["results"]} == {letters["a"].pk}
    assert count(client, f"/documents/?q={text}") == 1


def test_a_number_with_another_symbol_is_not_the_letter(world, letters):
    response = api_client(world.user("officer")).get("/api/documents/", {"search": "123/CAT-ANM"})
    assert response.json()["results"] == []


def test_cases_found_by_a_phone_number_however_written(world, client):
    first = make_case(world, title="Lừa đảo qua điện thoại", indicators=[("phone", "+84912345678")])
    second = make_case(world, title="Giả danh công an", indicators=[("phone", "0912.345.678")])
    make_case(world, title="Số khác", indicators=[("phone", "0912345679")])
    login(client, world.user("officer"))
    for url in (
        "/cases/?q=0912345678",
        "/cases/?q=0912 345 678",
        "/cases/?indicator=0912 345 678",
        "/cases/?indicator=%2B84912345678",
        "/cases/?indicator=84912345678",
    ):
        assert count(client, url) == 2, url
    found = api_client(world.user("officer")).get("/api/cases/", {"search": "0912 345 678"}).json()["results"]
    assert {row["id"] for row in found} == {first.pk, second.pk}


@pytest.mark.parametrize("inline", [2000, 1])
def test_cases_by_indicator_the_same_whether_ids_are_listed_or_subqueried(world, client, monkeypatch, inline):
    """An indicator on few cases is matched by a list of their ids, one on many through a subquery: same rows."""
    from canhgiac.cases import search

    monkeypatch.setattr(search, "IDS_INLINE", inline)
    first = make_case(world, title="Lừa đảo qua điện thoại", indicators=[("phone", "+84912345678")])
    second = make_case(world, title="Giả danh công an", indicators=[("phone", "0912.345.678")])
    third = make_case(world, title="Tin nhắn 0912 345 678 giả mạo")  # found by its title, no indicator
    make_case(world, title="Số khác", indicators=[("phone", "0912345679")])
    found = api_client(world.user("officer")).get("/api/cases/", {"search": "0912 345 678"}).json()["results"]
    assert {row["id"] for row in found} == {first.pk, second.pk, third.pk}
    login(client, world.user("officer"))
    assert count(client, "/cases/?indicator=0912 345 678") == 2


def test_case_titles_found_without_accents(world, client):
    case = make_case(world, title="Lừa đảo chiếm đoạt tài sản qua mạng")
    make_case(world, title="Đánh bạc trực tuyến")
    login(client, world.user("officer"))
    assert count(client, "/cases/?q=LUA DAO") == 1
    assert count(client, f"/cases/?q={case.code.lower()}") == 1


def test_a_renamed_case_is_found_by_its_new_title(world):
    from canhgiac.cases.services import cases

    case = make_case(world, title="Tiêu đề cũ")
    cases.update(case, actor=world.user("officer"), title="Mạo danh ngân hàng")
    found = api_client(world.user("officer")).get("/api/cases/", {"search": "mao danh"}).json()["results"]
    assert [row["id"] for row in found] == [case.pk]


def test_history_does_not_show_the_search_column(world):
    from canhgiac.cases.services import cases

    case = make_case(world, title="Tiêu đề cũ")
    cases.update(case, actor=world.user("officer"), title="Tiêu đề mới")
    history = api_client(world.user("officer")).get(f"/api/cases/{case.pk}/history/").json()
    fields = {change["field"] for entry in history for change in entry["changes"]}
    assert "title" in fields and "search_text" not in fields


def test_generic_lists_and_api_search_ignore_accents(world, client):
    login(client, world.user("officer"))
    assert count(client, "/agencies/?q=co quan cat") == 1
    names = api_client(world.user("officer")).get("/api/agencies/", {"search": "CƠ QUAN viettel"}).json()["results"]
    assert [row["code"] for row in names] == ["VIETTEL"]
    users = api_client(world.user("administrator")).get("/api/users/", {"search": "INSPECTOR"}).json()["results"]
    assert [row["username"] for row in users] == ["inspector"]


def test_global_search_page_finds_every_kind(world, client, letters):
    case = make_case(world, title="Trang cá độ bóng đá", indicators=[("phone", "0912345678"), ("domain", "cado88.com")])
    Site.objects.create(url="https://soyte.gov.vn/", name="Sở Y tế", owner_agency=world.agency("STTTT"))
    login(client, world.user("officer"))
    page = client.get("/search/", {"q": "ca do"}).content.decode()
    assert case.code in page and 'id="ket-qua-cases"' in page
    page = client.get("/search/", {"q": "0912 345 678"}).content.decode()
    assert "+84912345678" in page and case.code in page
    page = client.get("/search/", {"q": "so y te"}).content.decode()
    assert "Sở Y tế" in page
    page = client.get("/search/", {"q": "123/CAT-PA05"}).content.decode()
    assert 'id="ket-qua-documents"' in page and "123/CAT-PA05" in page
    page = client.get("/search/", {"q": "không có gì như thế này"}).content.decode()
    assert "Không tìm thấy gì khớp" in page
    assert "Tìm mọi thứ" in client.get("/").content.decode()


def test_global_search_api_answers_sections(world, letters):
    make_case(world, title="Đề nghị xử lý", indicators=[("domain", "denghi.vn")])
    answer = api_client(world.user("officer")).get("/api/search/", {"q": "DE NGHI"}).json()
    keys = {section["key"] for section in answer["sections"]}
    assert {"cases", "documents"} <= keys
    documents = next(s for s in answer["sections"] if s["key"] == "documents")
    assert len(documents["results"]) == 3 and documents["more"] is False
    assert api_client().get("/api/search/", {"q": "x"}).status_code in (401, 403)


@pytest.mark.parametrize("role", list(ROLE_AGENCY))
def test_global_search_shows_each_role_only_what_it_may_see(world, role):
    """A case of one district and a letter between the police and the authority: each role finds exactly the rows
    its lists show (the same scoping), through the API."""
    make_case(world, title="Vụ cá độ huyện", lead="UBND-HK", district="UBND-HK", actor_role="administrator")
    make_case(world, title="Vụ cá độ tỉnh", indicators=[("domain", "cado-tinh.vn")])
    user = world.user(role)
    client = api_client(user)
    answer = client.get("/api/search/", {"q": "ca do"}).json()
    found = {(s["key"], r["id"]) for s in answer["sections"] for r in s["results"]}
    listed = {("cases", row["id"]) for row in client.get("/api/cases/", {"search": "ca do"}).json()["results"]}
    assert {item for item in found if item[0] == "cases"} == listed
    assert search_everything(user, "ca do") == answer["sections"]
