"""List columns: never the petitioner's or citizen's personal data (the lists and their exports are for every
reader of the record); those show on the detail page to the roles entitled to them, each read logged."""

import django_tables2 as tables
from django.urls import reverse

from canhgiac.core.models import DeadlineRule
from canhgiac.petitions.models import Petition, Reception


class PetitionTable(tables.Table):
    code = tables.Column(linkify=True)
    accept_due = tables.DateColumn("d/m/Y", verbose_name="Hạn xử lý đơn")
    resolve_due = tables.DateColumn("d/m/Y", verbose_name="Hạn giải quyết")
    received_on = tables.DateColumn("d/m/Y")
    overdue_on = tables.DateColumn("d/m/Y", verbose_name="Trễ hạn từ")

    class Meta:
        model = Petition
        fields = (
            "code", "received_on", "kind", "title", "status", "handling_agency", "assignee", "accept_due",
            "resolve_due", "overdue_on",
        )  # fmt: skip


class ReceptionTable(tables.Table):
    received_on = tables.DateColumn("d/m/Y", linkify=True)

    class Meta:
        model = Reception
        fields = ("received_on", "locality", "citizens_count", "kind", "topic", "outcome", "agency", "officer")


def _rule_edit_url(record, table) -> str | None:
    from canhgiac.core.views.generic import may_open  # the views import the tables

    request = getattr(table, "request", None)
    if request is None or not may_open(request.user, "petitions:rule_edit", record.pk):
        return None
    return reverse("petitions:rule_edit", args=[record.pk])


class RuleTable(tables.Table):
    # Editing rules is the administrator's: other readers see the label without a link they could not follow.
    label = tables.Column(linkify=lambda record, table: _rule_edit_url(record, table))
    effective_from = tables.DateColumn("d/m/Y")
    effective_to = tables.DateColumn("d/m/Y")

    class Meta:
        model = DeadlineRule
        fields = ("label", "days", "working_days", "citation", "effective_from", "effective_to", "unverified")
        fields += ("note",)
