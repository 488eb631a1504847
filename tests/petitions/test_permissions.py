"""Every permission rule of the services, through the API, as every role (core.testing.ModelTests), and the rules
of each step of a petition."""

import datetime as dt

import pytest

from canhgiac.core.scoping import can_write
from canhgiac.core.testing import ALL_ROLES, ModelTests, api_client
from canhgiac.petitions.choices import DECIDERS, PETITION_WORKFLOW
from canhgiac.petitions.filtersets import PetitionFilterSet, ReceptionFilterSet
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.steps import ACTIONS
from tests.petitions.helpers import make_letter, make_petition

D = dt.date


class TestPetitionModel(ModelTests):
    model = Petition
    api_url = "/api/petitions/"
    ui_list = "petitions:petition_list"
    filterset_class = PetitionFilterSet
    filter_exempt = ModelTests.filter_exempt + ("code",)

    @staticmethod
    def create_data(world):
        return {
            "kind": "complaint",
            "received_on": "2026-07-01",
            "channel": "post",
            "title": "Khiếu nại quyết định xử phạt",
            "petitioner_name": "Nguyễn Văn An",
            "handling_agency": world.agency("STTTT").pk,
        }

    @staticmethod
    def update_data(world, obj):
        return {"title": "Khiếu nại quyết định xử phạt (bổ sung)"}


class TestReceptionModel(ModelTests):
    model = Reception
    api_url = "/api/receptions/"
    ui_list = "petitions:reception_list"
    filterset_class = ReceptionFilterSet

    @staticmethod
    def create_data(world):
        return {
            "received_on": "2024-03-21",
            "citizen_name": "Trần Thị Bình",
            "citizens_count": 2,
            "locality": "huyện An Phú",
            "kind": "reflection",
            "topic": "Phản ánh bị lừa đảo qua mạng",
            "outcome": "guided",
            "agency": world.agency("STTTT").pk,
        }

    @staticmethod
    def update_data(world, obj):
        return {"outcome_note": "Đã hướng dẫn gửi đơn"}


def _body(world, name):
    if name == "transfer":
        return {"agency": world.agency("CAT-ANM").pk, "letter": make_letter(world).pk, "on": "2026-08-01"}
    if name == "resolve":
        return {"letter": make_letter(world).pk, "on": "2026-08-01"}
    return {"reason": "Lý do thử", "on": "2026-07-20"}


def _expected(world, user, petition, name) -> int:
    if not can_write(user):
        return 403  # the role is refused before the petition is looked up
    if not Petition.objects.visible_to(user).filter(pk=petition.pk).exists():
        return 404
    step = PETITION_WORKFLOW.find(petition.status, ACTIONS[name].target)
    return 200 if step.allows(user) else 403


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("name", ["accept", "refuse", "transfer", "withdraw", "file", "resolve"])
def test_each_step_by_every_role(world, role, name):
    petition = make_petition(world, received_on=D(2026, 7, 1))
    if name == "resolve":
        petition = Petition.objects.get(pk=petition.pk)
        api_client(world.user("inspector")).post(f"/api/petitions/{petition.pk}/accept/", {"on": "2026-07-03"})
        petition.refresh_from_db()
    user = world.user(role)
    expected = _expected(world, user, petition, name)
    before = Petition.objects.filter(pk=petition.pk).values().get()
    response = api_client(user).post(f"/api/petitions/{petition.pk}/{name}/", _body(world, name), format="json")
    assert response.status_code == expected, (role, name, response.content)
    if expected == 200:
        assert response.json()["status"] == ACTIONS[name].target
    else:
        assert Petition.objects.filter(pk=petition.pk).values().get() == before


@pytest.mark.parametrize("role", ALL_ROLES)
def test_extension_by_every_role(world, role):
    petition = make_petition(world, kind="denunciation", received_on=D(2026, 11, 30), respondent="Cơ sở X")
    user = world.user(role)
    if not can_write(user):
        expected = 403
    elif not Petition.objects.visible_to(user).filter(pk=petition.pk).exists():
        expected = 404
    else:
        expected = 200 if user.role in DECIDERS else 403
    body = {"days": 3, "reason": "Phải xác minh ở nhiều nơi"}
    response = api_client(user).post(f"/api/petitions/{petition.pk}/extend/", body, format="json")
    assert response.status_code == expected, (role, response.content)
    petition.refresh_from_db()
    assert petition.accept_extensions == (1 if expected == 200 else 0)


def test_a_commune_handles_its_own_petitions_only(world):
    commune = world.user("district_officer")
    own = make_petition(world, agency="UBND-CL", actor_role="district_officer", received_on=D(2026, 7, 1))
    other = make_petition(world, received_on=D(2026, 7, 1))
    client = api_client(commune)
    assert client.patch(f"/api/petitions/{own.pk}/", {"title": "Sửa"}, format="json").status_code == 200
    assert client.get(f"/api/petitions/{other.pk}/").status_code == 404
    listed = {row["id"] for row in client.get("/api/petitions/").json()["results"]}
    assert listed == {own.pk}
