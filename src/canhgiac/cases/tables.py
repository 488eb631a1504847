import django_tables2 as tables

from canhgiac.cases.models import Case, Evidence, Indicator
from canhgiac.core.tables import VndColumn


class CaseTable(tables.Table):
    code = tables.Column(linkify=True)
    title = tables.Column(linkify=True)
    received_on = tables.DateColumn("d/m/Y")
    damage_vnd = VndColumn()

    class Meta:
        model = Case
        fields = ("code", "title", "category", "status", "source", "received_on", "lead_agency", "damage_vnd")
        attrs = {"class": "table", "id": "case-table"}
        template_name = "cases/_case_table.html"


class IndicatorTable(tables.Table):
    value = tables.Column(linkify=True)

    class Meta:
        model = Indicator
        fields = ("kind", "value", "note", "created")
        attrs = {"class": "table", "id": "indicator-table"}
        template_name = "cases/_indicator_table.html"


class EvidenceTable(tables.Table):
    original_name = tables.Column(linkify=True)
    case = tables.Column(linkify=True)
    sha256 = tables.Column()
    created = tables.DateTimeColumn("d/m/Y H:i")

    class Meta:
        model = Evidence
        fields = ("original_name", "case", "sha256", "size", "mime_type", "withdrawn", "created", "created_by")
        attrs = {"class": "table", "id": "evidence-table"}
