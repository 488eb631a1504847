from canhgiac.core.views.generic import ObjectListView
from canhgiac.outreach.filtersets import CommuneReachFilterSet
from canhgiac.outreach.tables import CommuneReachTable
from canhgiac.units.models import AdministrativeUnit


class CommuneReachListView(ObjectListView):
    """The communes (wards, special zones) the outreach activities of a period reached: the drill-down of
    ``outreach.communes_reached``."""

    model = AdministrativeUnit
    table_class = CommuneReachTable
    filterset_class = CommuneReachFilterSet
    title = "Xã, phường được tuyên truyền"
