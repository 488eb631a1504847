import django_filters

from canhgiac.core.deadlines import DUE_STATES, with_due_state
from canhgiac.core.filtersets import SearchFilterSet
from canhgiac.core.triage import TriageStatusChoices
from canhgiac.intake.choices import ChannelChoices, OutcomeChoices, ReportTypeChoices, WarningStatusChoices
from canhgiac.intake.models import Report, ScamWarning

OUTCOMES = [("pending", "Chưa xử lý xong"), *[(v, label) for v, label in OutcomeChoices.choices if v]]


class ReportFilterSet(SearchFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=TriageStatusChoices.choices, distinct=False, label="Trạng thái"
    )
    channel = django_filters.MultipleChoiceFilter(choices=ChannelChoices.choices, distinct=False, label="Kênh")
    report_type = django_filters.MultipleChoiceFilter(
        choices=ReportTypeChoices.choices, distinct=False, label="Loại phản ánh"
    )
    outcome = django_filters.MultipleChoiceFilter(choices=OUTCOMES, method="by_outcome", label="Kết quả")
    received_after = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__gte", label="Tiếp nhận từ ngày"
    )
    received_before = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__lte", label="Tiếp nhận đến ngày"
    )
    indicator = django_filters.NumberFilter(field_name="indicators", label="Mã dấu hiệu", distinct=False)
    case = django_filters.NumberFilter(field_name="case", label="Mã vụ việc")
    duplicate_of = django_filters.NumberFilter(field_name="duplicate_of", label="Trùng với phản ánh")
    assignee = django_filters.NumberFilter(field_name="assignee", label="Mã người xử lý")
    forwarded_to = django_filters.NumberFilter(field_name="forwarded_to", label="Mã cơ quan được chuyển")
    forward_letter = django_filters.NumberFilter(field_name="forward_letter", label="Mã văn bản chuyển")
    triaged_by = django_filters.NumberFilter(field_name="triaged_by", label="Mã người phân loại")
    due = django_filters.ChoiceFilter(choices=DUE_STATES, method="by_due", label="Thời hạn")
    search_fields = ("content",)

    class Meta:
        model = Report
        fields = ["status", "channel", "report_type", "outcome", "case", "assignee", "forwarded_to", "duplicate_of"]

    def by_outcome(self, queryset, name, value):
        if not value:
            return queryset
        wanted = ["" if v == "pending" else v for v in value]
        return queryset.filter(outcome__in=wanted)

    def by_due(self, queryset, name, value):
        return with_due_state(queryset, value) if value else queryset


class ScamWarningFilterSet(SearchFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=WarningStatusChoices.choices, distinct=False, label="Trạng thái"
    )
    search_fields = ("title", "summary", "body")

    class Meta:
        model = ScamWarning
        fields = ["status"]
