import django_filters

from canhgiac.cases.choices import CaseCategoryChoices, CaseSourceChoices, CaseStatusChoices, IndicatorKindChoices
from canhgiac.cases.models import Case, Evidence, Indicator
from canhgiac.core.filtersets import SearchFilterSet


class CaseFilterSet(SearchFilterSet):
    category = django_filters.MultipleChoiceFilter(choices=CaseCategoryChoices.choices, label="Lĩnh vực")
    status = django_filters.MultipleChoiceFilter(choices=CaseStatusChoices.choices, label="Trạng thái")
    source = django_filters.MultipleChoiceFilter(choices=CaseSourceChoices.choices, label="Nguồn")
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte", label="Tiếp nhận từ ngày")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte", label="đến ngày")
    indicator = django_filters.CharFilter(field_name="indicators__value", label="Dấu hiệu (giá trị chuẩn hoá)")
    # Ids, not drop-downs: there are far too many letters and indicators to list in a <select>.
    letters = django_filters.NumberFilter(field_name="letters", label="Mã văn bản")
    indicators = django_filters.NumberFilter(field_name="indicators", label="Mã dấu hiệu")
    search_fields = ("code", "title")

    class Meta:
        model = Case
        fields = [
            "category",
            "status",
            "source",
            "lead_agency",
            "district",
            "addressed_agencies",
            "assignee",
            "letters",
            "indicators",
        ]


class IndicatorFilterSet(SearchFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=IndicatorKindChoices.choices, label="Loại")
    value = django_filters.CharFilter(method="filter_value", label="Giá trị (chuẩn hoá theo loại)")

    class Meta:
        model = Indicator
        fields = ["kind"]

    def search(self, queryset, name, value):
        # Prefix search on the normalised value uses the index; numbers are also tried in E.164.
        from canhgiac.cases.normalize import IndicatorError, normalize_phone

        value = value.strip()
        if not value:
            return queryset
        candidates = [value.lower(), value]
        try:
            candidates.append(normalize_phone(value).value)
        except IndicatorError:
            pass
        query = django_filters.filters.Q()
        for candidate in candidates:
            query |= django_filters.filters.Q(value__startswith=candidate)
        return queryset.filter(query)

    def filter_value(self, queryset, name, value):
        return self.search(queryset, name, value)


class EvidenceFilterSet(SearchFilterSet):
    case = django_filters.NumberFilter(field_name="case", label="Mã vụ việc")
    search_fields = ("original_name", "sha256", "description")

    class Meta:
        model = Evidence
        fields = ["case", "mime_type", "withdrawn", "sha256"]
