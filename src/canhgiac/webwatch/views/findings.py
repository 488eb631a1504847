from canhgiac.cases.views.triage import TriageActionView
from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView
from canhgiac.webwatch import services
from canhgiac.webwatch.choices import FindingStatusChoices
from canhgiac.webwatch.filtersets import FindingFilterSet
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.tables import FindingTable


class FindingListView(ObjectListView):
    """Findings across every visible site; open ones unless another status (or a case) is asked for."""

    model = Finding
    queryset = Finding.objects.select_related("site", "case")
    table_class = FindingTable
    filterset_class = FindingFilterSet
    title = "Dấu hiệu trên website"

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # A case's findings were escalated into it: asking for the case means every status.
        if "status" not in self.request.GET and not self.request.GET.get("case", "").strip():
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


class FindingEscalateView(TriageActionView):
    """ "Chuyển thành vụ việc": opens a case (or adds to the one named) and leads to it."""

    model = Finding
    triage = services.findings
    step = "escalate"


class FindingDismissView(TriageActionView):
    """ "Bỏ qua (báo động nhầm)" with a reason, or "Mở lại" a dismissed finding."""

    model = Finding
    triage = services.findings
