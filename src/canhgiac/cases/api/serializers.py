from rest_framework import serializers

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.cases.models import Case, CaseEvent, Evidence, Indicator
from canhgiac.cases.services import CASE_FIELDS
from canhgiac.core.api.serializers import DownloadFileField
from canhgiac.core.models import Document, User


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator is shared by every case that saw it: only its note changes; kind and value are fixed once
    normalised (a different value is a new indicator, added to the case)."""

    FIXED = ("kind", "value", "attrs")

    class Meta:
        model = Indicator
        fields = ["id", "kind", "value", "attrs", "note", "created"]
        read_only_fields = ["kind", "value", "attrs", "created"]

    def validate(self, attrs):
        sent = self.initial_data if hasattr(self.initial_data, "get") else {}
        changed = [
            name
            for name in self.FIXED
            if self.instance is not None and name in sent and sent.get(name) != getattr(self.instance, name)
        ]
        if changed:
            raise serializers.ValidationError(
                {
                    name: "Không sửa được loại, giá trị của dấu hiệu đã chuẩn hoá: "
                    "hãy thêm dấu hiệu mới vào vụ việc (chỉ sửa được ghi chú)."
                    for name in changed
                }
            )
        return attrs


class IndicatorInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=IndicatorKindChoices.choices)
    value = serializers.CharField(max_length=500)


class CaseEventSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()

    class Meta:
        model = CaseEvent
        fields = ["from_status", "to_status", "reason", "actor", "letter", "at"]


class CaseSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)
    indicators_input = IndicatorInputSerializer(many=True, write_only=True, required=False)

    class Meta:
        model = Case
        fields = ["id", "code", *CASE_FIELDS, "status", "indicators", "indicators_input", "created", "last_updated"]
        read_only_fields = ["code", "status", "created", "last_updated"]

    def to_representation(self, instance):
        from canhgiac.core.personal import reveal_personal_data

        data = super().to_representation(instance)
        view = self.context.get("view")
        revealed = None
        if view is not None and getattr(view, "action", None) in ("retrieve", "update", "partial_update", "create"):
            revealed = reveal_personal_data(self.context["request"].user, instance, channel="api")
        for name in instance.personal_fields:
            if revealed is None:
                data.pop(name, None)
        return data


class CaseListSerializer(CaseSerializer):
    class Meta(CaseSerializer.Meta):
        fields = [f for f in CaseSerializer.Meta.fields if f not in ("indicators", "description")]


class TransitionSerializer(serializers.Serializer):
    to_status = serializers.CharField(label="Chuyển sang")
    reason = serializers.CharField(label="Lý do", required=False, allow_blank=True, default="")
    # Existence only: whether the user may open the letter is the transition service's question.
    letter = serializers.PrimaryKeyRelatedField(
        label="Văn bản làm căn cứ", queryset=Document.objects.all(), required=False, allow_null=True, default=None
    )


class EvidenceSerializer(serializers.ModelSerializer):
    file = DownloadFileField("cases:evidence_file", help_text="Tệp chứng cứ; trả về đường dẫn tải (cần đăng nhập).")

    class Meta:
        model = Evidence
        fields = [
            "id",
            "case",
            "file",
            "original_name",
            "sha256",
            "size",
            "mime_type",
            "description",
            "withdrawn",
            "withdrawn_reason",
            "withdrawn_at",
            "created",
        ]
        read_only_fields = [f for f in fields if f not in ("case", "file", "description")]


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField()


class EscalateSerializer(serializers.Serializer):
    case = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Mã (VV-2026-00004) hoặc id của vụ việc có sẵn; trống: mở vụ việc mới.",
    )


class BulkSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=500, label="mã các vụ việc"
    )
    action = serializers.ChoiceField(
        choices=[("assign", "Giao người xử lý"), ("transition", "Chuyển trạng thái")], label="thao tác"
    )
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), required=False, allow_null=True, label="người xử lý"
    )
    to_status = serializers.CharField(required=False, allow_blank=True, label="trạng thái mới")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000, label="lý do")


class BulkResultSerializer(serializers.Serializer):
    changed = serializers.IntegerField(label="số vụ việc đã thay đổi")
