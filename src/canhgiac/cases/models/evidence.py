from django.conf import settings
from django.db import models
from django.urls import reverse

from canhgiac.core.models import BaseModel

# Types a browser shows safely by itself: the file opens in the browser instead of downloading (decided again from
# the bytes when served).
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
PREVIEW_TYPES = (*IMAGE_TYPES, "application/pdf")


def evidence_upload_to(instance, filename: str) -> str:
    return f"evidence/{instance.case.code}/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(BaseModel):
    """A file attached to a case: append-only, fingerprinted by SHA-256; withdrawn with a reason, never deleted."""

    case = models.ForeignKey("cases.Case", verbose_name="vụ việc", on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField("tệp", upload_to=evidence_upload_to, max_length=300)
    original_name = models.CharField("tên tệp gốc", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.BigIntegerField("dung lượng (byte)")
    mime_type = models.CharField("định dạng (theo nội dung)", max_length=100)
    description = models.CharField("mô tả", max_length=500, blank=True)
    withdrawn = models.BooleanField("đã thu hồi", default=False)
    withdrawn_reason = models.TextField("lý do thu hồi", blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thu hồi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)

    agency_paths = ("case__lead_agency_id", "case__locality__agencies__id", "case__addressed_agencies__id")
    # Only these fields may change after upload (the withdrawal); the file itself is immutable.
    MUTABLE_FIELDS = ("withdrawn", "withdrawn_reason", "withdrawn_by", "withdrawn_at", "last_updated")

    class Meta:
        ordering = ["-created"]
        verbose_name = "chứng cứ"
        verbose_name_plural = "chứng cứ"

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]}…)"

    def get_absolute_url(self) -> str:
        return reverse("cases:evidence", args=[self.pk])

    @property
    def previewable(self) -> bool:
        """An image or a PDF (by its sniffed type): shown in the browser ("Xem")."""
        return self.mime_type in PREVIEW_TYPES

    @property
    def is_image(self) -> bool:
        """An image the case's evidence list shows as a thumbnail."""
        return self.mime_type in IMAGE_TYPES

    def save(self, *args, **kwargs):
        if self.pk and kwargs.get("update_fields") is None:
            raise ValueError("Chứng cứ chỉ được thêm mới; chỉ có thể thu hồi (withdraw_evidence).")
        if self.pk and not set(kwargs["update_fields"]) <= set(self.MUTABLE_FIELDS):
            raise ValueError("Không được sửa nội dung chứng cứ đã lưu.")
        super().save(*args, **kwargs)
