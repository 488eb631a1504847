from django.db import models
from django.urls import reverse

from canhgiac.core import reporttypes
from canhgiac.core.models import BaseModel


class ReportStatusChoices(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


def template_upload_to(instance, filename: str) -> str:
    return f"reports/templates/{instance.report_type}/v{instance.version}.docx"


def report_upload_to(instance, filename: str) -> str:
    return f"reports/issued/{instance.issued_at:%Y}/{filename}"


class ReportTemplate(BaseModel):
    """One version of a report type's Word template, uploaded by a user (version 0, the built-in one, has no row).
    The newest version of a type is the one in use; older ones stay for the reports issued with them."""

    report_type = models.CharField("loại báo cáo", max_length=40, choices=reporttypes.choices)
    version = models.PositiveIntegerField("phiên bản")
    file = models.FileField("tệp mẫu (.docx)", upload_to=template_upload_to)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    visible_to_all = True  # a template holds no record data

    class Meta:
        ordering = ["report_type", "-version"]
        verbose_name = "mẫu báo cáo"
        verbose_name_plural = "mẫu báo cáo"
        constraints = [models.UniqueConstraint(fields=["report_type", "version"], name="report_template_version")]

    def __str__(self) -> str:
        return f"Mẫu {self.get_report_type_display()} — phiên bản {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("reports:template_list") + f"?type={self.report_type}"


class Report(BaseModel):
    """A consolidated report: built from the figures catalogue, the partners' parts and the staff's narrative while
    a draft; on issue a frozen copy (the Word file, the figure values, the template version) and a number in the
    outgoing letters register, which later changes to the records never alter."""

    report_type = models.CharField("loại báo cáo", max_length=40, choices=reporttypes.choices)
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    author_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan báo cáo", on_delete=models.PROTECT, related_name="reports"
    )
    title = models.CharField("trích yếu", max_length=500, blank=True)
    round = models.ForeignKey(
        "rounds.ReportRound",
        verbose_name="đợt báo cáo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        help_text="Đợt báo cáo mà báo cáo này tổng hợp phần đóng góp của các cơ quan phối hợp.",
    )
    recipient = models.CharField("kính gửi", max_length=300, blank=True)
    place = models.CharField("địa danh", max_length=100, blank=True, help_text="Ví dụ: Hưng Yên")
    signer_title = models.CharField("chức vụ người ký", max_length=100, default="GIÁM ĐỐC")
    signer_name = models.CharField("người ký", max_length=100, blank=True)
    distribution = models.TextField(
        "nơi nhận", default="Như trên;\nLãnh đạo cơ quan;\nLưu: VT.", help_text="Mỗi nơi nhận một dòng."
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=ReportStatusChoices.choices, default=ReportStatusChoices.DRAFT
    )
    narrative = models.JSONField("nội dung viết", default=dict, blank=True)
    parts = models.JSONField("phần của các cơ quan phối hợp", default=list, blank=True)
    issued_at = models.DateTimeField("ban hành lúc", null=True, blank=True)
    issued_by = models.ForeignKey(
        "core.User", verbose_name="người ban hành", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document = models.OneToOneField(
        "core.Document", verbose_name="văn bản đi", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    docx = models.FileField("tệp báo cáo đã ban hành", upload_to=report_upload_to, blank=True)
    values = models.JSONField("số liệu đã dùng", default=dict, blank=True)
    template_version = models.PositiveIntegerField("phiên bản mẫu", null=True, blank=True)

    agency_paths = ("author_agency_id",)

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"

    def __str__(self) -> str:
        return self.title or f"Báo cáo #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == ReportStatusChoices.ISSUED
