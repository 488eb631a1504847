"""Reference data versioned by date: administrative units before and after 1 July 2025, commune radio stations,
staff per agency — each counted as in force on the period's last day, through the figures catalogue."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core import figures
from canhgiac.core.imports.runner import import_now
from canhgiac.core.testing import ModelTests, api_client
from canhgiac.units.api import RadioStationFilterSet, StaffCountFilterSet
from canhgiac.units.models import AdministrativeUnit, RadioStation, StaffCount
from canhgiac.units.services import radio_stations, staff_counts

Y2024 = figures.Window(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
Y2026 = figures.Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
HEADER = "Mã đơn vị,Tên,Cấp hành chính,Thuộc tỉnh,Sáp nhập vào (đơn vị mới),Hiệu lực từ ngày,Hiệu lực đến hết ngày\n"
OLD = "01/01/2020,30/06/2025"
# The world's province "99" (from 01/07/2025, two communes) was formed from old "99" and old "98"; "77" is another.
OLD_UNITS = (
    f"99,Tỉnh Thử (cũ),Tỉnh,,99,{OLD}\n98,Tỉnh Bên,Tỉnh,,99,{OLD}\n77,Tỉnh Xa,Tỉnh,,,{OLD}\n"
    f"D1,Huyện Một,Cấp huyện (trước 01/07/2025),99,,{OLD}\nD2,Huyện Hai,Cấp huyện (trước 01/07/2025),98,,{OLD}\n"
    f"C1,Xã Một,Xã,99,99001,{OLD}\nC2,Xã Hai cũ,Xã,99,99002,{OLD}\nC3,Xã Ba,Xã,98,99002,{OLD}\n"
    f"C4,Thị trấn Bốn,Thị trấn (trước 01/07/2025),99,99001,{OLD}\nC9,Xã Xa,Xã,77,,{OLD}\n"
)


def _import_old_units(world):
    job = import_now(
        "units", SimpleUploadedFile("u.csv", (HEADER + OLD_UNITS).encode()), actor=world.user("administrator")
    )
    assert job.status == "done", job.errors
    return job


def _drilldown_count(world, key, window, agency=None):
    """The drill-down list's filters, asked of the API: the rows the figure counts."""
    url = figures.get(key).drilldown_url(window, agency)
    api = url.replace("/units/radio/", "/api/radio-stations/").replace("/units/staff/", "/api/staff-counts/")
    api = api.replace("/units/", "/api/units/")
    return api_client(world.user("officer")).get(api).json()["count"]


