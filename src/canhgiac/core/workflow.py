"""The one service that moves a record along its declared workflow, and the timeline every record page shows."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from canhgiac.core.deadlines import close_deadline
from canhgiac.core.models import Deadline, Document, Event
from canhgiac.core.models.workflow import DeadlineStatusChoices
from canhgiac.core.notifications import notify
from canhgiac.core.services import PermissionDenied, ServiceError, lock_for_write, require_visible, set_history
from canhgiac.core.transitions import Workflow


class TransitionError(ServiceError):
    """The record cannot move to that status from where it stands, or the step lacks what it needs."""


def workflow_of(obj) -> Workflow:
    workflow = getattr(type(obj), "workflow", None)
    if not isinstance(workflow, Workflow):
        raise ServiceError(f"“{obj._meta.verbose_name}” không có quy trình trạng thái.")
    return workflow


def status_label(obj, value: str) -> str:
    field = obj._meta.get_field(workflow_of(obj).status_field)
    return str(dict(field.flatchoices).get(value, value))


@transaction.atomic
def transition(obj, to_status: str, *, actor, reason: str = "", letter=None):
    """Move ``obj`` to ``to_status`` as its workflow allows: one transaction, a change-log entry with the actor and
    the reason, an event row, and a notification to the people the workflow names. Returns the event row."""
    workflow = workflow_of(obj)
    noun = workflow.noun
    given, obj = obj, lock_for_write(obj, actor, f"Bạn không có quyền với {noun} này.")
    source = getattr(obj, workflow.status_field)
    reason = (reason or "").strip()
    step = workflow.find(source, to_status)
    if step is None:
        raise TransitionError(
            f"Không thể chuyển {noun} từ “{status_label(obj, source)}” sang “{status_label(obj, to_status)}”."
        )
    if not step.allows(actor):
        raise PermissionDenied(
            f"Vai trò “{actor.get_role_display()}” không được chuyển {noun} sang “{status_label(obj, to_status)}”."
        )
    if step.reason_required and not reason:
        raise TransitionError(f"Cần ghi lý do khi chuyển trạng thái {noun}.")
    if step.letter_required and letter is None:
        raise TransitionError(f"Cần chọn văn bản làm căn cứ khi chuyển {noun} sang “{status_label(obj, to_status)}”.")
    if letter is not None:
        require_visible(letter, actor, "Bạn không có quyền với văn bản đã chọn.")
    fields = {"from_status": source, "to_status": to_status, "reason": reason, "actor": actor, "letter": letter}
    if workflow.event_model:
        event = apps.get_model(workflow.event_model).objects.create(**{workflow.event_field: obj}, **fields)
    else:
        event = Event.objects.create(
            target=obj, text=f"{status_label(obj, source)} → {status_label(obj, to_status)}", **fields
        )
    setattr(obj, workflow.status_field, to_status)
    set_history(obj, actor, f"Chuyển trạng thái: {reason}" if reason else "Chuyển trạng thái")
    obj.save(update_fields=[workflow.status_field, "last_updated"])
    # The caller's instance moves too, so a later save() of it cannot write the old status back.
    setattr(given, workflow.status_field, to_status)
    if to_status in workflow.final:
        _stop_watching_deadlines(obj, actor, f"{noun.capitalize()} chuyển sang “{status_label(obj, to_status)}”")
    text = f"{obj}: {status_label(obj, source)} → {status_label(obj, to_status)} ({actor})"
    notify(_watchers(obj, workflow, actor), verb="status_changed", text=text, url=obj.get_absolute_url(), obj=obj)
    return event


def _stop_watching_deadlines(obj, actor, reason: str) -> None:
    for deadline in Deadline.objects.open().filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ):
        close_deadline(deadline, actor=actor, status=DeadlineStatusChoices.CANCELLED, reason=reason)


def _watchers(obj, workflow: Workflow, actor) -> list:
    """The users a workflow names on ``obj``, less the actor and anyone who may no longer see the record."""
    users = {getattr(obj, name, None) for name in workflow.notify_fields} - {None, actor}
    visible = type(obj).objects.filter(pk=obj.pk)
    return [u for u in users if u is not None and u.is_active and visible.visible_to(u).exists()]


def timeline(obj, user) -> list[dict]:
    """Everything that happened to ``obj`` in time order: status changes (from the workflow's event table or
    ``core.Event``) and deadline events. Letters the reader may not open are left out."""
    entries = []
    workflow = getattr(type(obj), "workflow", None)
    events = Event.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    rows = list(events.select_related("actor"))
    if isinstance(workflow, Workflow) and workflow.event_model:
        model = apps.get_model(workflow.event_model)
        rows += list(model.objects.filter(**{workflow.event_field: obj}).select_related("actor"))
    visible_letters = set(
        Document.objects.visible_to(user)
        .filter(pk__in={r.letter_id for r in rows if r.letter_id})
        .values_list("pk", flat=True)
    )
    for row in rows:
        text = getattr(row, "text", "") or f"{status_label(obj, row.from_status)} → {status_label(obj, row.to_status)}"
        entries.append(
            {
                "at": row.at,
                "text": text,
                "reason": row.reason,
                "actor": row.actor,
                "letter": row.letter if row.letter_id in visible_letters else None,
                "is_status": bool(row.to_status),
            }
        )
    return sorted(entries, key=lambda e: e["at"])
