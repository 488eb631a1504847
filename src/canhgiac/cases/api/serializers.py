from rest_framework import serializers

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.cases.models import Case, CaseEvent, Evidence, Indicator


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "kind", "value", "attrs", "note", "created"]
        read_only_fields = ["value", "attrs", "created"]


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
        fields = [
            "id",
            "code",
            "title",
            "description",
            "category",
            "status",
            "source",
            "received_on",
            "damage_vnd",
            "lead_agency",
            "district",
            "addressed_agencies",
            "assignee",
            "letters",
            "indicators",
            "indicators_input",
            "reporter_name",
            "reporter_phone",
            "reporter_address",
            "created",
            "last_updated",
        ]
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
    to_status = serializers.CharField()
    reason = serializers.CharField()


class EvidenceSerializer(serializers.ModelSerializer):
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
