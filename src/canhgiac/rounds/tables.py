import django_tables2 as tables

from canhgiac.rounds.models import ReportRound


class RoundTable(tables.Table):
    title = tables.Column(linkify=True)
    period_start = tables.DateColumn("d/m/Y")
    period_end = tables.DateColumn("d/m/Y")
    due_date = tables.DateColumn("d/m/Y")

    class Meta:
        model = ReportRound
        fields = ("title", "report_type", "period_kind", "period_start", "period_end", "due_date")
        attrs = {"class": "table", "id": "round-table"}
