from django.contrib.contenttypes.models import ContentType
from rest_framework import serializers

from canhgiac.core.models import Agency, Deadline, Document
from canhgiac.core.personal import reveal_personal_data
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.services import PETITION_FIELDS, receptions
from canhgiac.petitions.steps import step_choices

COMPUTED = (
    "code", "status", "accepted_on", "resolved_on", "transferred_on", "closed_on", "transferred_to",
    "transfer_letter", "decision_letter", "accept_due", "accept_days", "accept_extensions", "resolve_due",
    "resolve_days", "resolve_extensions", "overdue_on",
)  # fmt: skip
DETAIL_ACTIONS = ("retrieve", "update", "partial_update", "create")


class PersonalDataMixin:
    """Personal fields only for roles entitled to them, only on one record's answer, and each read logged."""

    def to_representation(self, instance):
        data = super().to_representation(instance)  # type: ignore[misc]
        view = self.context.get("view")  # type: ignore[attr-defined]
        revealed = None
        if view is not None and getattr(view, "action", None) in DETAIL_ACTIONS:
            revealed = reveal_personal_data(self.context["request"].user, instance, channel="api")  # type: ignore
        if revealed is None:
            for name in instance.personal_fields:
                data.pop(name, None)
        return data


class DeadlineRowSerializer(serializers.ModelSerializer):
    citation = serializers.CharField(source="rule.citation", default="", read_only=True)
    unverified = serializers.BooleanField(source="rule.unverified", default=False, read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = Deadline
        fields = ["id", "label", "start_date", "due_date", "status", "overdue", "citation", "unverified"]


class PetitionSerializer(PersonalDataMixin, serializers.ModelSerializer):
    deadlines = serializers.SerializerMethodField(label="thời hạn")
    steps = serializers.SerializerMethodField(label="các bước có thể thực hiện")

    class Meta:
        model = Petition
        fields = ["id", *PETITION_FIELDS, *COMPUTED, "deadlines", "steps", "created", "last_updated"]
        read_only_fields = [*COMPUTED, "created", "last_updated"]

    def get_deadlines(self, obj) -> list[dict]:
        rows = Deadline.objects.filter(content_type=ContentType.objects.get_for_model(Petition), object_id=obj.pk)
        return DeadlineRowSerializer(rows.select_related("rule"), many=True).data

    def get_steps(self, obj) -> list[str]:
        request = self.context.get("request")
        return [name for name, _ in step_choices(obj, request.user)] if request else []


class PetitionListSerializer(PetitionSerializer):
    class Meta(PetitionSerializer.Meta):
        fields = [f for f in PetitionSerializer.Meta.fields if f not in ("deadlines", "steps", "summary")]


class StepSerializer(serializers.Serializer):
    on = serializers.DateField(label="ngày thực hiện", required=False, allow_null=True, default=None)
    reason = serializers.CharField(label="lý do / nội dung", required=False, allow_blank=True, default="")
    letter = serializers.PrimaryKeyRelatedField(
        label="văn bản", queryset=Document.objects.all(), required=False, allow_null=True, default=None
    )


class TransferSerializer(StepSerializer):
    agency = serializers.PrimaryKeyRelatedField(
        label="cơ quan có thẩm quyền", queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )


class ExtendSerializer(StepSerializer):
    days = serializers.IntegerField(
        label="số ngày gia hạn thêm", required=False, allow_null=True, default=None, min_value=1, max_value=365
    )


class ReceptionSerializer(PersonalDataMixin, serializers.ModelSerializer):
    class Meta:
        model = Reception
        fields = ["id", *receptions.fields, "created", "last_updated"]
        read_only_fields = ["created", "last_updated"]
