import django_filters
from django.db.models import Q

from canhgiac.core.choices import AgencyKindChoices, DocumentDirectionChoices, DocumentTypeChoices
from canhgiac.core.models import Agency, Document


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a free-text ``q`` over ``search_fields``."""

    q = django_filters.CharFilter(method="search", label="Tìm kiếm")
    search_fields: tuple[str, ...] = ()

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)


class AgencyFilterSet(SearchFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=AgencyKindChoices.choices, distinct=False, label="Loại")
    search_fields = ("name", "code")

    class Meta:
        model = Agency
        fields = ["kind", "is_active", "parent"]


class DocumentFilterSet(SearchFilterSet):
    direction = django_filters.ChoiceFilter(choices=DocumentDirectionChoices.choices, label="Sổ")
    doc_type = django_filters.MultipleChoiceFilter(
        choices=DocumentTypeChoices.choices, distinct=False, label="Loại văn bản"
    )
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Từ ngày")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Đến ngày")
    search_fields = ("symbol", "summary")
    receiving_agencies = django_filters.ModelMultipleChoiceFilter(
        field_name="receiving_agencies", queryset=Agency.objects.all(), label="Nơi nhận"
    )

    class Meta:
        model = Document
        fields = ["direction", "doc_type", "issuing_agency", "receiving_agencies", "number", "symbol", "year"]
