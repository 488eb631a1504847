from django.urls import path

from canhgiac.core.routes import record_urls
from canhgiac.intake import views
from canhgiac.intake.filtersets import ReportFilterSet, ScamWarningFilterSet
from canhgiac.intake.forms import ReportForm, ScamWarningForm
from canhgiac.intake.services import reports
from canhgiac.intake.tables import ReportTable, ScamWarningTable
from canhgiac.intake.warnings import warnings

app_name = "intake"

report_pages = record_urls(
    app_name,
    reports,
    table=ReportTable,
    filterset=ReportFilterSet,
    form=ReportForm,
    prefix="reports/",
    import_kind="intake_5656",
)
# The report's own page, with its indicators in context and the triage forms.
report_pages = [p for p in report_pages if p.name not in ("report", "report_add", "report_edit")] + [
    path("reports/<int:pk>/", views.ReportView.as_view(), name="report"),
    path("reports/add/", views.ReportEditView.as_view(), name="report_add"),
    path("reports/<int:pk>/edit/", views.ReportEditView.as_view(), name="report_edit"),
]
warning_pages = record_urls(
    app_name,
    warnings,
    table=ScamWarningTable,
    filterset=ScamWarningFilterSet,
    form=ScamWarningForm,
    prefix="warnings/",
    detail_template="intake/warning.html",
)

urlpatterns = [
    *report_pages,
    *warning_pages,
    path("hotline/", views.HotlineView.as_view(), name="hotline"),
    *[
        path(f"reports/<int:pk>/{step}/", views.ReportActionView.as_view(step=step), name=f"report_{step}")
        for step in ("escalate", "dismiss", "forward", "duplicate", "reply")
    ],
    path("warnings/<int:pk>/publish/", views.WarningActionView.as_view(), name="scamwarning_publish"),
]
