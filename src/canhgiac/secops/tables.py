import django_tables2 as tables

from canhgiac.secops.models import AgencyNetwork, Alert, Incident, SecurityWarning


class AlertTable(tables.Table):
    day = tables.DateColumn("d/m/Y")
    signature = tables.Column(linkify=True)

    class Meta:
        model = Alert
        fields = (
            "day",
            "signature",
            "category",
            "malware_family",
            "src_ip",
            "dest_ip",
            "connections",
            "agency",
            "system",
        )
        attrs = {"class": "table", "id": "alert-table"}


class NetworkTable(tables.Table):
    agency = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta:
        model = AgencyNetwork
        fields = ("agency", "system", "network", "hostname", "is_active", "note")
        attrs = {"class": "table", "id": "network-table"}


class IncidentTable(tables.Table):
    title = tables.Column(linkify=True)
    detected_at = tables.DateTimeColumn("d/m/Y H:i")
    resolved_at = tables.DateTimeColumn("d/m/Y H:i")

    class Meta:
        model = Incident
        fields = ("title", "kind", "severity", "agency", "system", "source", "status", "detected_at", "resolved_at")
        attrs = {"class": "table", "id": "incident-table"}


class WarningTable(tables.Table):
    sent_on = tables.DateColumn("d/m/Y")
    title = tables.Column(linkify=True)
    agencies = tables.ManyToManyColumn(verbose_name="Cơ quan nhận")

    class Meta:
        model = SecurityWarning
        fields = ("sent_on", "kind", "title", "agencies", "letter")
        attrs = {"class": "table", "id": "warning-table"}
