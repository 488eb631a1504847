from django.urls import path

from canhgiac.webwatch.views import findings, sites

app_name = "webwatch"

urlpatterns = [
    path("", sites.SiteListView.as_view(), name="site_list"),
    path("add/", sites.SiteEditView.as_view(), name="site_add"),
    path("<int:pk>/", sites.SiteView.as_view(), name="site"),
    path("<int:pk>/edit/", sites.SiteEditView.as_view(), name="site_edit"),
    path("<int:pk>/history/", sites.SiteHistoryView.as_view(), name="site_history"),
    path("<int:pk>/scan/", sites.SiteScanView.as_view(), name="site_scan"),
    path("runs/<int:pk>/", sites.RunView.as_view(), name="run"),
    path("findings/", findings.FindingListView.as_view(), name="finding_list"),
    path("findings/<int:pk>/", findings.FindingView.as_view(), name="finding"),
    path("findings/<int:pk>/history/", findings.FindingHistoryView.as_view(), name="finding_history"),
    path("findings/<int:pk>/escalate/", findings.FindingEscalateView.as_view(), name="finding_escalate"),
    path("findings/<int:pk>/dismiss/", findings.FindingDismissView.as_view(), name="finding_dismiss"),
]
