"""Filters of the outreach list, the API and the figures' drill-downs (the same parameters everywhere)."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from canhgiac.core.filtersets import BaseFilterSet
from canhgiac.core.models import Agency
from canhgiac.core.routes import filterset_for
from canhgiac.outreach.choices import ActivityKindChoices
from canhgiac.outreach.models import Activity, Topic
from canhgiac.outreach.services import activities
from canhgiac.units.models import AdministrativeUnit


@extend_schema_field({"type": "string"})
class TopicCodeFilter(django_filters.ModelMultipleChoiceFilter):
    """``?topic=fraud&topic=gambling``: activities with any of these topic codes."""


ActivityFilterSet = filterset_for(
    activities,
    date_after=django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Từ ngày"),
    date_before=django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Đến ngày"),
    topic=TopicCodeFilter(
        field_name="topics__code", to_field_name="code", queryset=Topic.objects.all(), label="Chủ đề (mã)"
    ),
)


class CommuneReachFilterSet(BaseFilterSet):
    """The communes reached by the activities dated between two days (of some kinds, of one agency): one activity
    must meet every condition, so the conditions select activities first, then their communes."""

    date_after = django_filters.DateFilter(label="Từ ngày")
    date_before = django_filters.DateFilter(label="Đến ngày")
    kind = django_filters.MultipleChoiceFilter(choices=ActivityKindChoices.choices, label="Loại hoạt động")
    agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label="Cơ quan thực hiện")
    q = django_filters.CharFilter(label="Tìm kiếm")

    class Meta:
        model = AdministrativeUnit
        fields: list[str] = []

    ACTIVITY_LOOKUPS = {"date_after": "date__gte", "date_before": "date__lte", "kind": "kind__in", "agency": "agency"}

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        reached = Activity.objects.visible_to(getattr(self.request, "user", None))
        reached = reached.filter(**{lookup: data[name] for name, lookup in self.ACTIVITY_LOOKUPS.items()
                                    if data.get(name) not in (None, "", [])})  # fmt: skip
        queryset = queryset.filter(pk__in=reached.values("communes"))
        return queryset.filter(name__icontains=data["q"].strip()) if data.get("q") else queryset
