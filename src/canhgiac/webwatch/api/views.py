from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.response import Response

from canhgiac.cases.api.serializers import CaseSerializer, EscalateSerializer
from canhgiac.cases.triage import find_case
from canhgiac.core.api.base import BaseViewSet
from canhgiac.webwatch import services
from canhgiac.webwatch.api.serializers import (
    FindingDismissSerializer,
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


class FindingViewSet(BaseViewSet):
    queryset = Finding.objects.select_related("site")
    serializer_class = FindingSerializer
    filterset_class = FindingFilterSet
    ordering_fields = ["created", "severity"]
    http_method_names = ["get", "post", "head", "options"]

    def create(self, request, *args, **kwargs):
        raise MethodNotAllowed("POST")  # findings come from scans only

    @extend_schema(request=EscalateSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        """Open a case from this finding (domains as indicators, the page as evidence), or add it to ``case``."""
        body = EscalateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        existing = find_case(body.validated_data.get("case"), request.user)
        case = services.escalate_finding(self.get_object(), actor=request.user, case=existing)
        return Response(CaseSerializer(case, context={"request": request}).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=FindingDismissSerializer, responses=FindingSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        """Dismiss this finding as a false alarm, with a reason; re-scans that still see it no longer flag the site."""
        body = FindingDismissSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        finding = services.dismiss_finding(self.get_object(), actor=request.user, reason=body.validated_data["reason"])
        return Response(FindingSerializer(finding, context={"request": request}).data)
