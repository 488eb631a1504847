from django.urls import path

from canhgiac.core.routes import record_urls, table_for
from canhgiac.reports import views
from canhgiac.reports.api import ReportFilterSet
from canhgiac.reports.services import reports

app_name = "reports"
ReportTable = table_for(reports, ("title", "report_type", "period_start", "period_end", "author_agency"))
# The generic pages, with the report's own page (the preview) in place of the generic detail page.
pages = record_urls(app_name, reports, filterset=ReportFilterSet, table=ReportTable)
generic = [p for p in pages if p.name != "report"]
urlpatterns = [
    path("templates/", views.TemplatesView.as_view(), name="template_list"),
    path("templates/download/", views.TemplateDownloadView.as_view(), name="template_download"),
    path("from-round/<int:pk>/", views.RoundReportView.as_view(), name="report_from_round"),
    path("<int:pk>/", views.ReportView.as_view(), name="report"),
    path("<int:pk>/narrative/", views.NarrativeView.as_view(), name="report_narrative"),
    path("<int:pk>/issue/", views.IssueView.as_view(), name="report_issue"),
    path("<int:pk>/docx/", views.ReportFileView.as_view(), name="report_docx"),
    path("<int:pk>/pdf/", views.ReportFileView.as_view(pdf=True), name="report_pdf"),
    *generic,
]
