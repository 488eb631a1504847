import django_filters

from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.routes import filterset_for
from canhgiac.units.models import AdministrativeUnit, RadioStation, StaffCount
from canhgiac.units.queries import home_units, in_home_province
from canhgiac.units.services import radio_stations, staff_counts, units


def _in_force(queryset, name, value):
    return queryset.on(value) if value else queryset


def versioned_filterset(service, **extra):
    """The service's filters plus ``?on=YYYY-MM-DD``: the rows in force that day."""
    return filterset_for(
        service,
        on=django_filters.DateFilter(method="in_force", label="Có hiệu lực ngày"),
        in_force=lambda self, qs, name, value: _in_force(qs, name, value),
        **extra,
    )


def _home(queryset, name, value):
    if value is None:
        return queryset
    return queryset.filter(in_home_province()) if value else queryset.exclude(in_home_province())


UnitFilterSet = versioned_filterset(
    units,
    province=django_filters.CharFilter(field_name="parent__code", label="Mã tỉnh"),
    successor=django_filters.NumberFilter(field_name="successor", label="Mã (id) đơn vị mới"),
    home=django_filters.BooleanFilter(method="filter_home", label="Thuộc tỉnh mình"),
    filter_home=lambda self, qs, name, value: _home(qs, name, value),
)
RadioStationFilterSet = versioned_filterset(
    radio_stations,
    commune=django_filters.ModelChoiceFilter(queryset=home_units, label="Xã/phường"),
    province=django_filters.CharFilter(field_name="commune__parent__code", label="Mã tỉnh"),
    relays=django_filters.BooleanFilter(label="Tiếp phát chương trình của tỉnh"),
)
StaffCountFilterSet = versioned_filterset(staff_counts)


class UnitViewSet(BaseViewSet):
    queryset = AdministrativeUnit.objects.select_related("parent")
    filterset_class = UnitFilterSet
    service = units


class RadioStationViewSet(BaseViewSet):
    queryset = RadioStation.objects.select_related("commune", "agency")
    filterset_class = RadioStationFilterSet
    service = radio_stations


class StaffCountViewSet(BaseViewSet):
    queryset = StaffCount.objects.select_related("agency")
    filterset_class = StaffCountFilterSet
    service = staff_counts


def register(router) -> None:
    router.register("units", UnitViewSet)
    router.register("radio-stations", RadioStationViewSet)
    router.register("staff-counts", StaffCountViewSet)
