from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.core.api.base import BaseViewSet
from canhgiac.secops import services
from canhgiac.secops.filtersets import AlertFilterSet, IncidentFilterSet, NetworkFilterSet, WarningFilterSet
from canhgiac.secops.models import COUNT_ERROR, AgencyNetwork, Alert, Incident, IncidentEntry, SecurityWarning


class AlertSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alert
        fields = [
            "id",
            *services.alerts.fields,
            "first_seen",
            "last_seen",
            "signature_id",
            "severity",
            "src_port",
            "dest_port",
            "proto",
            "created",
        ]
        read_only_fields = ["first_seen", "last_seen", "signature_id", "severity", "src_port", "dest_port", "proto"]
        extra_kwargs = {"connections": {"error_messages": {"min_value": COUNT_ERROR}}}


class IncidentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Incident
        fields = ["id", *services.incidents.fields, "status", "resolved_at", "outcome", "created"]
        read_only_fields = ["status", "resolved_at", "outcome"]


class IncidentEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentEntry
        fields = ["id", "at", "text", "from_status", "to_status", "reason", "actor", "created"]


class IncidentTransitionSerializer(serializers.Serializer):
    to_status = serializers.CharField(label="sang trạng thái")
    reason = serializers.CharField(label="lý do", required=False, allow_blank=True)
    outcome = serializers.CharField(label="kết quả xử lý", required=False, allow_blank=True)
    resolved_at = serializers.DateTimeField(label="khắc phục xong lúc", required=False, allow_null=True)


class IncidentEntryInputSerializer(serializers.Serializer):
    text = serializers.CharField(label="diễn biến", max_length=1000)
    at = serializers.DateTimeField(label="thời điểm", required=False, allow_null=True)


class AlertViewSet(BaseViewSet):
    queryset = Alert.objects.select_related("agency", "system")
    serializer_class = AlertSerializer
    filterset_class = AlertFilterSet
    ordering_fields = ["day", "connections", "category"]
    service = services.alerts


class NetworkViewSet(BaseViewSet):
    queryset = AgencyNetwork.objects.select_related("agency", "system")
    filterset_class = NetworkFilterSet
    service = services.networks


class IncidentViewSet(BaseViewSet):
    queryset = Incident.objects.select_related("agency", "system")
    serializer_class = IncidentSerializer
    filterset_class = IncidentFilterSet
    ordering_fields = ["detected_at", "resolved_at", "severity"]
    service = services.incidents

    @extend_schema(request=IncidentTransitionSerializer, responses=IncidentEntrySerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the incident along its workflow; closing it ("resolved") needs the outcome."""
        body = IncidentTransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = services.move_incident(self.get_object(), actor=request.user, **body.validated_data)
        return Response(IncidentEntrySerializer(entry).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["get"], responses=IncidentEntrySerializer(many=True))
    @extend_schema(methods=["post"], request=IncidentEntryInputSerializer, responses={201: IncidentEntrySerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def entries(self, request, pk=None):
        """The incident's timeline (GET), or a dated entry added to it (POST)."""
        incident = self.get_object()
        if request.method == "GET":
            return Response(IncidentEntrySerializer(incident.entries.all(), many=True).data)
        body = IncidentEntryInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = services.add_incident_entry(incident, actor=request.user, **body.validated_data)
        return Response(IncidentEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class WarningViewSet(BaseViewSet):
    queryset = SecurityWarning.objects.select_related("letter")
    filterset_class = WarningFilterSet
    service = services.warnings


def register(router) -> None:
    router.register("secops/alerts", AlertViewSet)
    router.register("secops/networks", NetworkViewSet)
    router.register("secops/incidents", IncidentViewSet)
    router.register("secops/warnings", WarningViewSet)
