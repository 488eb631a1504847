"""API of the workflow base: my notifications (list, mark read) and deadlines (list, filter, set, close)."""

from django.contrib.contenttypes.models import ContentType
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canhgiac.core import deadlines as deadline_services
from canhgiac.core import notifications
from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.filtersets import DeadlineFilterSet
from canhgiac.core.models import Deadline, DeadlineRule, Holiday, Notification
from canhgiac.core.models.workflow import DeadlineStatusChoices


class NotificationSerializer(serializers.ModelSerializer):
    read = serializers.SerializerMethodField(label="đã đọc")

    class Meta:
        model = Notification
        fields = ["id", "verb", "text", "url", "created", "read", "read_at"]

    def get_read(self, obj) -> bool:
        return obj.read_at is not None


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in user's own notifications; nobody reads another user's."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.all()
    filterset_fields = ["verb"]

    def get_queryset(self):
        queryset = Notification.objects.filter(recipient=self.request.user)
        unread = self.request.query_params.get("unread")
        return queryset.filter(read_at__isnull=True) if unread in ("1", "true") else queryset

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark this notification read."""
        return Response(self.get_serializer(notifications.mark_read(self.get_object(), actor=request.user)).data)

    @extend_schema(request=None, responses={200: dict})
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        """Mark all my notifications read."""
        return Response({"marked": notifications.mark_all_read(actor=request.user)})

    # Marking one's own notifications read is not a records write: every signed-in role may do it.
    permission_classes = [IsAuthenticated]


class DeadlineRuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeadlineRule
        fields = ["id", "key", "label", "citation", "days", "working_days", "effective_from", "effective_to"]
        fields += ["unverified", "note"]


class DeadlineRuleViewSet(viewsets.ReadOnlyModelViewSet):
    """Legal deadline rules with their citations and effective dates (``key`` is what POST /api/deadlines/ takes)."""

    queryset = DeadlineRule.objects.all()
    serializer_class = DeadlineRuleSerializer
    filterset_fields = ["key", "working_days", "unverified"]

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class HolidaySerializer(serializers.ModelSerializer):
    class Meta:
        model = Holiday
        fields = ["id", "date", "name", "kind", "source"]


class HolidayViewSet(viewsets.ReadOnlyModelViewSet):
    """The holiday calendar used to count working days: days off and make-up working days."""

    queryset = Holiday.objects.all()
    serializer_class = HolidaySerializer
    filterset_fields = {"date": ["gte", "lte"], "kind": ["exact"]}

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class DeadlineSerializer(serializers.ModelSerializer):
    rule = DeadlineRuleSerializer(read_only=True, allow_null=True)
    rule_key = serializers.CharField(label="mã quy tắc", write_only=True, required=False, allow_blank=True)
    model = serializers.CharField(
        label="loại hồ sơ", write_only=True, help_text="app_label.model, ví dụ cases.case", required=True
    )
    overdue = serializers.BooleanField(source="is_overdue", read_only=True, label="quá hạn")
    target = serializers.SerializerMethodField(label="hồ sơ")

    class Meta:
        model = Deadline
        fields = ["id", "content_type", "object_id", "model", "target", "rule", "rule_key", "label", "start_date"]
        fields += ["due_date", "responsible", "status", "overdue", "closed_at"]
        read_only_fields = ["content_type", "status", "closed_at"]
        extra_kwargs = {
            "due_date": {"required": False},
            "start_date": {"required": False},
            "label": {"required": False},
        }

    def get_target(self, obj) -> str:
        return str(obj.target)


class CloseSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        label="trạng thái", choices=[c for c in DeadlineStatusChoices.choices if c[0] != "open"], default="met"
    )
    reason = serializers.CharField(label="lý do", required=False, allow_blank=True, default="")


class DeadlineViewSet(BaseViewSet):
    """Deadlines of the records I may see; ``?state=soon|overdue``, ``?status=open``, ``?mine=true``."""

    queryset = Deadline.objects.select_related("rule", "responsible", "content_type")
    serializer_class = DeadlineSerializer
    filterset_class = DeadlineFilterSet
    ordering_fields = ["due_date", "start_date"]
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        app_label, _, model_name = data["model"].lower().partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        model = content_type.model_class() if content_type else None
        obj = None
        if model is not None and hasattr(model.objects, "visible_to"):
            obj = model.objects.visible_to(self.request.user).filter(pk=data["object_id"]).first()
        if obj is None:
            raise NotFound("Không tìm thấy hồ sơ (không tồn tại hoặc bạn không có quyền xem).")
        serializer.instance = deadline_services.attach_deadline(
            obj,
            data.get("rule_key", ""),
            actor=self.request.user,
            start=data.get("start_date"),
            due_date=data.get("due_date"),
            label=data.get("label", ""),
            responsible=data.get("responsible"),
        )

    @extend_schema(request=CloseSerializer, responses=DeadlineSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Mark the deadline met, or stop watching it (with a reason)."""
        body = CloseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        deadline = deadline_services.close_deadline(self.get_object(), actor=request.user, **body.validated_data)
        return Response(self.get_serializer(deadline).data, status=status.HTTP_200_OK)
