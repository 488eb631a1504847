import django_filters

from canhgiac.core.routes import filterset_for
from canhgiac.posture.filtersets import dates
from canhgiac.secops.choices import IncidentStatusChoices
from canhgiac.secops.services import alerts, incidents, networks, warnings


def _named(queryset, name, value):
    if value is None:
        return queryset
    return queryset.exclude(malware_family="") if value else queryset.filter(malware_family="")


def _moments(field: str, label: str) -> dict:
    """From/to filters on the local day of a date-time field, as the figures count it."""
    short = field.removesuffix("_at")
    return {
        f"{short}_after": django_filters.DateFilter(
            field_name=f"{field}__date", lookup_expr="gte", label=f"{label} từ ngày"
        ),
        f"{short}_before": django_filters.DateFilter(field_name=f"{field}__date", lookup_expr="lte", label="đến ngày"),
    }


AlertFilterSet = filterset_for(
    alerts,
    malware_family=django_filters.CharFilter(lookup_expr="iexact", label="Họ mã độc"),
    named_malware=django_filters.BooleanFilter(method=_named, label="Có tên mã độc"),
    src_ip=django_filters.CharFilter(label="IP nguồn"),
    dest_ip=django_filters.CharFilter(label="IP đích"),
    **dates("day", "Ngày"),
)
NetworkFilterSet = filterset_for(networks, is_active=django_filters.BooleanFilter(label="Đang dùng"))
IncidentFilterSet = filterset_for(
    incidents,
    status=django_filters.MultipleChoiceFilter(choices=IncidentStatusChoices.choices, label="Trạng thái"),
    **_moments("detected_at", "Phát hiện"),
    **_moments("resolved_at", "Khắc phục"),
)
WarningFilterSet = filterset_for(warnings, **dates("sent_on", "Gửi"))
