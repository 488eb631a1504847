from django.urls import path

from canhgiac.core.routes import record_urls
from canhgiac.outreach.filtersets import ActivityFilterSet
from canhgiac.outreach.services import activities
from canhgiac.outreach.tables import ActivityTable
from canhgiac.outreach.views import CommuneReachListView

app_name = "outreach"
urlpatterns = [
    path("communes/", CommuneReachListView.as_view(), name="commune_list"),
    *record_urls(app_name, activities, table=ActivityTable, filterset=ActivityFilterSet, import_kind="outreach",
                 detail_template="outreach/activity.html"),
]  # fmt: skip
