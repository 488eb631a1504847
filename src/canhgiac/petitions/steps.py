"""The steps of a petition's life, each as the law sets it: accept (thụ lý), refuse, transfer to the competent body
with a letter, withdraw, decide, file or pass to inspection (anonymous denunciations), and extend a time limit.

Every step runs in one transaction through the core workflow (``core.workflow.transition``: role, allowed move,
change log, event, notification); this module adds what the law adds — the step's date, the letter it needs, the
due date of the next stage, and whether a stage ran late. A refused step changes nothing stored."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from canhgiac.core.deadlines import DeadlineError, attach_deadline, close_deadline, rule_for, today
from canhgiac.core.models import Deadline, Document, Event
from canhgiac.core.models.workflow import DeadlineStatusChoices
from canhgiac.core.scoping import can_write
from canhgiac.core.services import PermissionDenied, ServiceError, require_visible, set_history
from canhgiac.core.workflow import status_label, transition
from canhgiac.petitions.choices import DECIDERS
from canhgiac.petitions.choices import PetitionKindChoices as K
from canhgiac.petitions.choices import PetitionStatusChoices as S
from canhgiac.petitions.models import Petition
from canhgiac.petitions.rules import extension_key, initial_rule_key, resolve_rule_key
from canhgiac.petitions.services import petitions


class StepError(ServiceError):
    """The step cannot be taken as asked (wrong state, missing letter, date, or beyond what the law allows)."""


@dataclass(frozen=True)
class Action:
    name: str
    target: str
    label: str  # what the step is called in messages: "thụ lý"
    date_label: str


ACTIONS = {
    a.name: a
    for a in (
        Action("accept", S.ACCEPTED, "thụ lý", "ngày thụ lý"),
        Action("refuse", S.NOT_ACCEPTED, "không thụ lý", "ngày thông báo không thụ lý"),
        Action("transfer", S.TRANSFERRED, "chuyển đơn", "ngày chuyển đơn"),
        Action("withdraw", S.WITHDRAWN, "rút đơn", "ngày rút đơn"),
        Action("resolve", S.RESOLVED, "giải quyết", "ngày ban hành quyết định / kết luận / trả lời"),
        Action("file", S.FILED, "lưu đơn", "ngày lưu đơn"),
        Action("inspect", S.INSPECTION, "chuyển thanh tra, kiểm tra", "ngày chuyển"),
    )
}
ANONYMOUS_STEPS = (S.FILED, S.INSPECTION, S.TRANSFERRED)
DECISION_NAMES = {
    K.COMPLAINT: "quyết định giải quyết khiếu nại",
    K.DENUNCIATION: "kết luận nội dung tố cáo",
    K.RECOMMENDATION: "văn bản trả lời kiến nghị",
    K.REFLECTION: "văn bản trả lời phản ánh",
}


def save_fields(petition: Petition, actor, reason: str, fields) -> None:
    set_history(petition, actor, reason)
    petition.save(update_fields=[*fields, "last_updated"])


def _open_deadlines(petition):
    return Deadline.objects.open().filter(
        content_type=ContentType.objects.get_for_model(Petition), object_id=petition.pk
    )


def cancel_open_deadlines(petition, actor, reason: str) -> None:
    for deadline in _open_deadlines(petition):
        close_deadline(deadline, actor=actor, status=DeadlineStatusChoices.CANCELLED, reason=reason)


def _meet_open_deadlines(petition, actor, reason: str) -> None:
    for deadline in _open_deadlines(petition):
        close_deadline(deadline, actor=actor, status=DeadlineStatusChoices.MET, reason=reason)


def refresh_overdue(petition: Petition, actor=None, on: dt.date | None = None) -> bool:
    """Record the first day the petition ran late (or clear it when an extension came in time); True if changed."""
    late = petition.first_late_day(on or today())
    if late == petition.overdue_on:
        return False
    petition.overdue_on = late
    save_fields(petition, actor, "Quá hạn" if late else "Trong hạn", ("overdue_on",))
    return True


def flag_overdue_petitions(on: dt.date | None = None) -> int:
    """Beat job: mark the open petitions whose stage ran past its limit (lists and figures read the mark)."""
    on = on or today()
    late = Petition.objects.open().filter(overdue_on__isnull=True)
    late = late.filter(status=S.RECEIVED, accept_due__lt=on) | late.filter(status=S.ACCEPTED, resolve_due__lt=on)
    changed = 0
    for petition in late:
        with transaction.atomic():
            changed += refresh_overdue(petition, None, on)
    return changed


def _locked(petition, actor) -> Petition:
    """The petition's row locked for the step, once ``actor`` may act on records and may change this one."""
    if not can_write(actor):
        raise PermissionDenied("Vai trò của bạn không được phép thực hiện thao tác này.")
    return petitions.lock(petition, actor)


