import datetime as dt

from canhgiac.core.testing import ModelTests, api_client
from canhgiac.units.api import UnitFilterSet
from canhgiac.units.models import AdministrativeUnit
from canhgiac.units.services import load_from_package


class TestAdministrativeUnit(ModelTests):
    model = AdministrativeUnit
    api_url = "/api/units/"
    ui_list = "units:administrativeunit_list"
    writer_role, reader_role = "administrator", "officer"
    filterset_class = UnitFilterSet

    @staticmethod
    def create_data(world):
        return {"code": "42", "name": "Tỉnh Hà Tĩnh", "kind": "province", "valid_from": "2025-07-01"}

    @staticmethod
    def update_data(world, obj):
        return {"name": "Tỉnh Hà Tĩnh (sửa)"}


def test_package_gives_34_provinces_and_their_communes_in_force_by_date(world):
    assert load_from_package(actor=world.user("administrator")) > 3000
    assert load_from_package(actor=world.user("administrator")) == 0  # safe to repeat
    today = AdministrativeUnit.objects.on(dt.date(2026, 12, 2))
    assert today.filter(parent=None).count() == 34
    assert not AdministrativeUnit.objects.on(dt.date(2024, 12, 31)).exists()  # not in force before the merger
    rows = (
        api_client(world.user("district_officer"))
        .get("/api/units/?kind=province&kind=central_city&on=2026-01-01")
        .json()
    )
    assert rows["count"] == 34


def test_end_before_start_is_a_field_error_and_nothing_is_stored(world):
    data = {"code": "42", "name": "X", "kind": "province", "valid_from": "2025-07-01", "valid_to": "2025-01-01"}
    response = api_client(world.user("administrator")).post("/api/units/", data, format="json")
    assert response.status_code == 400 and "valid_to" in response.json()
    assert not AdministrativeUnit.objects.exists()
