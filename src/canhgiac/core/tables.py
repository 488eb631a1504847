import django_tables2 as tables

from canhgiac.core.models import Agency, Document


class AgencyTable(tables.Table):
    name = tables.Column(linkify=True)

    class Meta:
        model = Agency
        fields = ("name", "code", "kind", "parent", "phone", "email", "is_active")


class DocumentTable(tables.Table):
    notation = tables.Column("Số, ký hiệu", linkify=True, order_by=("symbol", "number"), accessor="notation")
    date = tables.DateColumn("d/m/Y")

    class Meta:
        model = Document
        fields = ("notation", "direction", "doc_type", "date", "issuing_agency", "summary")
