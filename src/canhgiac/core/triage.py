"""The triage base for everything detected automatically (website findings, content items; soon domains, SOC
alerts, complaints): one status set, dismiss with a reason, reopen, confirm — through one service. Escalation into a
case is the cases app's part of it (``cases.triage``), since core imports no app.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from canhgiac.core.kit import ServiceError, lock_for_write, require_write, set_history
from canhgiac.core.models import BaseModel


class TriageStatusChoices(models.TextChoices):
    NEW = "new", "Chờ xử lý"
    CONFIRMED = "confirmed", "Đã xác nhận"
    DISMISSED = "dismissed", "Bỏ qua (báo động nhầm)"
    ESCALATED = "escalated", "Đã chuyển thành vụ việc"
    RESOLVED = "resolved", "Đã khắc phục"


OPEN_STATUSES = (TriageStatusChoices.NEW, TriageStatusChoices.CONFIRMED)


class TriageError(ServiceError):
    """The item cannot take this triage step from where it stands."""


class TriageItem(BaseModel):
    """Abstract: a detected item waiting for a person's decision."""

    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=TriageStatusChoices.choices,
        default=TriageStatusChoices.NEW,
        db_index=True,
    )
    dismiss_reason = models.TextField("lý do bỏ qua", blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xử lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField("xử lý lúc", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class TriageService:
    """Dismiss, reopen and confirm one kind of detected item; subclass per model (``model``, ``denied``)."""

    model: ClassVar[type[TriageItem]]
    area: ClassVar[str] = "records"
    denied: ClassVar[str] = "Bạn không có quyền với mục này."
    item_name: ClassVar[str] = "mục"  # "dấu hiệu", "nội dung": for messages

    def lock(self, item, actor):
        item = lock_for_write(item, actor, self.denied)
        if item.status == TriageStatusChoices.ESCALATED:
            case = getattr(item, "case", None)
            name = self.item_name.capitalize()
            raise TriageError(f"{name} đã được chuyển thành vụ việc {case}; xử lý trong vụ việc.")
        return item

    def _decide(self, item, actor, status: str, history: str, fields=()) -> None:
        item.status, item.triaged_by, item.triaged_at = status, actor, timezone.now()
        set_history(item, actor, history)
        item.save(update_fields=["status", "triaged_by", "triaged_at", "last_updated", *fields])

    def dismiss(self, item, *, actor, reason: str):
        """A false alarm: kept, with the reason, and no longer counted as open."""
        reason = (reason or "").strip()
        if not reason:
            raise TriageError(f"Cần ghi lý do bỏ qua {self.item_name} (vì sao đây là báo động nhầm).")
        require_write(actor, self.area)
        with transaction.atomic():
            item = self.lock(item, actor)
            if item.status == TriageStatusChoices.DISMISSED:
                raise TriageError(f"{self.item_name.capitalize()} này đã được bỏ qua trước đó.")
            item.dismiss_reason = reason[:2000]
            self._decide(
                item,
                actor,
                TriageStatusChoices.DISMISSED,
                f"Bỏ qua (báo động nhầm): {reason[:200]}",
                ["dismiss_reason"],
            )
            self.after(item, actor, "dismiss")
            return item

    def reopen(self, item, *, actor):
        """Undo a dismissal or a confirmation: the item waits for a decision again."""
        require_write(actor, self.area)
        with transaction.atomic():
            item = self.lock(item, actor)
            if item.status not in (TriageStatusChoices.DISMISSED, TriageStatusChoices.CONFIRMED):
                raise TriageError(f"Chỉ mở lại được {self.item_name} đã bỏ qua hoặc đã xác nhận.")
            self._decide(item, actor, TriageStatusChoices.NEW, f"Mở lại {self.item_name}")
            self.after(item, actor, "reopen")
            return item

    def confirm(self, item, *, actor, note: str = ""):
        require_write(actor, self.area)
        with transaction.atomic():
            item = self.lock(item, actor)
            self._decide(item, actor, TriageStatusChoices.CONFIRMED, note or f"Xác nhận {self.item_name}")
            self.after(item, actor, "confirm")
            return item

    def after(self, item, actor, step: str) -> None:
        """Hook for the app's own consequences of a step (recount a site, say)."""
