import django_filters

from canhgiac.core.routes import filterset_for
from canhgiac.posture.legal import basis_choices
from canhgiac.posture.services import endpoints, systems

LEVELS = [(n, f"Cấp độ {n}") for n in range(1, 6)]


def dates(field: str, label: str) -> dict:
    """A from/to pair of date filters on ``field`` (both ends included), as the figures' drill-downs use them."""
    short = field.removesuffix("_on")
    return {
        f"{short}_after": django_filters.DateFilter(field_name=field, lookup_expr="gte", label=f"{label} từ ngày"),
        f"{short}_before": django_filters.DateFilter(field_name=field, lookup_expr="lte", label="đến ngày"),
    }


SystemFilterSet = filterset_for(
    systems,
    security_level=django_filters.MultipleChoiceFilter(choices=LEVELS, label="Cấp độ"),
    legal_basis=django_filters.MultipleChoiceFilter(choices=basis_choices(), label="Căn cứ pháp lý"),
    protection_deployed=django_filters.BooleanFilter(label="Đã triển khai phương án"),
    **dates("approved_on", "Phê duyệt"),
    **dates("listed_on", "Đưa vào danh mục"),
    **dates("protection_deployed_on", "Triển khai phương án"),
)
# The short names the drill-downs use for the deployment dates.
SystemFilterSet.base_filters["deployed_after"] = SystemFilterSet.base_filters.pop("protection_deployed_after")
SystemFilterSet.base_filters["deployed_before"] = SystemFilterSet.base_filters.pop("protection_deployed_before")

EndpointFilterSet = filterset_for(
    endpoints,
    protected=django_filters.BooleanFilter(label="Đã cài phần mềm"),
    **dates("installed_on", "Cài đặt"),
    **dates("listed_on", "Ghi nhận"),
)
