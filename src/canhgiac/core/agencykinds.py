"""Agency kinds as reference data: pages and API of the ``AgencyKind`` table (seeded by migration 0007; its import
kind is in ``canhgiac.core.imports.agencykinds``)."""

import django_filters

from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.models import AgencyKind
from canhgiac.core.routes import filterset_for
from canhgiac.core.services import agency_kinds

AgencyKindFilterSet = filterset_for(
    agency_kinds,
    province_wide=django_filters.BooleanFilter(label="Phạm vi toàn tỉnh"),
    contributes=django_filters.BooleanFilter(label="Mặc định tham gia đợt báo cáo"),
)


class AgencyKindViewSet(BaseViewSet):
    queryset = AgencyKind.objects.all()
    filterset_class = AgencyKindFilterSet
    service = agency_kinds
