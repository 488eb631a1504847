import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.imports.runner import import_now
from canhgiac.core.testing import ModelTests, api_client, login
from canhgiac.units.api import UnitFilterSet
from canhgiac.units.models import AdministrativeUnit
from canhgiac.units.services import SOURCE, load_from_package


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
    package = AdministrativeUnit.objects.filter(source=SOURCE)
    assert package.on(dt.date(2026, 12, 2)).filter(parent=None).count() == 34
    assert not package.on(dt.date(2024, 12, 31)).exists()  # not in force before the merger
    query = "?kind=province&kind=central_city&on=2026-01-01&q=&source="
    body = api_client(world.user("district_officer")).get(f"/api/units/{query}").json()
    assert body["count"] == 34 + 1  # and the test world's own province


def test_end_before_start_is_a_field_error_and_nothing_is_stored(world):
    data = {"code": "42", "name": "X", "kind": "province", "valid_from": "2025-07-01", "valid_to": "2025-01-01"}
    response = api_client(world.user("administrator")).post("/api/units/", data, format="json")
    assert response.status_code == 400 and "valid_to" in response.json()
    assert not AdministrativeUnit.objects.filter(code="42").exists()


def test_import_through_the_service_all_or_nothing_with_row_errors(world, client):
    admin = world.user("administrator")
    header = login(client, admin).get("/imports/units/template.csv").content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Mã đơn vị,Tên,Cấp hành chính,Thuộc tỉnh,Sáp nhập vào (đơn vị mới),Hiệu lực từ ngày"), (
        header
    )
    good = "Mã đơn vị,Tên,Cấp hành chính,Thuộc tỉnh,Hiệu lực từ ngày\n42,Tỉnh Hà Tĩnh,Tỉnh,,01/07/2025\n"
    assert import_now("units", SimpleUploadedFile("u.csv", good.encode()), actor=admin).status == "done"
    bad = good.replace("42,", "43,") + "12345,Xã X,Xã,99,31/02/2025\n"
    job = import_now("units", SimpleUploadedFile("u.csv", bad.encode()), actor=admin)
    assert job.status == "failed" and {e["row"] for e in job.errors} == {3}
    assert not AdministrativeUnit.objects.filter(code="43").exists()
    assert AdministrativeUnit.objects.get(code="42").history.first().history_user == admin
