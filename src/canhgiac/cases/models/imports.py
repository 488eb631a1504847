from django.db import models

from canhgiac.core.models import BaseModel


class ImportJobStatusChoices(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang xử lý"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Có lỗi, không nhập"


class ImportJob(BaseModel):
    """One upload of a cases spreadsheet, processed by the Celery worker; all rows or none."""

    file = models.FileField("tệp", upload_to="imports/%Y/%m/")
    original_name = models.CharField("tên tệp", max_length=255)
    status = models.CharField(
        "trạng thái", max_length=10, choices=ImportJobStatusChoices.choices, default=ImportJobStatusChoices.QUEUED
    )
    errors = models.JSONField("lỗi", default=list, blank=True)
    created_cases = models.PositiveIntegerField("số vụ việc đã tạo", default=0)
    created_indicators = models.PositiveIntegerField("số dấu hiệu mới", default=0)
    finished = models.DateTimeField("xong lúc", null=True, blank=True)

    agency_paths = ("created_by__agency_id",)

    class Meta:
        ordering = ["-created"]
        verbose_name = "lượt nhập dữ liệu"
        verbose_name_plural = "lượt nhập dữ liệu"

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"
