import django_filters
from django.utils import timezone

from canhgiac.core.filtersets import SearchFilterSet
from canhgiac.core.models import Agency
from canhgiac.rounds.choices import OPEN_STATUSES, ContributionStatusChoices, PeriodKindChoices
from canhgiac.rounds.models import Contribution, ReportRound


class RoundFilterSet(SearchFilterSet):
    period_kind = django_filters.MultipleChoiceFilter(choices=PeriodKindChoices.choices, label="Loại kỳ")
    period_after = django_filters.DateFilter(field_name="period_end", lookup_expr="gte", label="Kỳ kết thúc từ ngày")
    period_before = django_filters.DateFilter(field_name="period_start", lookup_expr="lte", label="Kỳ bắt đầu đến ngày")
    search_fields = ("title", "note")

    class Meta:
        model = ReportRound
        fields = ["period_kind", "report_type"]


class ContributionFilterSet(SearchFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ContributionStatusChoices.choices, label="Trạng thái")
    agency = django_filters.ModelMultipleChoiceFilter(queryset=Agency.objects.all(), label="Cơ quan")
    late = django_filters.BooleanFilter(method="filter_late", label="Quá hạn chưa nộp")
    search_fields = ("agency__name", "round__title")

    def filter_late(self, queryset, name, value):
        if value is None:
            return queryset
        late = {"status__in": OPEN_STATUSES, "due_date__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)

    class Meta:
        model = Contribution
        fields = ["round", "agency", "status", "submitted_by", "reviewed_by"]
