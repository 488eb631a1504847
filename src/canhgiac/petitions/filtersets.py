import django_filters

from canhgiac.core.filtersets import DueFilter, SearchFilterSet
from canhgiac.core.models import DeadlineRule
from canhgiac.petitions.choices import (
    PetitionChannelChoices,
    PetitionKindChoices,
    PetitionStatusChoices,
    ReceptionOutcomeChoices,
)
from canhgiac.petitions.models import Petition, Reception


def date_range(field: str, label: str) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """The ``<x>_after`` and ``<x>_before`` filters of a date (both ends included)."""
    return (
        django_filters.DateFilter(field_name=field, lookup_expr="gte", label=f"{label} từ ngày"),
        django_filters.DateFilter(field_name=field, lookup_expr="lte", label=f"{label} đến ngày"),
    )


def _multiple(choices, label: str):
    return django_filters.MultipleChoiceFilter(choices=choices, distinct=False, label=label)


class PetitionFilterSet(SearchFilterSet):
    """Lists and drill-downs of petitions; ``due=soon|overdue`` reads the open deadlines, ``overdue`` the mark of a
    stage that ran late (what the figures count), ``on_time`` the petitions resolved with no stage late."""

    kind = _multiple(PetitionKindChoices.choices, "Loại đơn")
    status = _multiple(PetitionStatusChoices.choices, "Trạng thái")
    channel = _multiple(PetitionChannelChoices.choices, "Hình thức nhận")
    due = DueFilter()
    overdue = django_filters.BooleanFilter(field_name="overdue_on", lookup_expr="isnull", exclude=True, label="Trễ hạn")
    on_time = django_filters.BooleanFilter(method="filter_on_time", label="Giải quyết đúng hạn")
    received_after, received_before = date_range("received_on", "Nhận đơn")
    accepted_after, accepted_before = date_range("accepted_on", "Thụ lý")
    resolved_after, resolved_before = date_range("resolved_on", "Giải quyết")
    transferred_after, transferred_before = date_range("transferred_on", "Chuyển đơn")
    overdue_after, overdue_before = date_range("overdue_on", "Trễ hạn")
    search_fields = ("code", "title", "respondent", "locality")

    def filter_on_time(self, queryset, name, value):
        if value is None:
            return queryset
        on_time = {"status": PetitionStatusChoices.RESOLVED, "overdue_on__isnull": True}
        return queryset.filter(**on_time) if value else queryset.exclude(**on_time)

    class Meta:
        model = Petition
        fields = [
            "kind", "status", "channel", "anonymous", "second_instance", "handling_agency", "assignee", "head",
            "incoming_letter", "reception", "transferred_to", "transfer_letter", "decision_letter",
        ]  # fmt: skip


class ReceptionFilterSet(SearchFilterSet):
    kind = _multiple(PetitionKindChoices.choices, "Nội dung thuộc loại")
    outcome = _multiple(ReceptionOutcomeChoices.choices, "Kết quả tiếp")
    received_after, received_before = date_range("received_on", "Ngày tiếp")
    search_fields = ("locality", "topic")

    class Meta:
        model = Reception
        fields = ["kind", "outcome", "online", "agency", "officer"]


class RuleFilterSet(SearchFilterSet):
    search_fields = ("key", "label", "citation", "note")

    class Meta:
        model = DeadlineRule
        fields = ["key", "working_days", "unverified"]
