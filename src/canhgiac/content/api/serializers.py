from rest_framework import serializers

from canhgiac.content.choices import ContentLabelChoices
from canhgiac.content.models import ContentItem


class ContentItemSerializer(serializers.ModelSerializer):
    case_code = serializers.CharField(source="case.code", read_only=True, default=None, allow_null=True)
    reviewed_label = serializers.ChoiceField(choices=ContentLabelChoices.choices, allow_blank=True, read_only=True)

    class Meta:
        model = ContentItem
        fields = [
            "id", "platform", "url", "author", "published_at", "text", "label", "scores", "cues", "risk", "status",
            "sender_kind", "uncertain",
            "reviewed_label", "reviewer", "reviewed_at", "case", "case_code", "batch", "created", "last_updated",
        ]  # fmt: skip
        read_only_fields = fields


class ReviewSerializer(serializers.Serializer):
    label = serializers.ChoiceField(choices=ContentLabelChoices.choices)


class ClassifyRequestSerializer(serializers.Serializer):
    """Either ``text`` (one) or ``texts`` (a batch); each text is checked on its own so one bad text does not
    fail the batch."""

    text = serializers.JSONField(required=False, allow_null=True)
    texts = serializers.ListField(child=serializers.JSONField(allow_null=True), required=False, max_length=500)
    # the SMS sender when known (brandname, shortcode or number): one for ``text``, one per text for ``texts``
    sender = serializers.CharField(required=False, allow_blank=True, max_length=200)
    senders = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=200), required=False, max_length=500
    )

    def validate(self, attrs):
        if ("text" in attrs) == ("texts" in attrs):
            raise serializers.ValidationError("Gửi đúng một trong hai trường: “text” hoặc “texts”.")
        return attrs


class ClassifyResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    label = serializers.CharField(required=False)
    label_vi = serializers.CharField(required=False)
    scores = serializers.DictField(child=serializers.FloatField(), required=False)
    risk = serializers.FloatField(required=False)
    cues = serializers.ListField(child=serializers.CharField(), required=False)
    uncertain = serializers.BooleanField(required=False)
    error = serializers.CharField(required=False)


class ClassifyBatchSerializer(serializers.Serializer):
    """The answer to ``texts``: one result per text, in order."""

    results = ClassifyResultSerializer(many=True)
