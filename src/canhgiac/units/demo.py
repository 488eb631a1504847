"""Demo reference data of a merged province (Hưng Yên, merged with Thái Bình on 1 July 2025): the agencies' "địa
bàn", the two old provinces and their district-level units until 30/06/2025 (demo rows: the package ships only
the units in force since the merger), commune radio stations and staff counts."""

import datetime as dt

from canhgiac.core.models import Agency
from canhgiac.core.services import agencies as agency_service
from canhgiac.units.models import AdministrativeUnit, RadioStation, StaffCount
from canhgiac.units.services import LAST_DAY_BEFORE_MERGER, MERGER, radio_stations, staff_counts, units

DEMO = "dữ liệu mẫu (demo)"
OLD_START = dt.date(2020, 1, 1)
HOME = "33"  # tỉnh Hưng Yên in the package (2025)
# Agency code → the code of its unit (the package's codes).
AGENCY_UNITS = {"STTTT": HOME, "UBND-HY": HOME, "UBND-CL": "11953", "UBND-NQ": "11986"}
OLD_PROVINCES = {
    "33": ("Tỉnh Hưng Yên", ["Thành phố Hưng Yên", "Thị xã Mỹ Hào", "Huyện Văn Lâm", "Huyện Văn Giang", "Huyện Yên Mỹ",
                             "Huyện Khoái Châu", "Huyện Ân Thi", "Huyện Kim Động", "Huyện Phù Cừ", "Huyện Tiên Lữ"]),
    "34": ("Tỉnh Thái Bình", ["Thành phố Thái Bình", "Huyện Đông Hưng", "Huyện Hưng Hà", "Huyện Kiến Xương",
                              "Huyện Quỳnh Phụ", "Huyện Thái Thụy", "Huyện Tiền Hải", "Huyện Vũ Thư"]),
}  # fmt: skip
# Old communes (a few, for the demo) whose successors are the package's communes.
OLD_COMMUNES = [
    ("D3301", "Phường Hiến Nam", "ward", "33", "11953"),
    ("D3302", "Phường Lê Lợi", "ward", "33", "11953"),
    ("D3303", "Thị trấn Như Quỳnh", "township", "33", "11986"),
    ("D3304", "Xã Lạc Hồng", "commune", "33", "11986"),
]
# (name, commune code, agency code, relays the provincial programmes)
STATIONS = [
    ("Đài truyền thanh phường Phố Hiến", "11953", "UBND-CL", True),
    ("Đài truyền thanh xã Như Quỳnh", "11986", "UBND-NQ", True),
]
# (agency, kind, headcount, from): "chỉ có 03 đồng chí" in the inspection unit.
STAFF = [
    ("STTTT-TTra", "inspector", 3, dt.date(2024, 1, 1)),
    ("STTTT", "it", 5, dt.date(2025, 7, 1)),
    ("CAT-ANM", "staff", 12, dt.date(2025, 7, 1)),
]


def _unit(code: str, day: dt.date = MERGER):
    return AdministrativeUnit.objects.filter(code=code).on(day).first()


def _old_units(admin) -> int:
    created = 0
    new_home = _unit(HOME)
    for code, (name, districts) in OLD_PROVINCES.items():
        if _unit(code, LAST_DAY_BEFORE_MERGER):
            continue
        old = units.create(actor=admin, code=code, name=name, kind="province", successor=new_home,
                           valid_from=OLD_START, valid_to=LAST_DAY_BEFORE_MERGER, source=DEMO)  # fmt: skip
        for number, district in enumerate(districts, start=1):
            units.create(actor=admin, code=f"D{code}H{number:02d}", name=district, kind="district", parent=old,
                         valid_from=OLD_START, valid_to=LAST_DAY_BEFORE_MERGER, source=DEMO)  # fmt: skip
        created += 1 + len(districts)
    for code, name, kind, province, successor in OLD_COMMUNES:
        if not AdministrativeUnit.objects.filter(code=code).exists():
            units.create(actor=admin, code=code, name=name, kind=kind, parent=_unit(province, LAST_DAY_BEFORE_MERGER),
                         successor=_unit(successor), valid_from=OLD_START, valid_to=LAST_DAY_BEFORE_MERGER,
                         source=DEMO)  # fmt: skip
            created += 1
    return created


def load(admin) -> str:
    agencies = {a.code: a for a in Agency.objects.all()}
    for code, unit_code in AGENCY_UNITS.items():
        unit = _unit(unit_code)
        if code in agencies and unit and agencies[code].unit_id != unit.pk:
            agency_service.update(agencies[code], actor=admin, unit=unit, reason="Dữ liệu mẫu: địa bàn")
    created = _old_units(admin)
    for name, commune, agency, relays in STATIONS:
        if agency in agencies and not RadioStation.objects.filter(name=name).exists():
            radio_stations.create(actor=admin, name=name, commune=_unit(commune), agency=agencies[agency],
                                  relays=relays, valid_from=MERGER, source=DEMO)  # fmt: skip
    for agency, kind, headcount, since in STAFF:
        if agency in agencies and not StaffCount.objects.filter(agency=agencies[agency], kind=kind).exists():
            staff_counts.create(actor=admin, agency=agencies[agency], kind=kind, headcount=headcount,
                                valid_from=since, source=DEMO)  # fmt: skip
    return (
        f"Đơn vị hành chính trước 01/07/2025 (mẫu): {created} đơn vị mới; đài truyền thanh: "
        f"{RadioStation.objects.count()}; số cán bộ: {StaffCount.objects.count()} bản ghi."
    )
