from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.cases.api.triage import TriageActions
from canhgiac.core.api.base import BaseViewSet
from canhgiac.webwatch import services
from canhgiac.webwatch.api.serializers import (
    FindingSerializer,
    ScanRunDetailSerializer,
    ScanRunSerializer,
    SiteSerializer,
)
from canhgiac.webwatch.filtersets import FindingFilterSet, ScanRunFilterSet, SiteFilterSet
from canhgiac.webwatch.models import Finding, ScanRun, Site


class SiteViewSet(BaseViewSet):
    queryset = Site.objects.select_related("owner_agency")
    serializer_class = SiteSerializer
    filterset_class = SiteFilterSet
    search_fields = ["name", "url"]
    ordering_fields = ["name", "last_scan_at", "next_scan_at"]

    service = services.sites

    @extend_schema(request=None, responses={202: None})
    @action(detail=True, methods=["post"])
    def scan(self, request, pk=None):
        """Queue a scan of this site now ("Quét ngay")."""
        services.queue_scan(self.get_object(), actor=request.user)
        return Response({"detail": "Đã đưa vào hàng đợi quét."}, status=status.HTTP_202_ACCEPTED)


class ScanRunViewSet(BaseViewSet):
    queryset = ScanRun.objects.select_related("site")
    serializer_class = ScanRunSerializer
    filterset_class = ScanRunFilterSet
    ordering_fields = ["started_at"]
    http_method_names = ["get", "head", "options"]

    def get_serializer_class(self):
        return ScanRunDetailSerializer if self.action == "retrieve" else ScanRunSerializer


class FindingViewSet(TriageActions, BaseViewSet):
    """Findings come from scans only; their triage is the shared one (dismiss, reopen, escalate)."""

    queryset = Finding.objects.select_related("site")
    serializer_class = FindingSerializer
    filterset_class = FindingFilterSet
    ordering_fields = ["created", "severity"]
    http_method_names = ["get", "post", "head", "options"]
    triage = services.findings
