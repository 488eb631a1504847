import django_filters

from canhgiac.core.filtersets import BaseFilterSet, SearchFilterSet, date_range
from canhgiac.core.globalsearch import SearchSection
from canhgiac.core.models import Agency
from canhgiac.webwatch.choices import FindingSeverityChoices, FindingStatusChoices, SiteStatusChoices
from canhgiac.webwatch.labels import check_choices
from canhgiac.webwatch.models import Finding, ScanRun, Site


class SiteFilterSet(SearchFilterSet):
    last_status = django_filters.MultipleChoiceFilter(
        choices=SiteStatusChoices.choices, distinct=False, label="Kết quả quét gần nhất"
    )
    owner_agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label="Cơ quan chủ quản")
    created_after, created_before = date_range("created__date", "Đưa vào giám sát")
    search_fields = ("name", "url", "contact_name")

    class Meta:
        model = Site
        fields = ["owner_agency", "last_status", "active"]


class ScanRunFilterSet(BaseFilterSet):
    class Meta:
        model = ScanRun
        fields = ["site", "status"]


class FindingFilterSet(SearchFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=FindingStatusChoices.choices, distinct=False, label="Trạng thái"
    )
    severity = django_filters.MultipleChoiceFilter(
        choices=FindingSeverityChoices.choices, distinct=False, label="Mức độ"
    )
    owner_agency = django_filters.ModelChoiceFilter(
        field_name="site__owner_agency", queryset=Agency.objects.all(), label="Cơ quan chủ quản"
    )
    site = django_filters.NumberFilter(field_name="site", label="Mã trang web")
    case = django_filters.CharFilter(method="filter_case", label="Vụ việc (mã VV-… hoặc số)")
    check_name = django_filters.ChoiceFilter(choices=check_choices, label="Kiểm tra")
    found_after, found_before = date_range("created__date", "Phát hiện")
    fixed_after, fixed_before = date_range("fixed_at__date", "Khắc phục")
    search_fields = ("url", "why", "check_name", "site__name")

    class Meta:
        model = Finding
        fields = ["status", "severity", "owner_agency", "check_name", "site", "case"]

    def filter_case(self, queryset, name, value):
        """The case as the pages show it ("VV-2026-00004") or by its number."""
        value = value.strip()
        if value.isdigit():
            return queryset.filter(case_id=int(value)) if len(value) <= 18 else queryset.none()
        return queryset.filter(case__code__iexact=value)


SEARCH = [
    SearchSection(
        "sites",
        "Trang được giám sát",
        "webwatch.Site",
        "canhgiac.webwatch.filtersets.SiteFilterSet",
        "webwatch:site_list",
        "url",
    ),
]
