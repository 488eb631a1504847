"""Citizen reports (phản ánh) of every channel, the indicators they mention, their screenshots, and the warnings
(cảnh báo) the office publishes on the portal."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from canhgiac.core.models import BaseModel, BaseQuerySet
from canhgiac.core.triage import TriageItem
from canhgiac.intake.choices import (
    PUBLIC_STATUS,
    ChannelChoices,
    OutcomeChoices,
    ReportTypeChoices,
    WarningStatusChoices,
)


class Report(TriageItem):
    """One report of a scam or violation, from any channel, waiting for (or carrying) the office's decision."""

    followup_code = models.CharField("mã tra cứu", max_length=24, unique=True, editable=False)
    channel = models.CharField("kênh tiếp nhận", max_length=20, choices=ChannelChoices.choices, db_index=True)
    report_type = models.CharField("loại phản ánh", max_length=20, choices=ReportTypeChoices.choices, db_index=True)
    content = models.TextField("nội dung")
    occurred_at = models.DateTimeField("thời điểm xảy ra", null=True, blank=True)
    received_at = models.DateTimeField("tiếp nhận lúc", default=timezone.now, db_index=True)
    reporter_name = models.CharField("họ tên người phản ánh", max_length=200, blank=True)
    reporter_phone = models.CharField("điện thoại người phản ánh", max_length=40, blank=True)
    reporter_email = models.EmailField("thư điện tử người phản ánh", max_length=254, blank=True)
    consent = models.BooleanField("đồng ý xử lý dữ liệu cá nhân", default=False)
    consent_at = models.DateTimeField("đồng ý lúc", null=True, blank=True, editable=False)
    call_action = models.TextField("đã xử lý tại chỗ (cuộc gọi)", blank=True)
    external_ref = models.CharField("mã nguồn ngoài", max_length=120, blank=True, db_index=True, editable=False)
    source_hash = models.CharField("địa chỉ gửi (băm)", max_length=64, blank=True, editable=False)
    content_hash = models.CharField("nội dung (băm)", max_length=64, blank=True, editable=False)
    merged_count = models.PositiveIntegerField("lần gửi trùng đã gộp", default=0, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xử lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="intake_reports",
    )
    outcome = models.CharField(
        "kết quả", max_length=20, choices=OutcomeChoices.choices, default="", blank=True, db_index=True
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    duplicate_of = models.ForeignKey(
        "self", verbose_name="trùng với", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    forwarded_to = models.ForeignKey(
        "core.Agency", verbose_name="chuyển tới", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forward_letter = models.ForeignKey(
        "core.Document",
        verbose_name="văn bản chuyển",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reply = models.TextField("trả lời người phản ánh", blank=True)
    replied_at = models.DateTimeField("trả lời lúc", null=True, blank=True)
    reply_emailed_at = models.DateTimeField("đã gửi thư trả lời lúc", null=True, blank=True, editable=False)
    head_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    indicators = models.ManyToManyField(
        "cases.Indicator", through="intake.ReportIndicator", verbose_name="dấu hiệu", blank=True, related_name="reports"
    )

    # The agency a report was forwarded to reads it; provincial staff read every report.
    agency_paths = ("forwarded_to_id",)
    personal_fields = ("reporter_name", "reporter_phone", "reporter_email")

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "phản ánh"
        verbose_name_plural = "phản ánh"
        indexes = [
            models.Index(fields=["source_hash", "received_at"], name="intake_report_source"),
            models.Index(fields=["status", "-received_at"], name="intake_report_status"),
        ]

    def __str__(self) -> str:
        return f"Phản ánh #{self.pk} ({self.get_channel_display()}, {timezone.localtime(self.received_at):%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("intake:report", args=[self.pk])

    @property
    def public_status(self) -> str:
        if self.outcome == OutcomeChoices.FORWARDED:
            return f"Đã chuyển {self.forwarded_to} xử lý theo thẩm quyền"
        if self.outcome == OutcomeChoices.REPLIED:
            return "Đã trả lời"
        return PUBLIC_STATUS.get(self.status, "Đã tiếp nhận")


class ReportIndicator(models.Model):
    """An indicator a report mentions, as the reporter wrote it."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="report_indicators")
    indicator = models.ForeignKey("cases.Indicator", on_delete=models.PROTECT, related_name="report_links")
    original = models.CharField("giá trị gốc", max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="intake_report_indicator")]
        indexes = [models.Index(fields=["indicator", "report"], name="intake_indicator_report")]
        verbose_name = "dấu hiệu của phản ánh"
        verbose_name_plural = "dấu hiệu của phản ánh"

    def __str__(self) -> str:
        return f"{self.report_id} ↔ {self.indicator_id}"


def attachment_upload_to(instance, filename: str) -> str:
    return f"intake/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(BaseModel):
    """A screenshot (re-encoded, metadata stripped) or a PDF sent with a report."""

    report = models.ForeignKey(Report, verbose_name="phản ánh", on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField("tệp", upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField("tên tệp gốc", max_length=255)
    mime_type = models.CharField("định dạng", max_length=100)
    size = models.PositiveIntegerField("dung lượng (byte)")
    sha256 = models.CharField("SHA-256", max_length=64)

    agency_paths = ("report__forwarded_to_id",)

    class Meta:
        ordering = ["id"]
        verbose_name = "tệp đính kèm phản ánh"
        verbose_name_plural = "tệp đính kèm phản ánh"

    def __str__(self) -> str:
        return self.original_name


class ScamWarningQuerySet(BaseQuerySet):
    def published(self):
        return self.filter(status=WarningStatusChoices.PUBLISHED, published_at__lte=timezone.now())


class ScamWarning(BaseModel):
    """A warning (cảnh báo) written by staff and published on the portal, naming the indicators it is about."""

    title = models.CharField("tiêu đề", max_length=300)
    summary = models.CharField("tóm tắt", max_length=500)
    body = models.TextField("nội dung")
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=WarningStatusChoices.choices,
        default=WarningStatusChoices.DRAFT,
        editable=False,
        db_index=True,
    )
    published_at = models.DateTimeField("đăng lúc", null=True, blank=True, editable=False, db_index=True)
    indicators = models.ManyToManyField(
        "cases.Indicator", verbose_name="dấu hiệu được cảnh báo", blank=True, related_name="warnings"
    )

    objects = ScamWarningQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "cảnh báo"
        verbose_name_plural = "cảnh báo"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("intake:scamwarning", args=[self.pk])
