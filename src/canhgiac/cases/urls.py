from django.contrib.auth.decorators import login_required
from django.urls import path

from canhgiac.cases.views import bulk, cases, indicators
from canhgiac.core.views.imports import ImportJobView, ImportUploadView, import_template

app_name = "cases"

urlpatterns = [
    path("", cases.CaseListView.as_view(), name="case_list"),
    path("add/", cases.CaseEditView.as_view(), name="case_add"),
    path("bulk/", bulk.CaseBulkView.as_view(), name="case_bulk"),
    path("import/", ImportUploadView.as_view(kind_name="cases", template_name="cases/import.html"), name="import"),
    path("import/template.<str:fmt>", login_required(import_template), {"kind_name": "cases"}, name="import_template"),
    path("import/<int:pk>/", ImportJobView.as_view(kind_name="cases"), name="import_job"),
    path("<int:pk>/", cases.CaseView.as_view(), name="case"),
    path("<int:pk>/edit/", cases.CaseEditView.as_view(), name="case_edit"),
    path("<int:pk>/history/", cases.CaseHistoryView.as_view(), name="case_history"),
    path("<int:pk>/transition/", cases.CaseTransitionView.as_view(), name="case_transition"),
    path("<int:pk>/indicators/add/", cases.CaseIndicatorAddView.as_view(), name="case_indicator_add"),
    path("<int:pk>/evidence/add/", cases.CaseEvidenceAddView.as_view(), name="case_evidence_add"),
    path("indicators/", indicators.IndicatorListView.as_view(), name="indicator_list"),
    path("indicators/<int:pk>/", indicators.IndicatorView.as_view(), name="indicator"),
    path("indicators/<int:pk>/history/", indicators.IndicatorHistoryView.as_view(), name="indicator_history"),
    path("evidence/", indicators.EvidenceListView.as_view(), name="evidence_list"),
    path("evidence/<int:pk>/", indicators.EvidenceView.as_view(), name="evidence"),
    path("evidence/<int:pk>/history/", indicators.EvidenceHistoryView.as_view(), name="evidence_history"),
    path("evidence/<int:pk>/withdraw/", indicators.EvidenceWithdrawView.as_view(), name="evidence_withdraw"),
    path("evidence/<int:pk>/file/", indicators.evidence_file, name="evidence_file"),
    path("evidence/<int:pk>/view/", indicators.evidence_file, {"inline": True}, name="evidence_view"),
]
