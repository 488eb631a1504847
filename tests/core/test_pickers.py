"""Type-ahead pickers: forms list only the chosen letters and agencies; the rest is found as the user types."""

from canhgiac.core.services import register_document
from canhgiac.core.testing import login
from tests.cases.helpers import make_case


def letter(world, notation, summary, receiver="STTTT"):
    return register_document(
        actor=world.user("administrator"),
        notation=notation,
        direction="in",
        date="2026-02-17",
        issuing_agency=world.agency("CAT-ANM"),
        receiving_agencies=[world.agency(receiver)],
        summary=summary,
    )


def suggest(client, kind, q):
    response = client.get("/search/suggest/", {"kind": kind, "q": q})
    assert response.status_code == 200
    return [row["label"] for row in response.json()["results"]]


def test_case_form_lists_only_the_chosen_letters(world, client):
    chosen = letter(world, "123/CAT-PA05", "Đề nghị khoá thuê bao")
    letter(world, "45/CAT-ANM", "Đề nghị xác minh tên miền")
    case = make_case(world)
    case.letters.add(chosen)
    login(client, world.user("officer"))
    page = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert 'data-picker="/search/suggest/?kind=documents"' in page
    assert "123/CAT-PA05" in page and "45/CAT-ANM" not in page
    assert "45/CAT-ANM" not in client.get("/cases/add/").content.decode()


def test_suggestions_search_as_the_lists_do_within_what_the_user_sees(world, client):
    letter(world, "123/CAT-PA05", "Đề nghị khoá thuê bao")
    letter(world, "77/CAT-ANM", "Đề nghị gửi huyện", receiver="UBND-CL")
    login(client, world.user("officer"))
    assert suggest(client, "documents", "123/cat-pa05") == [suggest(client, "documents", "số 123")[0]]
    assert len(suggest(client, "documents", "DE NGHI")) == 2
    assert suggest(client, "agencies", "co quan viettel") == ["Cơ quan VIETTEL"]
    assert any("inspector" in label for label in suggest(client, "users", "INSPEC"))
    login(client, world.user("carrier_operator"))
    assert suggest(client, "documents", "de nghi") == []
    assert suggest(client, "users", "inspector") == []
    assert client.get("/search/suggest/", {"kind": "khong-co", "q": "x"}).status_code == 400


def test_a_case_saved_through_the_picker_keeps_the_picked_letter(world, client):
    picked = letter(world, "123/CAT-PA05", "Đề nghị khoá thuê bao")
    login(client, world.user("officer"))
    data = {
        "title": "Vụ việc qua bộ chọn",
        "category": "fraud",
        "source": "citizen",
        "received_on": "2026-02-18",
        "lead_agency": world.agency("STTTT").pk,
        "letters": [picked.pk],
    }
    response = client.post("/cases/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    from canhgiac.cases.models import Case

    assert list(Case.objects.get(title="Vụ việc qua bộ chọn").letters.all()) == [picked]
