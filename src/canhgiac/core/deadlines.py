"""Due dates on any record: computed from a legal rule (calendar or working days), watched, reminded."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canhgiac.core.models import Deadline, DeadlineRule, Event
from canhgiac.core.models.workflow import DeadlineStatusChoices
from canhgiac.core.notifications import notify
from canhgiac.core.services import ServiceError, lock_for_write, require_visible, require_write, set_history
from canhgiac.core.workdays import WorkCalendar

DUE_STATES = (("soon", "Sắp đến hạn"), ("overdue", "Quá hạn"))


class DeadlineError(ServiceError):
    """The deadline cannot be set or closed as asked."""


def today() -> dt.date:
    return timezone.localdate()


def soon_days() -> int:
    """How many days ahead "Sắp đến hạn" looks (setting ``DEADLINE_SOON_DAYS``)."""
    return int(getattr(settings, "DEADLINE_SOON_DAYS", 3))


def rule_for(key: str, on: dt.date) -> DeadlineRule:
    """The version of rule ``key`` in force on ``on``."""
    rule = (
        DeadlineRule.objects.filter(key=key, effective_from__lte=on)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
        .order_by("-effective_from")
        .first()
    )
    if rule is None:
        raise DeadlineError(f"Không có quy tắc thời hạn “{key}” áp dụng vào ngày {on:%d/%m/%Y}.")
    return rule


def _state_query(state: str, on: dt.date) -> Q:
    if state == "overdue":
        return Q(due_date__lt=on)
    if state == "soon":
        return Q(due_date__gte=on, due_date__lte=on + dt.timedelta(days=soon_days()))
    raise DeadlineError(f"Trạng thái thời hạn không hợp lệ: {state}.")


def with_due_state(queryset, state: str):
    """Rows of ``queryset`` (any model) that have an open deadline in ``state`` ("soon" or "overdue")."""
    ids = Deadline.objects.open().filter(
        _state_query(state, today()), content_type=ContentType.objects.get_for_model(queryset.model)
    )
    return queryset.filter(pk__in=ids.values("object_id"))


def deadlines_in_state(queryset, state: str):
    return queryset.open().filter(_state_query(state, today()))


@transaction.atomic
def attach_deadline(
    obj,
    rule_key: str = "",
    *,
    actor,
    start: dt.date | None = None,
    due_date=None,
    label="",
    responsible=None,
    version_on: dt.date | None = None,
    days: int | None = None,
) -> Deadline:
    """Set a due date on ``obj``: from rule ``rule_key`` counted from ``start`` (default today), or ``due_date``
    given by hand with a ``label``. The responsible user (default: the record's assignee, else the actor) is told.

    ``version_on`` picks the rule's version (default ``start``: a law that counts from acceptance but applies by
    the date a petition was received passes the received date); ``days`` counts fewer days than the rule's
    maximum (an extension shorter than the law allows) and is refused above it."""
    require_write(actor)
    require_visible(obj, actor, "Bạn không có quyền với bản ghi này.")
    start = start or today()
    rule = None
    if rule_key:
        rule = rule_for(rule_key, version_on or start)
        if days is not None and not 0 < days <= rule.days:
            raise DeadlineError(f"Số ngày phải từ 1 đến {rule.days} theo {rule.citation}.")
        count = rule.days if days is None else days
        due_date = WorkCalendar.load().due_date(start, count, working_days=rule.working_days)
        label = label or rule.label
    elif due_date is None or not label.strip():
        raise DeadlineError("Cần chọn quy tắc thời hạn, hoặc ghi nội dung và ngày hạn.")
    if due_date < start:
        raise DeadlineError("Ngày hạn không được trước ngày bắt đầu tính.")
    responsible = responsible or getattr(obj, "assignee", None) or actor
    if not type(obj).objects.visible_to(responsible).filter(pk=obj.pk).exists():
        raise DeadlineError(f"“{responsible}” không xem được bản ghi này nên không thể chịu trách nhiệm thời hạn.")
    deadline = Deadline(
        target=obj,
        rule=rule,
        label=label.strip()[:300],
        start_date=start,
        due_date=due_date,
        responsible=responsible,
        created_by=actor,
    )
    deadline.full_clean()
    set_history(deadline, actor, "Đặt thời hạn")
    deadline.save()
    Event.objects.create(target=obj, text=f"Đặt thời hạn: {deadline}", actor=actor)
    if responsible != actor:
        notify([responsible], verb="deadline_set", text=f"{obj}: {deadline}", url=_url(obj), obj=obj)
    return deadline


@transaction.atomic
def close_deadline(deadline: Deadline, *, actor, status: str = DeadlineStatusChoices.MET, reason: str = "") -> Deadline:
    """Mark a deadline met (or no longer watched, with a reason)."""
    deadline = lock_for_write(deadline, actor, "Bạn không có quyền với thời hạn này.")
    if deadline.status != DeadlineStatusChoices.OPEN:
        raise DeadlineError("Thời hạn này đã được đóng trước đó.")
    if status not in (DeadlineStatusChoices.MET, DeadlineStatusChoices.CANCELLED):
        raise DeadlineError("Chỉ đánh dấu thời hạn là đã hoàn thành hoặc huỷ theo dõi.")
    if status == DeadlineStatusChoices.CANCELLED and not reason.strip():
        raise DeadlineError("Cần ghi lý do huỷ theo dõi thời hạn.")
    deadline.status, deadline.closed_at = status, timezone.now()
    set_history(deadline, actor, reason.strip() or DeadlineStatusChoices(status).label)
    deadline.save(update_fields=["status", "closed_at", "last_updated"])
    label = DeadlineStatusChoices(status).label
    Event.objects.create(target=deadline.target, text=f"{label}: {deadline}", reason=reason.strip(), actor=actor)
    return deadline


def remind_deadlines(on: dt.date | None = None) -> dict[str, int]:
    """Tell each open deadline's responsible user once when it comes near (``remind_days_before`` working days)
    and once when it has passed. Safe to run again and concurrently: a reminder is claimed by a conditional update."""
    on = on or today()
    calendar = WorkCalendar.load()
    counts = {"soon": 0, "overdue": 0}
    candidates = Deadline.objects.open().filter(
        Q(reminded_before_at__isnull=True, due_date__gte=on) | Q(reminded_overdue_at__isnull=True, due_date__lt=on)
    )
    for deadline in candidates.select_related("rule", "responsible", "content_type"):
        if deadline.due_date < on:
            kind, field = "overdue", "reminded_overdue_at"
            text = f"Quá hạn {(on - deadline.due_date).days} ngày: {deadline}"
        else:
            ahead = deadline.rule.remind_days_before if deadline.rule else 2
            if calendar.working_days_between(on, deadline.due_date) > ahead:
                continue
            kind, field = "soon", "reminded_before_at"
            text = f"Sắp đến hạn: {deadline}"
        with transaction.atomic():
            if not Deadline.objects.filter(pk=deadline.pk, **{f"{field}__isnull": True}).update(
                **{field: timezone.now()}
            ):
                continue
            target = deadline.target
            # A record may name further people told of its deadlines (a petition: the head who decides).
            watchers = list(getattr(target, "deadline_watchers", lambda: [])())
            notify(
                [deadline.responsible, *watchers],
                verb=f"deadline_{kind}",
                text=f"{target}: {text}",
                url=_url(target),
                obj=target,
            )
            counts[kind] += 1
    return counts


def _url(obj) -> str:
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""


@transaction.atomic
def save_holiday(holiday, *, actor):
    """Add or change a day of the holiday calendar (administrators only), with a change-log entry."""
    require_write(actor, "admin")
    if holiday.pk is None:
        holiday.created_by = actor
    holiday.full_clean()
    set_history(holiday, actor, "Lưu lịch ngày nghỉ")
    holiday.save()
    return holiday
