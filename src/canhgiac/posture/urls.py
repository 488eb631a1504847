from django.urls import path

from canhgiac.core.routes import record_urls
from canhgiac.posture.filtersets import EndpointFilterSet, SystemFilterSet
from canhgiac.posture.services import endpoints, systems
from canhgiac.posture.tables import EndpointTable, InformationSystemTable
from canhgiac.posture.views import CoverageView

app_name = "posture"
urlpatterns = [
    *record_urls(
        app_name,
        systems,
        table=InformationSystemTable,
        filterset=SystemFilterSet,
        prefix="systems/",
        import_kind="systems",
        detail_template="posture/system.html",
    ),
    *record_urls(
        app_name,
        endpoints,
        table=EndpointTable,
        filterset=EndpointFilterSet,
        prefix="endpoints/",
        import_kind="endpoints",
    ),
    path("coverage/", CoverageView.as_view(), name="coverage"),
]
