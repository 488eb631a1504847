import filetype
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.cases import services
from canhgiac.cases.filtersets import EvidenceFilterSet, IndicatorFilterSet
from canhgiac.cases.forms import WithdrawForm
from canhgiac.cases.models import Case, Evidence, Indicator
from canhgiac.cases.models.evidence import PREVIEW_TYPES
from canhgiac.cases.tables import CaseTable, EvidenceTable, IndicatorTable
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView, WriteRequiredMixin


class IndicatorListView(ObjectListView):
    model = Indicator
    queryset = Indicator.objects.all()
    table_class = IndicatorTable
    filterset_class = IndicatorFilterSet


class IndicatorView(ObjectDetailView):
    model = Indicator
    template_name = "cases/indicator.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases = Case.objects.visible_to(self.request.user).filter(indicators=self.object).select_related("lead_agency")
        context["case_table"] = CaseTable(cases, orderable=False)
        context["case_count"] = cases.count()
        return context


class IndicatorHistoryView(ObjectHistoryView):
    model = Indicator


class EvidenceListView(ObjectListView):
    model = Evidence
    queryset = Evidence.objects.select_related("case", "created_by")
    table_class = EvidenceTable
    filterset_class = EvidenceFilterSet


class EvidenceView(ObjectDetailView):
    model = Evidence
    template_name = "cases/evidence.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["withdraw_form"] = WithdrawForm()
        return context


class EvidenceHistoryView(ObjectHistoryView):
    model = Evidence


class EvidenceWithdrawView(WriteRequiredMixin, View):
    def post(self, request, pk):
        evidence = get_object_or_404(Evidence.objects.visible_to(request.user), pk=pk)
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.withdraw_evidence(evidence, actor=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, "Đã thu hồi chứng cứ (tệp vẫn được lưu giữ).")
            except ServiceError as exc:
                messages.error(request, str(exc))
        else:
            messages.error(request, "Cần ghi lý do thu hồi.")
        return redirect(evidence)


def evidence_file(request, pk, inline=False):
    """Download the stored evidence file (also after withdrawal), for users who may see its case; ``inline``: an
    image or PDF (by its bytes, not its name) opens in the browser, sandboxed; any other type still downloads."""
    from django.contrib.auth.views import redirect_to_login
    from django.http import FileResponse

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    evidence = get_object_or_404(Evidence.objects.visible_to(request.user), pk=pk)
    handle = evidence.file.open("rb")
    kind = filetype.guess(handle.read(8192))
    handle.seek(0)
    shown = inline and kind is not None and kind.mime in PREVIEW_TYPES
    response = FileResponse(handle, as_attachment=not shown, filename=evidence.original_name)
    response["Content-Type"] = kind.mime if shown else evidence.mime_type
    if shown:  # no script, no form, no same-origin rights, whatever the file holds
        response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Content-SHA256"] = evidence.sha256
    return response
