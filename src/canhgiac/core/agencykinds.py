"""Agency kinds as reference data: pages, API and import of the ``AgencyKind`` table (seeded by migration 0007)."""

import django_filters

from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.imports.kinds import register
from canhgiac.core.imports.records import RecordImportKind
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


@register
class AgencyKindImport(RecordImportKind):
    name = "agency-kinds"
    service = agency_kinds


EXAMPLE = {"code": "commune", "name": "UBND cấp xã (xã, phường, đặc khu)", "contributes": "Có"}
for _column in AgencyKindImport.columns:
    _column.example = EXAMPLE.get(_column.key, _column.example)