def _check_move(petition: Petition, action: Action, actor) -> None:
    step = petition.workflow.find(petition.status, action.target)
    if step is None:
        raise StepError(
            f"Không thể {action.label} đơn {petition.code}: đơn đang ở trạng thái “{petition.get_status_display()}”."
        )
    if not step.allows(actor):
        raise PermissionDenied(f"Vai trò “{actor.get_role_display()}” không được {action.label} đơn thư.")
    if petition.anonymous and action.target not in ANONYMOUS_STEPS:
        raise StepError(
            "Tố cáo nặc danh không được thụ lý, giải quyết, rút theo Luật Tố cáo (Điều 25 Luật Tố cáo 2018): chỉ lưu "
            "đơn, chuyển thanh tra, kiểm tra theo thẩm quyền, hoặc chuyển cơ quan có thẩm quyền."
        )
    if action.target == S.INSPECTION and not petition.anonymous:
        raise StepError("Chỉ thông tin tố cáo nặc danh mới được chuyển thanh tra, kiểm tra theo Điều 25 Luật Tố cáo.")


def _step_date(petition: Petition, on: dt.date | None, label: str) -> dt.date:
    on = on or today()
    if on > today():
        raise StepError(f"{label.capitalize()} ({on:%d/%m/%Y}) không được sau ngày hôm nay ({today():%d/%m/%Y}).")
    earliest = max(d for d in (petition.received_on, petition.accepted_on) if d)
    if on < earliest:
        raise StepError(f"{label.capitalize()} ({on:%d/%m/%Y}) không được trước ngày {earliest:%d/%m/%Y}.")
    return on


def _check_letter(petition: Petition, letter: Document | None, actor, needed: str) -> None:
    if letter is None:
        raise StepError(f"Cần chọn {needed} (văn bản đi đã đăng ký).")
    require_visible(letter, actor, "Bạn không có quyền với văn bản đã chọn.")
    if letter.direction != "out":
        raise StepError(f"{needed.capitalize()} phải là văn bản đi; “{letter}” là văn bản đến.")
    if letter.date < petition.received_on:
        raise StepError(
            f"{needed.capitalize()} “{letter}” ban hành ngày {letter.date:%d/%m/%Y}, trước ngày nhận đơn "
            f"{petition.received_on:%d/%m/%Y}."
        )


