"""Report figures from versioned reference data: each counts the rows in force on the period's last day
(``valid_from__in_force``, see ``units.validity``), so a report of 2024 counts 2024's communes and districts."""

from django.db.models import Q

from canhgiac.core.figures import DerivedFigure, Figure, percentage
from canhgiac.units.models import COMMUNE_KINDS, StaffKindChoices, UnitKindChoices
from canhgiac.units.queries import home_provinces

IN_FORCE = {"date_field": "valid_from__in_force", "snapshot": True, "date_params": ("on", "on")}
UNIT = {
    **IN_FORCE,
    "model": "units.AdministrativeUnit",
    "url": "units:administrativeunit_list",
    "group": "Đơn vị hành chính, đài truyền thanh, cán bộ",
}
RADIO = {**UNIT, "model": "units.RadioStation", "url": "units:radiostation_list", "agency_field": "agency",
         "agency_param": "agency"}  # fmt: skip
STAFF = {**UNIT, "model": "units.StaffCount", "url": "units:staffcount_list", "agency_field": "agency",
         "agency_param": "agency", "aggregate": "sum:headcount", "unit": "people"}  # fmt: skip
HOME = {"home": "true"}  # the drill-down's filter for the province the deployment serves


def _home(**filters) -> Q:
    return Q(parent__in=home_provinces(), **filters)


FIGURES = [
    Figure(
        "units.communes",
        "Số đơn vị hành chính cấp xã (xã, phường, thị trấn, đặc khu) cuối kỳ",
        unit_label="xã, phường",
        filters=_home(kind__in=COMMUNE_KINDS),
        url_params={**HOME, "kind": list(COMMUNE_KINDS)},
        **UNIT,
    ),
    Figure(
        "units.districts",
        "Số đơn vị hành chính cấp huyện cuối kỳ (đến 30/06/2025)",
        unit_label="huyện, thị xã, thành phố",
        filters=_home(kind=UnitKindChoices.DISTRICT),
        url_params={**HOME, "kind": [UnitKindChoices.DISTRICT]},
        **UNIT,
    ),
    Figure("units.radio_stations", "Đài, trạm truyền thanh cơ sở cuối kỳ", unit_label="đài, trạm", **RADIO),
    Figure(
        "units.radio_relaying",
        "Đài, trạm truyền thanh cơ sở tiếp phát chương trình của tỉnh",
        unit_label="đài, trạm",
        filters={"relays": True},
        url_params={"relays": "true"},
        **RADIO,
    ),
    DerivedFigure(
        "units.radio_relay_share",
        "Tỷ lệ trạm truyền thanh cơ sở tiếp phát chương trình của tỉnh",
        inputs=("units.radio_relaying", "units.radio_stations"),
        formula=percentage("units.radio_relaying", "units.radio_stations"),
        group=UNIT["group"],
    ),
    Figure("units.staff", "Số cán bộ (mọi loại) cuối kỳ", **STAFF),
    Figure(
        "units.staff_inspectors",
        "Số cán bộ thanh tra, kiểm tra chuyên ngành cuối kỳ",
        filters={"kind": StaffKindChoices.INSPECTOR},
        url_params={"kind": StaffKindChoices.INSPECTOR},
        **STAFF,
    ),
]
