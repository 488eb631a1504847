"""Write rights follow ownership, not only role: the probes of the shared-bases issue, through the API and the web,
and a matrix of every role against the record services (who may create, who may change a record of the province)."""

import pytest

from canhgiac.cases.models import Case
from canhgiac.core.choices import RoleChoices
from canhgiac.core.models import Document
from canhgiac.core.services import register_document
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case

ROLES = list(RoleChoices.values)
# Who may change a case led by the provincial department (STTTT), seen by all because it is addressed to them.
PROVINCE_CASE_WRITERS = {"administrator", "leader", "inspector", "officer"}


def _letter(world, notation, issuer, receivers=()):
    return register_document(
        actor=world.user("officer"),
        notation=notation,
        direction="in",
        date="2024-03-01",
        issuing_agency=world.agency(issuer),
        receiving_agencies=[world.agency(code) for code in receivers],
        summary=f"Văn bản {notation}",
    )


@pytest.fixture
def province_case(world):
    """A case led by the department, addressed to every partner so that every role can see it."""
    return make_case(world, lead="STTTT", commune="UBND-CL", addressed=["CAT-ANM", "VIETTEL", "UBND-CL"])


@pytest.mark.parametrize("role", ROLES)
def test_patch_of_a_province_case_by_each_role(world, province_case, role):
    client = api_client(world.user(role))
    response = client.patch(f"/api/cases/{province_case.pk}/", {"title": f"Sửa bởi {role}"}, format="json")
    province_case.refresh_from_db()
    if role in PROVINCE_CASE_WRITERS:
        assert response.status_code == 200, response.content
        assert province_case.title == f"Sửa bởi {role}"
    else:
        assert response.status_code == 403, response.content
        assert province_case.title == "Vụ việc thử"


@pytest.mark.parametrize("role", ROLES)
def test_create_case_led_by_own_agency_by_each_role(world, role):
    user = world.user(role)
    data = {
        "title": "Lừa đảo qua điện thoại",
        "category": "fraud",
        "source": "citizen",
        "received_on": "2026-11-20",
        "lead_agency": user.agency_id,
    }
    response = api_client(user).post("/api/cases/", data, format="json")
    writers = PROVINCE_CASE_WRITERS | {"police_liaison", "district_officer"}
    assert response.status_code == (201 if role in writers else 403), response.content


def test_commune_officer_cannot_change_lead_or_address_carriers_of_a_province_case(world, province_case):
    client = api_client(world.user("district_officer"))
    carriers = [world.agency("VIETTEL").pk, world.agency("VNPT").pk]
    for data in ({"addressed_agencies": carriers}, {"lead_agency": world.agency("UBND-CL").pk}):
        assert client.patch(f"/api/cases/{province_case.pk}/", data, format="json").status_code == 403
    province_case.refresh_from_db()
    assert province_case.lead_agency == world.agency("STTTT")
    assert world.agency("VNPT") not in province_case.addressed_agencies.all()


def test_commune_officer_on_own_case_cannot_link_hidden_letter_nor_drop_it_nor_assign_a_carrier(world):
    case = make_case(world, lead="UBND-CL", commune="UBND-CL", actor_role="district_officer")
    own = _letter(world, "5/UBND-CL", "UBND-CL")
    hidden = _letter(world, "386/CAT-ANM", "CAT-ANM")
    case.letters.add(hidden)
    client = api_client(world.user("district_officer"))
    url = f"/api/cases/{case.pk}/"

    linked = client.patch(url, {"letters": [own.pk, hidden.pk + 1000]}, format="json")
    assert linked.status_code in (400, 403)
    response = client.patch(url, {"letters": [own.pk]}, format="json")
    assert response.status_code == 200, response.content
    assert set(case.letters.all()) == {own, hidden}  # the letter it cannot see stays linked...
    assert response.json()["letters"] == [own.pk]  # ...and is not shown, not even its id
    assert hidden.pk not in client.get(url).json()["letters"]

    carrier_user = world.user("carrier_operator")
    refused = client.patch(url, {"assignee": carrier_user.pk}, format="json")
    assert refused.status_code == 403 and "assignee" in refused.json()
    case.refresh_from_db()
    assert case.assignee is None


def test_hidden_letter_is_linked_only_by_who_sees_it(world):
    case = make_case(world, lead="UBND-CL", commune="UBND-CL", actor_role="district_officer")
    hidden = _letter(world, "386/CAT-ANM", "CAT-ANM")
    response = api_client(world.user("district_officer")).patch(
        f"/api/cases/{case.pk}/", {"letters": [hidden.pk]}, format="json"
    )
    assert response.status_code == 403 and "letters" in response.json()
    assert not case.letters.exists()


