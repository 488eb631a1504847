"""Warnings (cảnh báo): written by provincial staff, published on the portal and its feeds, withdrawn when stale."""

from django.db import transaction
from django.utils import timezone

from canhgiac.cases.services import get_or_create_indicator
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import PermissionDenied, RecordService, ServiceError, lock_for_write, set_history
from canhgiac.intake.choices import WarningStatusChoices as S
from canhgiac.intake.indicators import FieldError, read_mentions
from canhgiac.intake.models import ScamWarning


class WarningError(ServiceError):
    """The warning cannot take this step."""


class WarningService(RecordService):
    model = ScamWarning
    fields = ("title", "summary", "body")
    extra_inputs = ("phones", "links", "accounts", "bank_accounts")
    verb = "cảnh báo"
    denied = "Chỉ cán bộ cấp tỉnh mới viết và đăng cảnh báo."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor)

    def prepare(self, actor, obj, data, created):
        if not has_global_scope(actor):
            raise PermissionDenied(self.denied)
        if created and not (data.get("title") or "").strip():
            raise FieldError("title", "Cảnh báo cần có tiêu đề.")
        obj._mentions = read_mentions(data)

    def after_save(self, actor, obj, data, created):
        for mention in obj._mentions:
            indicator, _ = get_or_create_indicator(mention.item, actor=actor)
            obj.indicators.add(indicator)


warnings = WarningService()


def _step(warning, actor, status: str, reason: str, allowed_from) -> ScamWarning:
    with transaction.atomic():
        warning = lock_for_write(warning, actor, WarningService.denied)
        if not has_global_scope(actor):
            raise PermissionDenied(WarningService.denied)
        if warning.status not in allowed_from:
            raise WarningError(f"Cảnh báo đang ở trạng thái “{warning.get_status_display()}”, không thể {reason}.")
        warning.status = status
        fields = ["status", "last_updated"]
        if status == S.PUBLISHED:
            warning.published_at = timezone.now()
            fields.append("published_at")
        set_history(warning, actor, reason.capitalize())
        warning.save(update_fields=fields)
        return warning


def publish_warning(warning, *, actor) -> ScamWarning:
    return _step(warning, actor, S.PUBLISHED, "đăng cảnh báo", (S.DRAFT, S.WITHDRAWN))


def withdraw_warning(warning, *, actor) -> ScamWarning:
    return _step(warning, actor, S.WITHDRAWN, "gỡ cảnh báo", (S.PUBLISHED,))
