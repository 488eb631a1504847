import django_filters
from django import forms
from django.db import connection
from django.db.models import Q

from canhgiac.cases.choices import CaseCategoryChoices, CaseSourceChoices, CaseStatusChoices, IndicatorKindChoices
from canhgiac.cases.models import Case, CaseEvent, Evidence, Indicator
from canhgiac.cases.search import cases_with_indicator_q, indicator_values
from canhgiac.core.filtersets import DueFilter, SearchFilterSet, date_range
from canhgiac.core.search import search_q
from canhgiac.units.queries import home_units


def prefix_q(field: str, prefix: str) -> Q:
    """``field`` starts with ``prefix``: a range on SQLite (whose LIKE ignores the index), LIKE on PostgreSQL
    (served by the varchar_pattern_ops index)."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\U0010ffff"})
    return Q(**{f"{field}__startswith": prefix})


class NumberInFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """``?ids=1,2,3``: the rows chosen on the list (its bulk export)."""


class CaseFilterSet(SearchFilterSet):
    category = django_filters.MultipleChoiceFilter(
        choices=CaseCategoryChoices.choices, distinct=False, label="Lĩnh vực"
    )
    status = django_filters.MultipleChoiceFilter(choices=CaseStatusChoices.choices, distinct=False, label="Trạng thái")
    source = django_filters.MultipleChoiceFilter(choices=CaseSourceChoices.choices, distinct=False, label="Nguồn")
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte", label="Tiếp nhận từ ngày")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte", label="đến ngày")
    indicator = django_filters.CharFilter(method="filter_indicator", label="Dấu hiệu (số điện thoại, tên miền…)")
    # Ids, not drop-downs: there are far too many letters and indicators to list in a <select>.
    letters = django_filters.NumberFilter(field_name="letters", label="Mã văn bản")
    indicators = django_filters.NumberFilter(field_name="indicators", label="Mã dấu hiệu")
    locality = django_filters.ModelChoiceFilter(queryset=home_units, label="Địa bàn (xã/phường)")
    ids = NumberInFilter(
        field_name="id", lookup_expr="in", label="Chỉ các vụ việc đã chọn (số thứ tự)", widget=forms.TextInput
    )
    mine = django_filters.BooleanFilter(method="filter_mine", label="Tôi phụ trách")
    open_only = django_filters.BooleanFilter(method="filter_open", label="Đang mở")
    due = DueFilter()
    closed_after = django_filters.DateFilter(method="filter_closed", label="Kết thúc từ ngày")
    closed_before = django_filters.DateFilter(method="filter_closed", label="đến ngày")
    search_fields = ("code", "title")

    def search(self, queryset, name, value):
        """Code and title, whatever the case and accents, or an indicator in any written form ("0912 345 678")."""
        query, by_indicator = search_q(Case, self.search_fields, value), cases_with_indicator_q(value)
        if query is None:
            return queryset
        return queryset.filter(query | by_indicator if by_indicator is not None else query)

    def filter_indicator(self, queryset, name, value):
        """Cases with the indicator ``value`` stands for, written as the user writes it."""
        if not value.strip():
            return queryset
        query = cases_with_indicator_q(value)
        return queryset.filter(query) if query is not None else queryset.filter(indicators__value=value.strip())

    def filter_closed(self, queryset, name, value):
        """Cases that moved to "closed" on a day in the range (both filters applied to the same step)."""
        if value is None or name == "closed_before" and self.form.cleaned_data.get("closed_after"):
            return queryset
        start = self.form.cleaned_data.get("closed_after")
        end = self.form.cleaned_data.get("closed_before")
        steps = {"to_status": CaseStatusChoices.CLOSED}
        if start:
            steps["at__date__gte"] = start
        if end:
            steps["at__date__lte"] = end
        return queryset.filter(pk__in=CaseEvent.objects.filter(**steps).values("case_id"))

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value is None or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(assignee=user) if value else queryset.exclude(assignee=user)

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        closed = [CaseStatusChoices.CLOSED, CaseStatusChoices.DISMISSED]
        return queryset.exclude(status__in=closed) if value else queryset.filter(status__in=closed)

    class Meta:
        model = Case
        fields = [
            "category",
            "status",
            "source",
            "lead_agency",
            "locality",
            "addressed_agencies",
            "assignee",
            "letters",
            "indicators",
        ]


class IndicatorFilterSet(SearchFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=IndicatorKindChoices.choices, distinct=False, label="Loại")
    value = django_filters.CharFilter(method="filter_value", label="Giá trị (chuẩn hoá theo loại)")
    created_after, created_before = date_range("created__date", "Ghi nhận")

    class Meta:
        model = Indicator
        fields = ["kind"]

    def search(self, queryset, name, value):
        """Prefix search on the normalised value, through an index on SQLite and PostgreSQL alike.

        "0912…" is also tried as "+84912…", the form phone numbers are stored in.
        """
        value = value.strip()
        if not value:
            return queryset
        candidates = {value, value.lower(), *indicator_values(value)}
        compact = value.replace(" ", "").replace(".", "")
        if compact.isdigit() and compact.startswith("0"):
            candidates.add("+84" + compact[1:])
        query = Q()
        for candidate in candidates:
            query |= prefix_q("value", candidate)
        return queryset.filter(query)

    def filter_value(self, queryset, name, value):
        return self.search(queryset, name, value)


class EvidenceFilterSet(SearchFilterSet):
    case = django_filters.NumberFilter(field_name="case", label="Mã vụ việc")
    search_fields = ("original_name", "sha256", "description")

    class Meta:
        model = Evidence
        fields = ["case", "mime_type", "withdrawn", "sha256"]
