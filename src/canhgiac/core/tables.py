import django_tables2 as tables
from django_tables2 import utils as tables_utils

from canhgiac.core.models import Agency, Deadline, Document
from canhgiac.core.templatetags.labels import vnd

_signature = tables_utils.signature
_signatures: dict = {}


def _remembered_signature(fn):
    """django-tables2 inspects the signature of a column's ``render``/``linkify`` once per cell (``inspect.signature``
    was a tenth of a 50-row list page's time, bench/load_profile.py): remember it per function instead."""
    function = getattr(fn, "__func__", fn)
    key = (function, function is not fn)
    try:
        return _signatures[key]
    except TypeError:  # an unhashable callable
        return _signature(fn)
    except KeyError:
        found = _signature(fn)
        if len(_signatures) < 10_000:  # functions made per row would not be seen again: keep the memory bounded
            _signatures[key] = found
        return found


tables_utils.signature = _remembered_signature


class VndColumn(tables.Column):
    """An amount in đồng: "25.850.000 đồng" on screen, the number itself in exports (summable in Excel)."""

    def render(self, value):
        return f"{vnd(value)} đồng"

    def value(self, value):
        return value


class AgencyTable(tables.Table):
    name = tables.Column(linkify=True)
    kind = tables.Column("Loại", accessor="get_kind_display", order_by="kind")

    class Meta:
        model = Agency
        fields = ("name", "code", "kind", "parent", "unit", "phone", "email", "is_active")


class DocumentTable(tables.Table):
    notation = tables.Column("Số, ký hiệu", linkify=True, order_by=("symbol", "number"), accessor="notation")
    date = tables.DateColumn("d/m/Y")

    class Meta:
        model = Document
        fields = ("notation", "direction", "doc_type", "date", "issuing_agency", "summary")


class DeadlineTable(tables.Table):
    label = tables.Column()
    target = tables.Column("Hồ sơ", accessor="target", linkify=lambda record: record.target.get_absolute_url())
    due_date = tables.DateColumn("d/m/Y")
    start_date = tables.DateColumn("d/m/Y")

    class Meta:
        model = Deadline
        fields = ("label", "target", "start_date", "due_date", "responsible", "status")
        row_attrs = {"class": lambda record: "overdue" if record.is_overdue else ""}
