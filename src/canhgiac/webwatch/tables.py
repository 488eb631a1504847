import django_tables2 as tables

from canhgiac.webwatch.labels import check_label
from canhgiac.webwatch.models import Finding, Site


class SiteTable(tables.Table):
    name = tables.Column(linkify=True)
    url = tables.Column(linkify=lambda record: record.get_absolute_url())
    last_scan_at = tables.DateTimeColumn("d/m/Y H:i")
    next_scan_at = tables.DateTimeColumn("d/m/Y H:i")

    class Meta:
        model = Site
        fields = ("name", "url", "owner_agency", "last_status", "last_scan_at", "next_scan_at", "active")
        attrs = {"class": "table", "id": "site-table"}


class FindingTable(tables.Table):
    id = tables.Column("Mã", linkify=True)
    site = tables.Column(linkify=True)
    why = tables.Column(linkify=lambda record: record.get_absolute_url())
    case = tables.Column(linkify=True)
    created = tables.DateTimeColumn("d/m/Y H:i", verbose_name="phát hiện lúc")

    class Meta:
        model = Finding
        fields = ("id", "site", "check_name", "severity", "why", "url", "status", "created", "case")
        attrs = {"class": "table", "id": "finding-table"}

    def render_check_name(self, value):
        return check_label(value)