def test_a_2024_window_counts_the_old_units_and_a_2026_window_the_new(world):
    _import_old_units(world)
    old_province = AdministrativeUnit.objects.get(code="98")
    assert old_province.successor == world.units["STTTT"] and old_province.valid_to == dt.date(2025, 6, 30)
    keys = ["units.communes", "units.districts"]
    assert figures.compute(Y2024, keys) == {"units.communes": 4, "units.districts": 2}  # not "77"'s commune
    assert figures.compute(Y2026, keys) == {"units.communes": 2, "units.districts": 0}
    last_day_before = figures.Window(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert figures.compute(last_day_before, keys)["units.communes"] == 4
    for window in (Y2024, Y2026):
        for key in keys:
            assert _drilldown_count(world, key, window) == figures.compute(window, [key])[key]


def test_import_resolves_a_code_to_the_version_in_force_and_reports_a_missing_one(world):
    _import_old_units(world)
    assert AdministrativeUnit.objects.get(code="C1").parent.name == "Tỉnh Thử (cũ)"  # not today's "99"
    bad = HEADER + "C5,Xã Năm,Xã,55,,01/01/2020,30/06/2025\nC6,Xã Sáu,Xã,99,,01/01/2020,30/06/2025\n"
    job = import_now("units", SimpleUploadedFile("u.csv", bad.encode()), actor=world.user("administrator"))
    assert job.status == "failed" and [(e["row"], e["column"]) for e in job.errors] == [(2, "Thuộc tỉnh")]
    assert "không có tỉnh mã “55”" in job.errors[0]["message"]
    assert not AdministrativeUnit.objects.filter(code__in=["C5", "C6"]).exists()


def test_a_new_version_ends_the_previous_one_and_an_overlap_is_refused(world):
    officer = world.user("officer")
    first = staff_counts.create(
        actor=officer, agency=world.agency("TTRA"), kind="inspector", headcount=3, valid_from=dt.date(2024, 1, 1)
    )
    staff_counts.create(
        actor=officer, agency=world.agency("TTRA"), kind="inspector", headcount=5, valid_from=dt.date(2026, 3, 1)
    )
    first.refresh_from_db()
    assert first.valid_to == dt.date(2026, 2, 28)
    assert first.history.first().history_change_reason.startswith("Kết thúc hiệu lực")
    data = {"agency": world.agency("TTRA").pk, "kind": "inspector", "headcount": 4, "valid_from": "2025-01-01"}
    response = api_client(officer).post("/api/staff-counts/", data, format="json")
    assert response.status_code == 400 and "Trùng thời gian hiệu lực" in str(response.json()["valid_from"])
    assert StaffCount.objects.count() == 2
    figure = "units.staff_inspectors"
    assert figures.compute(Y2024, [figure], agency=world.agency("TTRA"))[figure] == 3  # "chỉ có 03 đồng chí"
    assert figures.compute(Y2026, [figure], agency=world.agency("TTRA"))[figure] == 5
    assert figures.compute(Y2026, [figure], agency=world.agency("STTTT"))[figure] == 0
    assert _drilldown_count(world, figure, Y2024, world.agency("TTRA")) == 1


def test_radio_stations_and_the_share_relaying_as_in_force_at_the_end(world):
    officer, start = world.user("officer"), dt.date(2025, 7, 1)
    one, two = world.units["UBND-CL"], world.units["UBND-HK"]
    for name, commune, agency, relays, end in [
        ("Đài xã Hai", two, "UBND-HK", True, None),
        ("Đài phường Một", one, "UBND-CL", True, None),
        ("Trạm phường Một (cũ)", one, "UBND-CL", False, dt.date(2025, 12, 31)),
        ("Trạm thôn Đông", two, "UBND-HK", False, None),
    ]:
        radio_stations.create(
            actor=officer, name=name, commune=commune, agency=world.agency(agency), relays=relays,
            valid_from=start, valid_to=end,
        )  # fmt: skip
    keys = ["units.radio_stations", "units.radio_relaying", "units.radio_relay_share"]
    values = figures.compute(Y2026, keys)
    assert (values["units.radio_stations"], values["units.radio_relaying"]) == (3, 2)
    assert str(values["units.radio_relay_share"]) == "66.67"
    in_2025 = figures.compute(figures.Window(dt.date(2025, 7, 1), dt.date(2025, 12, 31)), keys)
    assert in_2025["units.radio_stations"] == 4
    assert figures.compute(Y2024, keys)["units.radio_relay_share"] is None  # no station: no share, not 0 %
    per_commune = figures.compute(Y2026, keys, agency=world.agency("UBND-CL"))
    assert (per_commune["units.radio_stations"], per_commune["units.radio_relaying"]) == (1, 1)
    for key in keys[:2]:
        assert _drilldown_count(world, key, Y2026) == values[key]


def test_a_commune_keeps_its_own_stations_only(world):
    commune_officer = world.user("district_officer")
    data = {"name": "Đài X", "commune": world.units["UBND-HK"].pk, "agency": world.agency("UBND-HK").pk,
            "valid_from": "2025-07-01"}  # fmt: skip
    assert api_client(commune_officer).post("/api/radio-stations/", data, format="json").status_code == 403
    data["agency"] = world.agency("UBND-CL").pk
    assert api_client(commune_officer).post("/api/radio-stations/", data, format="json").status_code == 201
    assert RadioStation.objects.get().created_by == commune_officer


class TestRadioStation(ModelTests):
    model = RadioStation
    api_url = "/api/radio-stations/"
    ui_list = "units:radiostation_list"
    filterset_class = RadioStationFilterSet

    @staticmethod
    def create_data(world):
        return {"name": "Đài truyền thanh phường Một", "commune": world.units["UBND-CL"].pk,
                "agency": world.agency("STTTT").pk, "relays": True, "valid_from": "2025-07-01"}  # fmt: skip

    @staticmethod
    def update_data(world, obj):
        return {"relays": False}


class TestStaffCount(ModelTests):
    model = StaffCount
    api_url = "/api/staff-counts/"
    ui_list = "units:staffcount_list"
    filterset_class = StaffCountFilterSet

    @staticmethod
    def create_data(world):
        return {"agency": world.agency("STTTT").pk, "kind": "inspector", "headcount": 3, "valid_from": "2024-01-01"}

    @staticmethod
    def update_data(world, obj):
        return {"headcount": 4}


def test_the_station_form_offers_the_home_provinces_communes_in_force(world, client):
    from canhgiac.core.testing import login

    elsewhere = AdministrativeUnit.objects.create(
        code="77001", name="Xã Nơi Khác", kind="commune", valid_from="2025-07-01"
    )
    page = login(client, world.user("officer")).get("/units/radio/add/").content.decode()
    assert "Phường Một" in page and "Xã Hai" in page and elsewhere.name not in page
    assert "Tỉnh Thử" not in page[page.index('name="commune"') : page.index("</select>", page.index('name="commune"'))]
