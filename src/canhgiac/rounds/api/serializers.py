from rest_framework import serializers

from canhgiac.core.models import Agency
from canhgiac.rounds.choices import PeriodKindChoices
from canhgiac.rounds.models import Contribution, ContributionAttachment, ReportRound
from canhgiac.rounds.parts import figure_rows


def sections_field():
    return serializers.ListField(
        child=serializers.JSONField(),
        required=False,
        help_text='Các mục nội dung: khoá một mục của loại báo cáo ("results"), hoặc {"key", "title", "help"}.',
    )


class PartRequestSerializer(serializers.Serializer):
    """One agency asked for its part, with what differs for it from the round's defaults."""

    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    due_date = serializers.DateField(required=False)
    figures = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    sections = sections_field()


class RoundOpenSerializer(serializers.Serializer):
    """Open a round: the period is a half-year/quarter (``year`` and ``number``), a year, or free dates
    (``period_start``/``period_end``); ``figures``/``sections`` replace the type's (omit them to take the type's)."""

    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    report_type = serializers.CharField(max_length=60, help_text="Khoá loại báo cáo (core.reporttypes).")
    period_kind = serializers.ChoiceField(choices=PeriodKindChoices.choices)
    year = serializers.IntegerField(required=False)
    number = serializers.IntegerField(required=False, help_text="6 tháng thứ mấy (1–2) hoặc quý thứ mấy (1–4).")
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)
    due_date = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True)
    figures = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    sections = sections_field()
    agencies = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all(), many=True, required=False)
    parts = PartRequestSerializer(many=True, required=False)


class PartSummarySerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    late = serializers.BooleanField(source="is_late", read_only=True)

    class Meta:
        model = Contribution
        fields = ["id", "agency", "agency_name", "status", "due_date", "late", "submitted_at", "reminded_at"]


class RoundSerializer(serializers.ModelSerializer):
    report_type_label = serializers.CharField(read_only=True)
    period_text = serializers.CharField(read_only=True)
    parts = serializers.SerializerMethodField()

    class Meta:
        model = ReportRound
        fields = ["id", "title", "report_type", "report_type_label", "period_kind", "period_start", "period_end",
                  "period_text", "due_date", "note", "figure_keys", "sections", "parts", "created"]  # fmt: skip
        read_only_fields = ["report_type", "period_kind", "period_start", "period_end", "due_date", "figure_keys",
                            "sections", "created"]  # fmt: skip

    def get_parts(self, obj) -> list[dict]:
        # The parts this user may see: all of them for the inspectorate, its own for an agency.
        request = self.context.get("request")
        parts = obj.contributions.visible_to(request.user if request else None).select_related("agency")
        return PartSummarySerializer(parts, many=True).data


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    recorded = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    value = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    nil = serializers.BooleanField()
    reported = serializers.BooleanField()
    difference = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    note = serializers.CharField()


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = ContributionAttachment
        fields = ["id", "original_name", "size", "mime_type", "sha256", "withdrawn", "url", "created"]


class ContributionSerializer(serializers.ModelSerializer):
    round_title = serializers.CharField(source="round.title", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    late = serializers.BooleanField(source="is_late", read_only=True)
    figures = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Contribution
        fields = ["id", "round", "round_title", "agency", "agency_name", "status", "due_date", "late", "sections",
                  "texts", "figures", "attachments", "submitted_at", "submitted_by", "review_comment", "reviewed_by",
                  "reminded_at", "created", "last_updated"]  # fmt: skip
        read_only_fields = fields

    def get_figures(self, obj) -> list[dict]:
        return FigureSerializer(figure_rows(obj), many=True).data


class FigureInputSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=100)
    value = serializers.JSONField(required=False, allow_null=True, help_text="Số (≥ 0); bỏ trống: chưa báo cáo.")
    nil = serializers.BooleanField(required=False, default=False, help_text="Chưa phát hiện (báo cáo số 0).")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ContributionWriteSerializer(serializers.Serializer):
    figures = FigureInputSerializer(many=True, required=False)
    sections = serializers.DictField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False), required=False
    )


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField()
    due_date = serializers.DateField(required=False)


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class RemindSerializer(serializers.Serializer):
    parts = serializers.ListField(child=serializers.IntegerField(), required=False,
                                  help_text="Các phần cần nhắc; bỏ trống: mọi phần quá hạn của đợt.")  # fmt: skip


class RemindedSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    parts = PartSummarySerializer(many=True)


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class AttachmentWithdrawSerializer(serializers.Serializer):
    attachment = serializers.IntegerField()
