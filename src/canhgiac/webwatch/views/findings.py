from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.cases.triage import find_case
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView, WriteRequiredMixin
from canhgiac.webwatch import services
from canhgiac.webwatch.choices import FindingStatusChoices
from canhgiac.webwatch.filtersets import FindingFilterSet
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.tables import FindingTable


class FindingListView(ObjectListView):
    """Findings across every visible site; open ones unless another status is asked for."""

    model = Finding
    queryset = Finding.objects.select_related("site", "case")
    table_class = FindingTable
    filterset_class = FindingFilterSet
    title = "Dấu hiệu trên website"

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        if "status" not in self.request.GET:
            data = self.request.GET.copy()
            data.setlist("status", [FindingStatusChoices.NEW])
            kwargs["data"] = data
        return kwargs


class FindingView(ObjectDetailView):
    model = Finding
    template_name = "webwatch/finding.html"

    def get_queryset(self):
        return super().get_queryset().select_related("site__owner_agency", "case", "first_seen_run", "last_seen_run")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        finding = self.object
        context["page"] = finding.last_seen_run.pages.filter(url=finding.url).first() if finding.url else None
        return context


class FindingHistoryView(ObjectHistoryView):
    model = Finding


class FindingEscalateView(WriteRequiredMixin, View):
    """ "Chuyển thành vụ việc": one click opens a case and leads to it."""

    def post(self, request, pk):
        finding = get_object_or_404(Finding.objects.visible_to(request.user), pk=pk)
        try:
            existing = find_case(request.POST.get("case"), request.user)
            case = services.escalate_finding(finding, actor=request.user, case=existing)
        except ServiceError as exc:
            messages.error(request, str(exc))
            return redirect(finding)
        verb = "Đã bổ sung dấu hiệu vào vụ việc" if existing else "Đã tạo vụ việc"
        messages.success(request, f"{verb} {case.code} từ dấu hiệu trên website.")
        return redirect(case)


class FindingDismissView(WriteRequiredMixin, View):
    """ "Bỏ qua (báo động nhầm)" with a reason, or "Mở lại" a dismissed finding."""

    def post(self, request, pk):
        finding = get_object_or_404(Finding.objects.visible_to(request.user), pk=pk)
        try:
            if request.POST.get("action") == "reopen":
                services.reopen_finding(finding, actor=request.user)
                messages.success(request, "Đã mở lại dấu hiệu.")
            else:
                services.dismiss_finding(finding, actor=request.user, reason=request.POST.get("reason", ""))
                messages.success(
                    request, "Đã bỏ qua dấu hiệu (báo động nhầm); các lần quét sau không tính dấu hiệu này."
                )
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(finding)
