"""A report round (đợt báo cáo) asks partner agencies for their parts of a periodic report; each part
(``Contribution``) holds the agency's figures, narrative sections and attached files."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from canhgiac.core.models import BaseModel, BaseQuerySet
from canhgiac.rounds.choices import OPEN_STATUSES, ContributionStatusChoices, PeriodKindChoices, period_label


class ReportRound(BaseModel):
    """One request for contributions: the period, the report type, the due date and what each agency sends."""

    title = models.CharField("tên đợt báo cáo", max_length=300)
    report_type = models.CharField("loại báo cáo", max_length=60, db_index=True)
    report_type_label = models.CharField("tên loại báo cáo", max_length=300, blank=True)
    period_kind = models.CharField("loại kỳ", max_length=20, choices=PeriodKindChoices.choices)
    period_start = models.DateField("kỳ từ ngày")
    period_end = models.DateField("kỳ đến ngày")
    due_date = models.DateField("hạn nộp")
    note = models.TextField("hướng dẫn cho cơ quan phối hợp", blank=True)
    # What the round asks by default (from the type's ContributionSpec, with figures/sections added or dropped):
    # figure keys of the catalogue, and sections as [{"key", "title", "help"}].
    figure_keys = models.JSONField("chỉ số yêu cầu", default=list, blank=True)
    sections = models.JSONField("nội dung yêu cầu", default=list, blank=True)

    # An agency sees the rounds it is asked to contribute to (and, in them, only its own part).
    agency_paths = ("contributions__agency_id",)

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = "đợt báo cáo"
        verbose_name_plural = "đợt báo cáo"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("rounds:reportround", args=[self.pk])

    @property
    def period_text(self) -> str:
        return period_label(self.period_kind, self.period_start, self.period_end)


class ContributionQuerySet(BaseQuerySet):
    def late(self, on=None):
        """Parts not sent (or sent back and not sent again) whose due date has passed."""
        on = on or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, due_date__lt=on)


class Contribution(BaseModel):
    """One agency's part of a round: its own copy of what it must send, its status and the inspectorate's review."""

    round = models.ForeignKey(ReportRound, models.PROTECT, related_name="contributions", verbose_name="đợt báo cáo")
    agency = models.ForeignKey("core.Agency", models.PROTECT, related_name="contributions", verbose_name="cơ quan")
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=ContributionStatusChoices.choices,
        default=ContributionStatusChoices.DRAFT,
        db_index=True,
    )
    due_date = models.DateField("hạn nộp", db_index=True)
    sections = models.JSONField("nội dung yêu cầu", default=list, blank=True)
    texts = models.JSONField("nội dung báo cáo", default=dict, blank=True)
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(
        "core.User", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="người nộp"
    )
    review_comment = models.TextField("ý kiến của Sở", blank=True)
    reviewed_by = models.ForeignKey(
        "core.User", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="người xem xét"
    )
    reminded_at = models.DateTimeField("nhắc lần cuối lúc", null=True, blank=True)

    objects = ContributionQuerySet.as_manager()
    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["round", "id"]
        verbose_name = "phần đóng góp"
        verbose_name_plural = "phần đóng góp"
        constraints = [models.UniqueConstraint(fields=["round", "agency"], name="contribution_round_agency")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("rounds:contribution", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_late(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()


class ContributionFigure(BaseModel):
    """One figure of a part: what canhgiac's records give for the agency, and what the agency reports.

    ``value`` None is "not reported"; a reported zero is a nil return ("chưa phát hiện", ``nil``)."""

    contribution = models.ForeignKey(Contribution, models.PROTECT, related_name="figures", verbose_name="phần đóng góp")
    key = models.CharField("khoá chỉ số", max_length=100)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    recorded = models.DecimalField("số liệu trong hệ thống", max_digits=20, decimal_places=2, null=True, blank=True)
    value = models.DecimalField(
        "số liệu báo cáo",
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), "Số liệu không được âm.")],
    )
    nil = models.BooleanField("chưa phát hiện (báo cáo số 0)", default=False)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    agency_paths = ("contribution__agency_id",)

    class Meta:
        ordering = ["contribution", "position", "id"]
        verbose_name = "chỉ số đóng góp"
        verbose_name_plural = "chỉ số đóng góp"
        constraints = [models.UniqueConstraint(fields=["contribution", "key"], name="contribution_figure_key")]

    def __str__(self) -> str:
        return self.key

    @property
    def reported(self) -> bool:
        return self.value is not None

    @property
    def difference(self):
        if self.value is None or self.recorded is None:
            return None
        return self.value - self.recorded


def attachment_path(instance, filename: str) -> str:
    return f"rounds/{timezone.now():%Y/%m}/{instance.sha256}"


class ContributionAttachment(BaseModel):
    """A file an agency attaches to its part (its signed letter, a table); kept, never deleted."""

    contribution = models.ForeignKey(
        Contribution, models.PROTECT, related_name="attachments", verbose_name="phần đóng góp"
    )
    file = models.FileField("tệp", upload_to=attachment_path)
    original_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    mime_type = models.CharField("định dạng", max_length=120)
    sha256 = models.CharField("SHA-256", max_length=64)
    withdrawn = models.BooleanField("đã gỡ khỏi phần đóng góp", default=False)

    agency_paths = ("contribution__agency_id",)

    class Meta:
        ordering = ["contribution", "id"]
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("rounds:attachment_file", args=[self.pk])
