"""Petitioners' and citizens' personal data: visible only to roles entitled to it, and each read logged."""

import datetime as dt

import pytest
from django.urls import reverse

from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.core.testing import ALL_ROLES, api_client, login
from canhgiac.petitions.models import Petition
from canhgiac.petitions.services import receptions
from tests.petitions.helpers import make_petition

NAME = "Lê Thị Cẩm Vân"


def logged(obj, channel):
    return PersonalDataAccess.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk), channel=channel)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_api_detail_shows_the_petitioner_only_to_entitled_roles_and_logs_it(world, role):
    petition = make_petition(world, petitioner_name=NAME, petitioner_id_number="089123456789")
    user = world.user(role)
    response = api_client(user).get(f"/api/petitions/{petition.pk}/")
    if not Petition.objects.visible_to(user).filter(pk=petition.pk).exists():
        assert response.status_code == 404
        return
    data = response.json()
    if can_read_personal_data(user):
        assert data["petitioner_name"] == NAME and data["petitioner_id_number"] == "089123456789"
        row = logged(petition, "api").get()
        assert row.user == user and "petitioner_name" in row.fields
    else:
        assert "petitioner_name" not in data and "petitioner_id_number" not in data
        assert NAME not in response.content.decode()
        assert not logged(petition, "api").exists()


def test_lists_exports_and_history_never_show_it(world, client):
    petition = make_petition(world, petitioner_name=NAME)
    client_api = api_client(world.user("inspector"))
    assert NAME not in client_api.get("/api/petitions/").content.decode()
    assert NAME not in client_api.get(f"/api/petitions/{petition.pk}/history/").content.decode()
    login(client, world.user("inspector"))
    for url in (reverse("petitions:petition_list"), reverse("petitions:petition_list") + "?_export=csv"):
        assert NAME not in client.get(url).content.decode()
    assert NAME not in client.get(reverse("petitions:petition_history", args=[petition.pk])).content.decode()
    assert not PersonalDataAccess.objects.exists()


def test_the_page_shows_it_to_an_inspector_with_a_log_row_and_not_to_an_officer(world, client):
    petition = make_petition(world, petitioner_name=NAME)
    login(client, world.user("officer"))
    for url in (petition.get_absolute_url(), reverse("petitions:petition_edit", args=[petition.pk])):
        assert NAME not in client.get(url).content.decode()
    assert not PersonalDataAccess.objects.exists()
    login(client, world.user("inspector"))
    assert NAME in client.get(petition.get_absolute_url()).content.decode()
    assert logged(petition, "web").get().user == world.user("inspector")
    assert NAME in client.get(reverse("petitions:petition_edit", args=[petition.pk])).content.decode()
    assert logged(petition, "web").count() == 2


def test_a_role_not_entitled_cannot_overwrite_it(world):
    petition = make_petition(world, petitioner_name=NAME)
    response = api_client(world.user("officer")).patch(
        f"/api/petitions/{petition.pk}/", {"petitioner_name": "Người khác"}, format="json"
    )
    assert response.status_code == 403 and "petitioner_name" in response.json()
    assert Petition.objects.get(pk=petition.pk).petitioner_name == NAME


def test_reception_citizen_follows_the_same_rules(world, client):
    reception = receptions.create(
        actor=world.user("officer"), received_on=dt.date(2024, 3, 21), citizen_name=NAME, locality="huyện An Phú",
        kind="reflection", topic="Phản ánh lừa đảo", outcome="guided", agency=world.agency("STTTT"),
    )  # fmt: skip
    viewer = api_client(world.user("viewer")).get(f"/api/receptions/{reception.pk}/").json()
    assert "citizen_name" not in viewer
    leader = api_client(world.user("leader")).get(f"/api/receptions/{reception.pk}/").json()
    assert leader["citizen_name"] == NAME and logged(reception, "api").count() == 1
    login(client, world.user("viewer"))
    assert NAME not in client.get(reception.get_absolute_url()).content.decode()
    login(client, world.user("leader"))
    assert NAME in client.get(reception.get_absolute_url()).content.decode()
    assert logged(reception, "web").count() == 1
