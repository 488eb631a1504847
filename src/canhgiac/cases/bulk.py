"""Work on many cases at once: assign, or move along the workflow with one reason — all or nothing.

Each case goes through the same service as one at a time (``cases.update``, ``transition_case``): the same rules
(who may change which case, which step follows which, who may be put in charge), the same change log. The first
case refused stops the whole batch and the message names it; nothing of the batch is stored.
"""

from collections.abc import Iterable

from django.db import transaction

from canhgiac.cases.models import Case
from canhgiac.cases.services import cases, transition_case
from canhgiac.core.kit import PermissionDenied, ServiceError

MAX_BATCH = 500


class BulkError(ServiceError):
    """A batch refused as a whole; the message names the case and the reason."""


class BulkDenied(BulkError, PermissionDenied):
    """A batch refused because the actor may not change one of its cases."""


def _chosen(case_ids: Iterable, actor) -> list[Case]:
    ids = {int(i) for i in case_ids}
    if not ids:
        raise BulkError("Chưa chọn vụ việc nào.")
    if len(ids) > MAX_BATCH:
        raise BulkError(f"Mỗi lần chỉ xử lý tối đa {MAX_BATCH} vụ việc (đã chọn {len(ids)}).")
    found = list(Case.objects.visible_to(actor).filter(pk__in=ids).order_by("code"))
    if len(found) != len(ids):
        raise BulkError("Có vụ việc đã chọn không tồn tại hoặc bạn không có quyền xem.")
    return found


def _each(chosen: list[Case], work) -> int:
    with transaction.atomic():
        for case in chosen:
            try:
                work(case)
            except ServiceError as exc:
                error = BulkDenied if isinstance(exc, PermissionDenied) else BulkError
                raise error(f"{case.code}: {exc} Không vụ việc nào được thay đổi.") from exc
    return len(chosen)


def bulk_assign(case_ids: Iterable, assignee, *, actor) -> int:
    """Put ``assignee`` in charge of every chosen case; returns how many."""
    if assignee is None:
        raise BulkError("Chọn người xử lý.")
    return _each(_chosen(case_ids, actor), lambda case: cases.update(case, actor=actor, assignee=assignee))


def bulk_transition(case_ids: Iterable, to_status: str, *, actor, reason: str) -> int:
    """Move every chosen case to ``to_status`` with the same ``reason``; returns how many."""
    if not to_status:
        raise BulkError("Chọn trạng thái mới.")
    if not (reason or "").strip():
        raise BulkError("Cần ghi lý do chuyển trạng thái.")
    return _each(_chosen(case_ids, actor), lambda case: transition_case(case, to_status, actor=actor, reason=reason))