def test_history_does_not_leak_a_letter_the_reader_cannot_open(world):
    case = make_case(world, lead="UBND-CL", commune="UBND-CL", actor_role="district_officer")
    hidden = _letter(world, "386/CAT-ANM", "CAT-ANM")
    inspector = api_client(world.user("inspector"))
    assert inspector.patch(f"/api/cases/{case.pk}/", {"letters": [hidden.pk]}, format="json").status_code == 200
    text = api_client(world.user("district_officer")).get(f"/api/cases/{case.pk}/history/").content.decode()
    assert "386" not in text and "CAT-ANM" not in text and "01/03/2024" not in text
    assert "ngoài quyền xem" in text
    client = login(__import__("django.test", fromlist=["Client"]).Client(), world.user("district_officer"))
    page = client.get(f"/cases/{case.pk}/history/").content.decode()
    assert "386/CAT-ANM" not in page
    # The inspector sees it by name.
    assert "386/CAT-ANM" in inspector.get(f"/api/cases/{case.pk}/history/").content.decode()


def test_officer_cannot_overwrite_personal_data_it_may_not_read(world):
    case = make_case(world, reporter_name="Nguyễn Văn A", reporter_phone="0912345678")
    response = api_client(world.user("officer")).patch(
        f"/api/cases/{case.pk}/", {"reporter_name": "Người khác"}, format="json"
    )
    assert response.status_code == 403 and "reporter_name" in response.json()
    case.refresh_from_db()
    assert case.reporter_name == "Nguyễn Văn A"
    allowed = api_client(world.user("inspector")).patch(
        f"/api/cases/{case.pk}/", {"reporter_name": "Trần Thị B"}, format="json"
    )
    assert allowed.status_code == 200


def test_bad_indicator_in_a_patch_keeps_nothing(world):
    case = make_case(world)
    response = api_client(world.user("officer")).patch(
        f"/api/cases/{case.pk}/",
        {"title": "Tiêu đề mới", "indicators_input": [{"kind": "phone", "value": "12"}]},
        format="json",
    )
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.title == "Vụ việc thử" and not case.indicators.exists()


def test_bad_indicator_in_the_web_edit_keeps_nothing(world, client):
    case = make_case(world)
    login(client, world.user("officer"))
    data = {
        "title": "Tiêu đề mới",
        "category": case.category,
        "source": case.source,
        "received_on": case.received_on.isoformat(),
        "lead_agency": case.lead_agency_id,
        "indicators_text": "phone: 0912345678\nphone: 12",
    }
    response = client.post(f"/cases/{case.pk}/edit/", data)
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.title == "Vụ việc thử" and not case.indicators.exists()


def test_receiving_agency_cannot_rewrite_a_letter_issued_by_another(world):
    letter = _letter(world, "386/CAT-ANM", "CAT-ANM", receivers=["UBND-CL"])
    response = api_client(world.user("district_officer")).patch(
        f"/api/documents/{letter.pk}/", {"summary": "Nội dung bị sửa"}, format="json"
    )
    assert response.status_code == 403
    letter.refresh_from_db()
    assert letter.summary == "Văn bản 386/CAT-ANM"


@pytest.mark.parametrize(
    ("direction", "issuer", "receivers", "expected"),
    [
        ("out", "STTTT", [], 403),  # a letter "issued" by the department, created by a commune: refused
        ("out", "UBND-CL", ["STTTT"], 201),  # its own outgoing letter
        ("in", "STTTT", ["UBND-CL"], 201),  # a letter it received
        ("in", "STTTT", ["UBND-HK"], 403),  # a letter received by another commune
    ],
)
def test_commune_registers_only_its_own_letters(world, direction, issuer, receivers, expected):
    data = {
        "notation": "12/UBND-VP",
        "direction": direction,
        "date": "2026-11-20",
        "issuing_agency": world.agency(issuer).pk,
        "receiving_agencies": [world.agency(code).pk for code in receivers],
        "summary": "Về việc phối hợp",
    }
    before = Document.objects.count()
    response = api_client(world.user("district_officer")).post("/api/documents/", data, format="json")
    assert response.status_code == expected, response.content
    assert Document.objects.count() == before + (1 if expected == 201 else 0)


def test_unknown_fields_are_refused_not_dropped(world):
    from canhgiac.cases.services import cases
    from canhgiac.core.kit import UnknownFieldError

    with pytest.raises(UnknownFieldError, match="status"):
        cases.create(
            actor=world.user("officer"),
            title="x",
            category="fraud",
            source="citizen",
            received_on="2026-11-20",
            lead_agency=world.agency("STTTT"),
            status="closed",
        )
    assert not Case.objects.filter(title="x").exists()


def test_web_edit_of_a_province_case_is_refused_to_the_commune(world, province_case, client):
    login(client, world.user("district_officer"))
    data = {
        "title": "Sửa",
        "category": province_case.category,
        "source": province_case.source,
        "received_on": province_case.received_on.isoformat(),
        "lead_agency": province_case.lead_agency_id,
    }
    response = client.post(f"/cases/{province_case.pk}/edit/", data)
    assert response.status_code == 200 and "Chỉ cơ quan chủ trì" in response.content.decode()
    province_case.refresh_from_db()
    assert province_case.title == "Vụ việc thử"
