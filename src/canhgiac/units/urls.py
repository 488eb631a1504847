from canhgiac.core.routes import record_urls, table_for
from canhgiac.units.api import RadioStationFilterSet, StaffCountFilterSet, UnitFilterSet
from canhgiac.units.forms import RadioStationForm
from canhgiac.units.services import radio_stations, staff_counts, units

app_name = "units"
urlpatterns = [
    *record_urls(app_name, units, filterset=UnitFilterSet, import_kind="units"),
    *record_urls(
        app_name,
        radio_stations,
        form=RadioStationForm,
        filterset=RadioStationFilterSet,
        prefix="radio/",
        import_kind="radio-stations",
    ),
    *record_urls(
        app_name,
        staff_counts,
        table=table_for(staff_counts, ("kind", "agency", "headcount", "valid_from", "valid_to", "source")),
        filterset=StaffCountFilterSet,
        prefix="staff/",
        import_kind="staff-counts",
    ),
]
