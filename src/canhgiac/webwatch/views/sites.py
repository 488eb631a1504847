from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.core.services import ServiceError
from canhgiac.core.triage import OPEN_STATUSES
from canhgiac.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    WriteRequiredMixin,
)
from canhgiac.webwatch import services
from canhgiac.webwatch.choices import FindingStatusChoices
from canhgiac.webwatch.filtersets import SiteFilterSet
from canhgiac.webwatch.forms import SiteForm
from canhgiac.webwatch.models import ScanRun, Site
from canhgiac.webwatch.tables import SiteTable


class SiteListView(ObjectListView):
    model = Site
    queryset = Site.objects.select_related("owner_agency")
    table_class = SiteTable
    filterset_class = SiteFilterSet
    add_url_name = "webwatch:site_add"
    title = "Giám sát website"
    extra_actions = (("webwatch:finding_list", "Dấu hiệu đang tồn tại"),)


class SiteView(ObjectDetailView):
    model = Site
    template_name = "webwatch/site.html"

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = self.object.runs.order_by("-started_at", "-id")[:50]
        context["findings"] = self.object.findings.filter(
            status__in=[*OPEN_STATUSES, FindingStatusChoices.ESCALATED]
        ).select_related("case")
        context["fixed_count"] = self.object.findings.filter(status=FindingStatusChoices.RESOLVED).count()
        return context


class SiteHistoryView(ObjectHistoryView):
    model = Site


class RunView(ObjectDetailView):
    model = ScanRun
    template_name = "webwatch/run.html"

    def get_queryset(self):
        return super().get_queryset().select_related("site")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pages"] = self.object.pages.order_by("id")
        return context


def _site_or_404(request, pk):
    return get_object_or_404(Site.objects.visible_to(request.user), pk=pk)


class SiteEditView(ObjectEditView):
    model = Site
    form_class = SiteForm
    service = services.sites

    def get_form_kwargs(self):
        return {"user": self.request.user}


class SiteScanView(WriteRequiredMixin, View):
    """ "Quét ngay": queue a scan of the site after this request's transaction commits."""

    def post(self, request, pk):
        site = _site_or_404(request, pk)
        try:
            services.queue_scan(site, actor=request.user)
            messages.success(request, "Đã đưa trang web vào hàng đợi quét. Kết quả sẽ hiện trong bảng các lần quét.")
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(site)
