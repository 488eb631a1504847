"""Role × endpoint × owning agency: who sees which rows, through the API and the web pages alike."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.cases.services import attach_evidence
from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.services import register_document
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case

ROLES = [
    "administrator",
    "leader",
    "inspector",
    "officer",
    "police_liaison",
    "carrier_operator",
    "district_officer",
    "viewer",
]
# Which records each role sees. Records: "authority" (led by the Sở), "police" (led by the police),
# "to_viettel" (addressed to Viettel), "district" (in the commune of UBND-CL), "other_district" (UBND-HK).
VISIBLE = {
    "administrator": {"authority", "police", "to_viettel", "district", "other_district"},
    "leader": {"authority", "police", "to_viettel", "district", "other_district"},
    "inspector": {"authority", "police", "to_viettel", "district", "other_district"},
    "officer": {"authority", "police", "to_viettel", "district", "other_district"},
    "viewer": {"authority", "police", "to_viettel", "district", "other_district"},
    "police_liaison": {"police"},
    "carrier_operator": {"to_viettel"},
    "district_officer": {"district"},
}
ENDPOINTS = ["/api/cases/", "/api/indicators/", "/api/evidence/", "/api/documents/"]


@pytest.fixture
def records(world):
    cases = {
        "authority": make_case(world, title="authority", indicators=[("phone", "0912000001")]),
        "police": make_case(world, title="police", lead="CAT-ANM", indicators=[("phone", "0912000002")]),
        "to_viettel": make_case(world, title="to_viettel", addressed=["VIETTEL"], indicators=[("phone", "0912000003")]),
        "district": make_case(world, title="district", commune="UBND-CL", indicators=[("phone", "0912000004")]),
        "other_district": make_case(
            world, title="other_district", commune="UBND-HK", indicators=[("phone", "0912000005")]
        ),
    }
    owner = world.user("officer")
    labels = {}
    for label, case in cases.items():
        evidence = attach_evidence(case, SimpleUploadedFile(f"{label}.txt", label.encode()), actor=owner)
        labels[("/api/cases/", case.pk)] = label
        labels[("/api/indicators/", case.indicators.get().pk)] = label
        labels[("/api/evidence/", evidence.pk)] = label
    receivers = {
        "authority": "STTTT",
        "police": "CAT-ANM",
        "to_viettel": "VIETTEL",
        "district": "UBND-CL",
        "other_district": "UBND-HK",
    }
    for label, code in receivers.items():
        document = register_document(
            actor=owner,
            notation=f"{len(labels)}/STTTT-TTra",
            direction="out",
            date="2024-01-02",
            issuing_agency=world.agency("TTRA"),
            receiving_agencies=[world.agency(code)] if code != "STTTT" else [],
            summary=label,
        )
        labels[("/api/documents/", document.pk)] = label
    return labels


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_rows_follow_role_and_agency(world, records, role, endpoint):
    client = api_client(world.user(role))
    response = client.get(endpoint, {"page_size": 100})
    assert response.status_code == 200
    seen = {records[(endpoint, row["id"])] for row in response.json()["results"]}
    assert seen == VISIBLE[role]
    for (path, pk), label in records.items():
        if path == endpoint:
            detail = client.get(f"{endpoint}{pk}/")
            assert detail.status_code == (200 if label in VISIBLE[role] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_web_list_and_detail_follow_the_same_rules(world, records, client, role):
    login(client, world.user(role))
    page = client.get("/cases/").content.decode()
    for (path, pk), label in records.items():
        if path != "/api/cases/":
            continue
        assert (f"/cases/{pk}/" in page) == (label in VISIBLE[role]), label
        assert client.get(f"/cases/{pk}/").status_code == (200 if label in VISIBLE[role] else 404)


@pytest.mark.parametrize("role, can_write", [(r, r not in ("viewer", "carrier_operator")) for r in ROLES])
def test_write_permission_by_role(world, role, can_write):
    client = api_client(world.user(role))
    agency = world.user(role).agency
    response = client.post(
        "/api/cases/",
        {"title": "t", "category": "other", "source": "other", "received_on": "2024-01-01", "lead_agency": agency.pk},
        format="json",
    )
    assert response.status_code == (201 if can_write else 403), response.content


def test_only_administrators_manage_agencies(world):
    data = {"name": "Sở Y tế", "code": "SYT", "kind": "department"}
    assert api_client(world.user("leader")).post("/api/agencies/", data).status_code == 403
    assert api_client(world.user("administrator")).post("/api/agencies/", data).status_code == 201


def test_personal_data_hidden_from_roles_that_do_not_need_it_and_reads_logged(world, client):
    case = make_case(world, reporter_name="Nguyễn Văn A", reporter_phone="0912345678", addressed=["VIETTEL"])
    hidden = api_client(world.user("officer")).get(f"/api/cases/{case.pk}/").json()
    assert "reporter_name" not in hidden
    carrier = api_client(world.user("carrier_operator")).get(f"/api/cases/{case.pk}/").json()
    assert "reporter_phone" not in carrier
    assert not PersonalDataAccess.objects.exists()
    shown = api_client(world.user("inspector")).get(f"/api/cases/{case.pk}/").json()
    assert shown["reporter_name"] == "Nguyễn Văn A"
    log = PersonalDataAccess.objects.get()
    assert log.user == world.user("inspector") and log.channel == "api" and "reporter_phone" in log.fields
    listing = api_client(world.user("inspector")).get("/api/cases/").json()
    assert "reporter_name" not in listing["results"][0]
    login(client, world.user("inspector"))
    assert "Nguyễn Văn A" in client.get(case.get_absolute_url()).content.decode()
    assert PersonalDataAccess.objects.filter(channel="web").count() == 1
    login(client, world.user("officer"))
    assert "Nguyễn Văn A" not in client.get(case.get_absolute_url()).content.decode()
    history = client.get(case.get_absolute_url() + "history/").content.decode()
    assert "Nguyễn Văn A" not in history
