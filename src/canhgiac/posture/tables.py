import django_tables2 as tables

from canhgiac.posture.models import Endpoint, InformationSystem


class InformationSystemTable(tables.Table):
    code = tables.Column(linkify=True)
    name = tables.Column(linkify=True)
    approved_on = tables.DateColumn("d/m/Y")
    legal_basis = tables.Column(accessor="basis")

    class Meta:
        model = InformationSystem
        fields = (
            "code",
            "name",
            "owner_agency",
            "owner_level",
            "security_level",
            "dossier_status",
            "approving_level",
            "approved_on",
            "decision_number",
            "protection_deployed",
            "legal_basis",
        )
        attrs = {"class": "table", "id": "system-table"}


class EndpointTable(tables.Table):
    host_id = tables.Column(linkify=True)
    installed_on = tables.DateColumn("d/m/Y")
    last_seen = tables.DateColumn("d/m/Y")

    class Meta:
        model = Endpoint
        fields = ("host_id", "agency", "kind", "protected", "installed_on", "last_seen")
        attrs = {"class": "table", "id": "endpoint-table"}
