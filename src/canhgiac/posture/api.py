from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.core.api.base import BaseViewSet
from canhgiac.posture.filtersets import EndpointFilterSet, SystemFilterSet
from canhgiac.posture.models import LEVEL_ERROR, Endpoint, InformationSystem
from canhgiac.posture.queries import coverage
from canhgiac.posture.services import endpoints, systems


class InformationSystemSerializer(serializers.ModelSerializer):
    legal_basis_text = serializers.SerializerMethodField(label="căn cứ pháp lý")

    class Meta:
        model = InformationSystem
        fields = ["id", *systems.fields, "legal_basis", "legal_basis_text", "created"]
        read_only_fields = ["legal_basis"]
        extra_kwargs = {"security_level": {"error_messages": {"min_value": LEVEL_ERROR, "max_value": LEVEL_ERROR}}}

    def get_legal_basis_text(self, obj) -> str:
        return str(obj.basis) if obj.basis else ""


class EndpointSerializer(serializers.ModelSerializer):
    class Meta:
        model = Endpoint
        fields = ["id", *endpoints.fields, "created"]
        validators = []  # the service says "this agency already has that computer", in Vietnamese, on the field


class InformationSystemViewSet(BaseViewSet):
    queryset = InformationSystem.objects.select_related("owner_agency", "decision")
    serializer_class = InformationSystemSerializer
    filterset_class = SystemFilterSet
    ordering_fields = ["code", "security_level", "approved_on", "listed_on"]
    service = systems


class EndpointViewSet(BaseViewSet):
    queryset = Endpoint.objects.select_related("agency")
    serializer_class = EndpointSerializer
    filterset_class = EndpointFilterSet
    ordering_fields = ["host_id", "last_seen", "installed_on"]
    service = endpoints

    @extend_schema(responses=dict)
    @action(detail=False, methods=["get"])
    def coverage(self, request):
        """Computers with and without the central anti-malware agent and the share, per agency and for the province
        (over the computers the user may see, with the list's filters)."""
        return Response(coverage(self.filter_queryset(self.get_queryset())))


def register(router) -> None:
    router.register("posture/systems", InformationSystemViewSet)
    router.register("posture/endpoints", EndpointViewSet)
