import django_filters

from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.routes import filterset_for
from canhgiac.units.models import AdministrativeUnit
from canhgiac.units.services import units

UnitFilterSet = filterset_for(
    units,
    on=django_filters.DateFilter(method="in_force", label="Có hiệu lực ngày"),
    in_force=lambda s, qs, n, v: qs.on(v),
)


class UnitViewSet(BaseViewSet):
    queryset = AdministrativeUnit.objects.select_related("parent")
    filterset_class = UnitFilterSet
    service = units


def register(router) -> None:
    router.register("units", UnitViewSet)
