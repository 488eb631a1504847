"""One import job per uploaded file, whatever its kind (cases, content items, …)."""

from django.db import models
from django.urls import reverse

from canhgiac.core.imports.kinds import ImportModeChoices
from canhgiac.core.models.base import BaseModel


class ImportJobStatusChoices(models.TextChoices):
    QUEUED = "queued", "Đang chờ xử lý"
    RUNNING = "running", "Đang xử lý"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Lỗi, không nhập được"


class ImportJob(BaseModel):
    """An uploaded file of one import kind, run by the Celery worker; what it created and every row error.

    ``errors`` holds dicts of the one row-error shape ``{"row", "column", "message"}`` (``row`` None for the
    whole file; ``"warning": true`` for a row imported with a note). ``created_refs`` maps a model label
    (``cases.case``) to the ids of the objects created; ``counts`` holds the kind's own counters."""

    kind = models.CharField("loại dữ liệu", max_length=40, db_index=True)
    mode = models.CharField("cách nhập", max_length=10, choices=ImportModeChoices.choices)
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=ImportJobStatusChoices.choices,
        default=ImportJobStatusChoices.QUEUED,
        db_index=True,
    )
    file = models.FileField("tệp", upload_to="imports/%Y/%m/", blank=True)
    original_name = models.CharField("tên tệp", max_length=255)
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    total_rows = models.PositiveIntegerField("số dòng", default=0)
    processed_rows = models.PositiveIntegerField("đã xử lý", default=0)
    created_count = models.PositiveIntegerField("đã tạo", default=0)
    error_count = models.PositiveIntegerField("dòng lỗi", default=0)
    counts = models.JSONField("số liệu khác", default=dict, blank=True)
    created_refs = models.JSONField("bản ghi đã tạo", default=dict, blank=True)
    errors = models.JSONField("lỗi theo dòng", default=list, blank=True)
    started = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    finished = models.DateTimeField("xong lúc", null=True, blank=True)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = "lượt nhập dữ liệu"
        verbose_name_plural = "lượt nhập dữ liệu"

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from canhgiac.core.imports.kinds import get_kind

        try:
            url_name = get_kind(self.kind).job_url_name
        except ValueError:
            url_name = "core:import_job"
        return reverse(url_name, args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in (ImportJobStatusChoices.QUEUED, ImportJobStatusChoices.RUNNING)

    @property
    def row_errors(self) -> list[dict]:
        return [e for e in self.errors if not e.get("warning")]