@transaction.atomic
def take_step(
    petition: Petition, action_name: str, *, actor, on=None, reason: str = "", letter=None, agency=None
) -> Event:
    """Take step ``action_name`` (one of ``ACTIONS``) on ``petition``; returns the workflow's event row."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise StepError(f"Bước xử lý không hợp lệ: {action_name}. Các bước: {', '.join(ACTIONS)}.")
    petition = _locked(petition, actor)
    _check_move(petition, action, actor)
    on = _step_date(petition, on, action.date_label)
    reason = (reason or "").strip()
    fields: list[str] = []
    if action.target == S.TRANSFERRED:
        if agency is None:
            raise StepError("Cần chọn cơ quan có thẩm quyền được chuyển đơn đến.")
        if agency.pk == petition.handling_agency_id:
            raise StepError("Cơ quan được chuyển đơn đến phải khác cơ quan đang xử lý đơn.")
        _check_letter(petition, letter, actor, "văn bản chuyển đơn")
        petition.transferred_on, petition.transferred_to, petition.transfer_letter = on, agency, letter
        fields += ["transferred_on", "transferred_to", "transfer_letter"]
    elif action.target == S.RESOLVED:
        _check_letter(petition, letter, actor, DECISION_NAMES[petition.kind])
        petition.resolved_on, petition.decision_letter = on, letter
        fields += ["resolved_on", "decision_letter"]
    elif action.target != S.ACCEPTED and not reason:
        raise StepError(f"Cần ghi lý do {action.label}.")
    if action.target == S.ACCEPTED:
        petition.accepted_on = on
        fields.append("accepted_on")
    else:
        petition.closed_on = on
        fields.append("closed_on")
    text = f"{action.label.capitalize()} ngày {on:%d/%m/%Y}" + (f": {reason}" if reason else "")
    if action.target == S.WITHDRAWN:
        cancel_open_deadlines(petition, actor, text)
    else:
        _meet_open_deadlines(petition, actor, text)
    save_fields(petition, actor, text, fields)
    if action.target == S.ACCEPTED:
        _set_resolve_deadline(petition, actor)
    event = transition(petition, action.target, actor=actor, reason=text, letter=letter)
    refresh_overdue(petition, actor)
    return event


def _set_resolve_deadline(petition: Petition, actor) -> None:
    key = resolve_rule_key(petition)
    if not key:
        return  # kiến nghị, phản ánh: no statutory limit; staff may set one on the page
    deadline = attach_deadline(
        petition,
        key,
        actor=actor,
        start=petition.accepted_on,
        version_on=petition.received_on,
        responsible=petition.assignee or actor,
    )
    petition.resolve_due, petition.resolve_days = deadline.due_date, deadline.rule.days
    save_fields(petition, actor, "Đặt hạn giải quyết", ("resolve_due", "resolve_days"))


@transaction.atomic
def extend_petition(petition: Petition, *, actor, days: int | None = None, reason: str = "", letter=None, on=None):
    """Extend the limit of the stage the petition stands in, within what the law allows: the extension rules
    (``<key>_ext<N>``) hold the total period after the N-th extension. ``days`` (default: as far as allowed) are
    added to the period granted so far. Returns the new deadline."""
    petition = _locked(petition, actor)
    if not (getattr(actor, "is_superuser", False) or actor.role in DECIDERS):
        raise PermissionDenied(f"Vai trò “{actor.get_role_display()}” không được gia hạn xử lý, giải quyết đơn.")
    if petition.status == S.RECEIVED:
        stage, base, start = "accept", initial_rule_key(petition), petition.received_on
        done, granted, due = petition.accept_extensions, petition.accept_days, petition.accept_due
    elif petition.status == S.ACCEPTED:
        stage, base, start = "resolve", resolve_rule_key(petition), petition.accepted_on
        done, granted, due = petition.resolve_extensions, petition.resolve_days, petition.resolve_due
        if not base:
            kind = petition.get_kind_display().lower()
            raise StepError(f"Đơn {kind} không có thời hạn giải quyết luật định để gia hạn.")
    else:
        raise StepError(f"Đơn đã ở trạng thái “{petition.get_status_display()}”: không còn thời hạn để gia hạn.")
    number = done + 1
    try:
        rule = rule_for(extension_key(base, number), petition.received_on)
    except DeadlineError:
        base_rule = rule_for(base, petition.received_on)
        if number == 1:
            raise StepError(f"Pháp luật không cho phép gia hạn “{base_rule.label}” ({base_rule.citation}).") from None
        raise StepError(
            f"Đã gia hạn {done} lần — số lần tối đa pháp luật cho phép đối với “{base_rule.label}” "
            f"({base_rule.citation})."
        ) from None
    unit = "ngày làm việc" if rule.working_days else "ngày"
    room = rule.days - (granted or 0)
    if room <= 0:
        raise StepError(f"Thời hạn hiện tại ({granted} {unit}) đã là mức tối đa theo {rule.citation}.")
    if days is not None and days <= 0:
        raise StepError("Số ngày gia hạn phải lớn hơn 0.")
    if days is not None and days > room:
        raise StepError(
            f"Gia hạn vượt quá mức pháp luật cho phép: chỉ được gia hạn thêm tối đa {room} {unit} (tổng không quá "
            f"{rule.days} {unit} theo {rule.citation}); đã đề nghị {days} {unit}."
        )
    reason = (reason or "").strip()
    if not reason:
        raise StepError("Cần ghi lý do gia hạn (ví dụ: vụ việc phức tạp, phải xác minh ở nhiều nơi).")
    if stage == "resolve" and petition.kind == K.DENUNCIATION and letter is None:
        raise StepError("Cần chọn quyết định gia hạn giải quyết tố cáo (văn bản) theo Điều 30 Luật Tố cáo 2018.")
    if letter is not None:
        _check_letter(petition, letter, actor, "văn bản gia hạn")
    on = _step_date(petition, on, "ngày gia hạn")
    if due and on > due:
        raise StepError(f"Không gia hạn được khi đã hết hạn ({due:%d/%m/%Y}): gia hạn phải quyết định trong hạn.")
    total = (granted or 0) + (days or room)
    text = f"Gia hạn lần {number} thêm {total - (granted or 0)} {unit} (tổng {total} {unit}): {reason}"
    cancel_open_deadlines(petition, actor, text)
    deadline = attach_deadline(
        petition, rule.key, actor=actor, start=start, version_on=petition.received_on, days=total,
        responsible=petition.assignee or actor,
    )  # fmt: skip
    setattr(petition, f"{stage}_due", deadline.due_date)
    setattr(petition, f"{stage}_days", total)
    setattr(petition, f"{stage}_extensions", number)
    save_fields(petition, actor, text[:100], (f"{stage}_due", f"{stage}_days", f"{stage}_extensions"))
    Event.objects.create(target=petition, text=text[:300], reason=reason, actor=actor, letter=letter)
    refresh_overdue(petition, actor)
    return deadline


def step_choices(petition: Petition, user) -> list[tuple[str, str]]:
    """The steps ``user`` may take on ``petition`` now, for the page's step form."""
    choices = []
    for action in ACTIONS.values():
        step = petition.workflow.find(petition.status, action.target)
        if step is None or not step.allows(user):
            continue
        if petition.anonymous and action.target not in ANONYMOUS_STEPS:
            continue
        if action.target == S.INSPECTION and not petition.anonymous:
            continue
        choices.append((action.name, status_label(petition, action.target)))
    if petition.is_open and (getattr(user, "is_superuser", False) or getattr(user, "role", None) in DECIDERS):
        choices.append(("extend", "Gia hạn thời hạn"))
    return choices
