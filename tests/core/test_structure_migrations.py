"""The 2025 reorganisation migrations run forward on a database holding data of the district era: the district
kind becomes "commune", each district agency gets its "địa bàn", cases keep their area as a locality, the kinds
table is seeded."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("core", "0006_security_events"), ("cases", "0006_move_imports_to_core"), ("units", "0001_initial")]
AFTER = [
    ("core", "0007_agency_kinds_and_units"),
    ("cases", "0007_case_locality"),
    ("units", "0002_radio_stations_staff_counts"),
]


@pytest.mark.django_db(transaction=True)
def test_district_data_migrates_to_communes_and_localities():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Agency, Case, Unit = (
        old.get_model("core", "Agency"),
        old.get_model("cases", "Case"),
        old.get_model("units", "AdministrativeUnit"),
    )
    province = Unit.objects.create(code="42", name="Tỉnh Hà Tĩnh", kind="province", valid_from=dt.date(2025, 7, 1))
    commune = Unit.objects.create(
        code="18073", name="Xã Đồng Lộc", kind="commune", parent=province, valid_from=dt.date(2025, 7, 1)
    )
    department = Agency.objects.create(code="STTTT", name="Sở TT&TT", kind="authority")
    can_loc = Agency.objects.create(code="UBND-CL", name="UBND huyện Can Lộc", kind="district")
    dong_loc = Agency.objects.create(code="UBND-DL", name="UBND xã Đồng Lộc", kind="district")
    Agency.objects.create(code="CAT", name="Công an tỉnh", kind="police")
    common = {"category": "fraud", "source": "citizen", "received_on": dt.date(2024, 3, 4), "lead_agency": department}
    in_district = Case.objects.create(code="VV-2024-00001", title="Ở huyện", district=can_loc, **common)
    in_commune = Case.objects.create(code="VV-2024-00002", title="Ở xã", district=dong_loc, **common)
    nowhere = Case.objects.create(code="VV-2024-00003", title="Không rõ", **common)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Agency, Case = new.get_model("core", "Agency"), new.get_model("cases", "Case")
    AgencyKind, Unit = new.get_model("core", "AgencyKind"), new.get_model("units", "AdministrativeUnit")
    assert AgencyKind.objects.count() == 9 and AgencyKind.objects.get(code="authority").province_wide
    kinds = dict(Agency.objects.values_list("code", "kind"))
    assert kinds == {"STTTT": "authority", "UBND-CL": "commune", "UBND-DL": "commune", "CAT": "police"}
    assert Agency.objects.get(code="UBND-DL").unit_id == commune.pk  # found by name
    made = Unit.objects.get(pk=Agency.objects.get(code="UBND-CL").unit_id)  # made from the agency, ended with the level
    assert (made.name, made.kind, made.valid_to) == ("Huyện Can Lộc", "district", dt.date(2025, 6, 30))
    assert "UBND-CL" in made.source and Agency.objects.get(code="CAT").unit_id is None
    localities = dict(Case.objects.values_list("pk", "locality_id"))
    assert localities == {in_district.pk: made.pk, in_commune.pk: commune.pk, nowhere.pk: None}

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the latest state for the next tests
