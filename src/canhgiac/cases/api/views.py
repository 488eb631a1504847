from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.cases import bulk, services
from canhgiac.cases.api.serializers import (
    BulkResultSerializer,
    BulkSerializer,
    CaseEventSerializer,
    CaseListSerializer,
    CaseSerializer,
    EvidenceSerializer,
    IndicatorSerializer,
    TransitionSerializer,
    WithdrawSerializer,
)
from canhgiac.cases.filtersets import CaseFilterSet, EvidenceFilterSet, IndicatorFilterSet
from canhgiac.cases.models import Case, Evidence, Indicator
from canhgiac.core.api.base import BaseViewSet


class CaseViewSet(BaseViewSet):
    queryset = Case.objects.select_related("lead_agency", "locality", "assignee")
    serializer_class = CaseSerializer
    filterset_class = CaseFilterSet
    search_fields = ["code", "title"]
    ordering_fields = ["received_on", "code", "damage_vnd", "status", "category"]

    service = services.cases
    service_inputs = {"indicators_input": "indicators"}

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else CaseSerializer

    def service_data(self, serializer):
        data = super().service_data(serializer)
        if "indicators" in data:
            data["indicators"] = [(item["kind"], item["value"]) for item in data["indicators"]]
        return data

    @extend_schema(request=TransitionSerializer, responses=CaseEventSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the case along its workflow with a reason."""
        body = TransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        event = services.transition_case(self.get_object(), actor=request.user, **body.validated_data)
        return Response(CaseEventSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=BulkSerializer, responses=BulkResultSerializer)
    @action(detail=False, methods=["post"])
    def bulk(self, request):
        """Giao người xử lý hoặc chuyển trạng thái nhiều vụ việc một lần: tất cả hoặc không vụ việc nào."""
        body = BulkSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if data["action"] == "assign":
            done = bulk.bulk_assign(data["ids"], data.get("assignee"), actor=request.user)
        else:
            done = bulk.bulk_transition(
                data["ids"], data.get("to_status", ""), actor=request.user, reason=data.get("reason", "")
            )
        return Response({"changed": done})


class IndicatorViewSet(BaseViewSet):
    queryset = Indicator.objects.all()
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet
    ordering_fields = ["value", "created"]
    http_method_names = ["get", "patch", "head", "options"]
    service = services.indicators


class EvidenceViewSet(BaseViewSet):
    queryset = Evidence.objects.select_related("case")
    serializer_class = EvidenceSerializer
    filterset_class = EvidenceFilterSet
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.attach_evidence(
            data["case"], data["file"], actor=self.request.user, description=data.get("description", "")
        )

    @extend_schema(request=WithdrawSerializer, responses=EvidenceSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw evidence with a reason; the file stays stored."""
        body = WithdrawSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        evidence = services.withdraw_evidence(self.get_object(), actor=request.user, **body.validated_data)
        return Response(EvidenceSerializer(evidence, context={"request": request}).data)
