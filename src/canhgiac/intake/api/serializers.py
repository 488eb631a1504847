from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.intake.choices import ReportTypeChoices
from canhgiac.intake.models import Report, ScamWarning
from canhgiac.intake.services import ReportService

INDICATOR_INPUTS = {
    "phones": "Số điện thoại bị phản ánh (nhiều số cách nhau bởi dấu phẩy hoặc xuống dòng).",
    "links": "Đường dẫn hoặc tên miền.",
    "accounts": "Tài khoản mạng xã hội (đường dẫn trang cá nhân hoặc nền-tảng:tên).",
    "bank_accounts": "Tài khoản ngân hàng, dạng MÃ NGÂN HÀNG:SỐ TÀI KHOẢN.",
}


# What the office's decisions set: read in the API, written only through the triage actions.
READ_ONLY = [
    "received_at",
    "status",
    "outcome",
    "case",
    "duplicate_of",
    "forwarded_to",
    "forward_letter",
    "reply",
    "replied_at",
    "merged_count",
    "dismiss_reason",
]


class ReportIndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    value = serializers.CharField()


def _input(name):
    return serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20000, help_text=INDICATOR_INPUTS[name]
    )


class IndicatorInputs(serializers.Serializer):
    """The indicator fields a report or a warning takes, as people write them (see ``intake.indicators``)."""

    phones = _input("phones")
    links = _input("links")
    accounts = _input("accounts")
    bank_accounts = _input("bank_accounts")


@extend_schema_serializer(component_name="IntakeReport")
class ReportSerializer(IndicatorInputs, serializers.ModelSerializer):
    indicators = ReportIndicatorSerializer(many=True, read_only=True)
    has_reporter_contact = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            *ReportService.fields,
            *INDICATOR_INPUTS,
            *READ_ONLY,
            "indicators",
            "has_reporter_contact",
            "created",
            "last_updated",
        ]
        read_only_fields = READ_ONLY

    def get_has_reporter_contact(self, obj) -> bool:
        return bool(obj.reporter_name or obj.reporter_phone or obj.reporter_email)

    def to_representation(self, instance):
        """Reporters' personal data only to entitled roles, only on one record's answer, each read logged."""
        data = super().to_representation(instance)
        view = self.context.get("view")
        request = self.context.get("request")
        revealed = None
        one = view is not None and getattr(view, "action", None) not in ("list", "escalate_many")
        if one and request is not None and can_read_personal_data(request.user):
            revealed = reveal_personal_data(request.user, instance, channel="api")
        for name in instance.personal_fields:
            if revealed is None:
                data.pop(name, None)
        return data


class ForwardSerializer(serializers.Serializer):
    agency = serializers.IntegerField(min_value=1, help_text="Mã (id) cơ quan nhận.")
    notation = serializers.CharField(max_length=100, help_text="Số, ký hiệu văn bản chuyển, ví dụ 125/STTTT-TTra.")
    date = serializers.DateField(required=False, help_text="Ngày văn bản (mặc định hôm nay).")
    summary = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DuplicateSerializer(serializers.Serializer):
    original = serializers.IntegerField(min_value=1, help_text="Mã (id) phản ánh gốc.")


class ReplySerializer(serializers.Serializer):
    reply = serializers.CharField(max_length=5000, help_text="Nội dung trả lời người phản ánh.")


class ScamWarningSerializer(IndicatorInputs, serializers.ModelSerializer):
    indicators = ReportIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = ScamWarning
        fields = [
            "id",
            "title",
            "summary",
            "body",
            *INDICATOR_INPUTS,
            "status",
            "published_at",
            "indicators",
            "created",
            "last_updated",
        ]
        read_only_fields = ["status", "published_at"]


class LookupAnswerSerializer(serializers.Serializer):
    kind = serializers.CharField()
    value = serializers.CharField()
    status = serializers.ChoiceField(choices=["confirmed", "verifying", "none"])
    status_label = serializers.CharField()
    reports = serializers.IntegerField()
    warning = serializers.DictField(allow_null=True)


class PublicReportSerializer(IndicatorInputs):
    report_type = serializers.ChoiceField(choices=ReportTypeChoices.choices, required=False)
    content = serializers.CharField(max_length=1_000_000, trim_whitespace=True)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    reporter_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    reporter_phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    reporter_email = serializers.EmailField(required=False, allow_blank=True)
    consent = serializers.BooleanField()
    website = serializers.CharField(required=False, allow_blank=True, help_text="Để trống (chống gửi tự động).")
    files = serializers.ListField(child=serializers.FileField(), required=False, max_length=20)


class FollowupSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=64)


class FollowupAnswerSerializer(serializers.Serializer):
    received_at = serializers.DateTimeField()
    status = serializers.CharField()
    reply = serializers.CharField()
    replied_at = serializers.DateTimeField(allow_null=True)
