import django_tables2 as tables

from canhgiac.outreach.models import Activity
from canhgiac.units.models import AdministrativeUnit


class ActivityTable(tables.Table):
    title = tables.Column(verbose_name="Tiêu đề, tên", linkify=True)
    quantity_text = tables.Column(verbose_name="Số lượng", accessor="quantity_text", order_by=("quantity",))

    class Meta:
        model = Activity
        fields = ("date", "kind", "title", "channel", "agency", "audience", "quantity_text", "participants",
                  "participating_units", "entries")  # fmt: skip
        sequence = ("date", "kind", "title", "...")


class CommuneReachTable(tables.Table):
    name = tables.Column(verbose_name="Tên", linkify=True)

    class Meta:
        model = AdministrativeUnit
        fields = ("code", "name", "kind", "parent")
