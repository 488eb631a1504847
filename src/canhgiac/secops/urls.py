from django.urls import path

from canhgiac.core.routes import record_urls
from canhgiac.secops import views
from canhgiac.secops.filtersets import AlertFilterSet, IncidentFilterSet, NetworkFilterSet, WarningFilterSet
from canhgiac.secops.forms import IncidentForm, WarningForm
from canhgiac.secops.services import alerts, incidents, networks, warnings
from canhgiac.secops.tables import AlertTable, IncidentTable, NetworkTable, WarningTable

app_name = "secops"
urlpatterns = [
    *record_urls(
        app_name, alerts, table=AlertTable, filterset=AlertFilterSet, prefix="alerts/", import_kind="soc-alerts"
    ),
    *record_urls(app_name, networks, table=NetworkTable, filterset=NetworkFilterSet, prefix="networks/"),
    path("incidents/<int:pk>/", views.IncidentView.as_view(), name="incident"),
    path("incidents/<int:pk>/transition/", views.IncidentTransitionView.as_view(), name="incident_transition"),
    path("incidents/<int:pk>/entries/add/", views.IncidentEntryAddView.as_view(), name="incident_entry_add"),
    *record_urls(
        app_name, incidents, table=IncidentTable, filterset=IncidentFilterSet, prefix="incidents/", form=IncidentForm
    ),
    *record_urls(
        app_name, warnings, table=WarningTable, filterset=WarningFilterSet, prefix="warnings/", form=WarningForm
    ),
]
