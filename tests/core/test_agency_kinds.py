"""Agency kinds are data: the table seeded by migration, its flags drive scoping; a commune officer sees the cases
located in their agency's commune."""

import datetime as dt

from canhgiac.cases.models import Case
from canhgiac.core.agencykinds import AgencyKindFilterSet
from canhgiac.core.models import Agency, AgencyKind, User
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.testing import ModelTests, api_client, login
from tests.cases.helpers import make_case


class TestAgencyKind(ModelTests):
    model = AgencyKind
    api_url = "/api/agency-kinds/"
    ui_list = "core:agencykind_list"
    writer_role, reader_role = "administrator", "officer"
    filterset_class = AgencyKindFilterSet

    def _baseline_count(self, world):
        return 9  # the kinds seeded by migration core.0007

    @staticmethod
    def create_data(world):
        return {"code": "museum", "name": "Bảo tàng", "contributes": True}

    @staticmethod
    def update_data(world, obj):
        return {"province_wide": True}


def test_the_seeded_kinds_say_who_is_province_wide_and_who_contributes(db):
    kinds = {k.code: k for k in AgencyKind.objects.all()}
    assert set(kinds) == {"authority", "police", "carrier", "commune", "department", "press", "registrar",
                          "platform", "other"}  # fmt: skip
    assert [c for c, k in kinds.items() if k.province_wide] == ["authority"]
    assert "Khoa học và Công nghệ" in kinds["authority"].name and "cấp xã" in kinds["commune"].name
    assert {c for c, k in kinds.items() if k.contributes} == {"police", "carrier", "commune", "department", "press"}


def test_a_kind_flagged_province_wide_gives_its_staff_global_scope(world):
    press = Agency.objects.get(code="BAO")
    editor = User.objects.create_user(username="bientap", password="x-2026-mat-khau", role="officer", agency=press)
    make_case(world, lead="STTTT")
    assert not has_global_scope(editor)
    assert api_client(editor).get("/api/cases/").json()["count"] == 0
    response = api_client(world.user("administrator")).patch(
        f"/api/agency-kinds/{AgencyKind.objects.get(code='press').pk}/", {"province_wide": True}, format="json"
    )
    assert response.status_code == 200
    editor = User.objects.get(pk=editor.pk)  # a new request reads the flag again
    assert has_global_scope(editor)
    assert api_client(editor).get("/api/cases/").json()["count"] == Case.objects.count() == 1
    # Partner roles never get province-wide scope, whatever their agency's kind.
    assert not has_global_scope(User.objects.get(pk=world.user("police_liaison").pk))


def test_an_unknown_kind_is_refused_with_the_codes_that_exist(world):
    data = {"name": "Cơ quan lạ", "code": "LA", "kind": "district"}
    response = api_client(world.user("administrator")).post("/api/agencies/", data, format="json")
    assert response.status_code == 400 and "Không có loại cơ quan mã “district”" in str(response.json()["kind"])
    assert not Agency.objects.filter(code="LA").exists()


def test_agency_pages_offer_the_kinds_of_the_table_and_show_the_unit(world, client):
    login(client, world.user("administrator"))
    AgencyKind.objects.create(code="museum", name="Bảo tàng tỉnh")
    page = client.get("/agencies/add/").content.decode()
    assert '<option value="museum">Bảo tàng tỉnh</option>' in page and "UBND cấp xã" in page
    detail = client.get(world.agency("UBND-CL").get_absolute_url()).content.decode()
    assert "Phường Một" in detail and "UBND cấp xã" in detail
    listing = client.get("/agencies/?kind=commune").content.decode()
    table = listing[listing.index("<table") :]
    assert "Cơ quan UBND-CL" in table and "Cơ quan VIETTEL" not in table


def test_a_commune_officer_sees_the_cases_of_their_agencys_commune(world):
    here = make_case(world, title="ở phường Một", commune="UBND-CL")
    there = make_case(world, title="ở xã Hai", commune="UBND-HK")
    province = make_case(world, title="cả tỉnh", locality=world.units["STTTT"])
    client = api_client(world.user("district_officer"))
    assert {c["id"] for c in client.get("/api/cases/").json()["results"]} == {here.pk}
    assert province.locality.kind == "province" and there.locality == world.units["UBND-HK"]
    # The agency's "địa bàn" is data: moved to xã Hai, its officers see xã Hai's cases instead.
    api_client(world.user("administrator")).patch(
        f"/api/agencies/{world.agency('UBND-CL').pk}/", {"unit": world.units["UBND-HK"].pk}, format="json"
    )
    assert {c["id"] for c in client.get("/api/cases/").json()["results"]} == {there.pk}


def test_the_case_form_offers_the_communes_in_force_and_the_page_shows_the_locality(world, client):
    from canhgiac.units.models import AdministrativeUnit

    old = AdministrativeUnit.objects.create(
        code="C0", name="Xã Cũ", kind="commune", parent=world.units["STTTT"], valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    login(client, world.user("officer"))
    form = client.get("/cases/add/").content.decode()
    assert "Địa bàn (xã/phường)" in form and "Phường Một" in form and "Xã Cũ" not in form
    case = make_case(world, locality=old)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Xã Cũ (đến 30/06/2025)" in page
    edit = client.get(case.get_absolute_url() + "edit/").content.decode()
    assert f'value="{old.pk}" selected' in edit  # an old case keeps its old commune
