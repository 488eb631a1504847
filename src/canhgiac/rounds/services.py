"""The inspectorate's writes on report rounds: open a round, add an agency's part, review parts, remind the late.

Each function takes the acting user, runs in one transaction, leaves change-log entries and events, and tells the
people concerned through the shared notifications; each part's due date is a deadline of the shared engine.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from canhgiac.core import figures as catalogue
from canhgiac.core import reporttypes
from canhgiac.core.deadlines import attach_deadline
from canhgiac.core.kit import FieldError, PermissionDenied, RecordService, ServiceError, set_history
from canhgiac.core.models import Agency, Deadline, Event
from canhgiac.core.models.workflow import DeadlineStatusChoices
from canhgiac.core.notifications import notify
from canhgiac.rounds.choices import ContributionStatusChoices as S
from canhgiac.rounds.choices import PeriodError, period_dates, period_label
from canhgiac.rounds.models import Contribution, ContributionFigure, ReportRound
from canhgiac.rounds.rules import agency_recipients, is_inspectorate, require_inspectorate

RETURN_DAYS = 5  # a part sent back is due again no sooner than this many days later
REMIND_EVERY_DAYS = 3  # the scheduled job reminds a late part at most this often


def checked_figure_keys(keys, field: str = "figures") -> list[str]:
    """``keys`` in order, each once, every one a figure of the catalogue."""
    result: list[str] = []
    for key in keys or ():
        try:
            catalogue.get(str(key))
        except catalogue.UnknownFigure as exc:
            raise FieldError(field, str(exc)) from None
        if key not in result:
            result.append(str(key))
    return result


def checked_sections(sections, spec_sections, field: str = "sections") -> list[dict]:
    """Sections as ``[{"key", "title", "help"}]``: each item a key of the type's sections or a dict with a title."""
    known = {s.key: {"key": s.key, "title": s.title, "help": s.help} for s in spec_sections}
    result: list[dict] = []
    for item in sections or ():
        if isinstance(item, str):
            if item not in known:
                raise FieldError(field, f"Loại báo cáo không có phần nội dung “{item}”: cần ghi cả tiêu đề.")
            entry = known[item]
        elif isinstance(item, dict):
            key, title = str(item.get("key", "")).strip(), str(item.get("title", "")).strip()
            if not key or not title:
                raise FieldError(field, "Mỗi phần nội dung cần có khoá và tiêu đề.")
            entry = {"key": key, "title": title[:300], "help": str(item.get("help", "")).strip()[:500]}
        else:
            raise FieldError(field, "Mỗi mục nội dung là khoá của loại báo cáo hoặc một cặp khoá, tiêu đề.")
        if any(e["key"] == entry["key"] for e in result):
            raise FieldError(field, f"Phần nội dung “{entry['key']}” được ghi hai lần.")
        result.append(entry)
    return result


def log_event(part, actor, text: str, *, source: str = "", target: str = "", reason: str = "") -> None:
    Event.objects.create(target=part, text=text, from_status=source, to_status=target, reason=reason, actor=actor)


def _tell_agency(part, verb: str, text: str) -> None:
    notify(agency_recipients(part.agency), verb=verb, text=text, url=part.get_absolute_url(), obj=part)


def _responsible(agency, actor):
    return next(iter(agency_recipients(agency)), None) or actor


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


@transaction.atomic
def add_part(rnd: ReportRound, agency: Agency, *, actor, figures=None, sections=None, due_date=None) -> Contribution:
    """Ask ``agency`` for its part of ``rnd``: its figures (default: the round's) prefilled from canhgiac's records
    for that agency, its sections (default: the round's), a deadline, and a notification to its users."""
    require_inspectorate(actor, "đề nghị cơ quan gửi phần đóng góp")
    if not getattr(agency, "is_active", False):
        raise FieldError("agency", f"Cơ quan “{agency}” đã ngừng hoạt động.")
    if Contribution.objects.filter(round=rnd, agency=agency).exists():
        raise FieldError("agency", f"Cơ quan “{agency}” đã có trong đợt báo cáo này.")
    due = due_date or rnd.due_date
    if due < rnd.period_start:
        raise FieldError(
            "due_date", f"Hạn nộp {due:%d/%m/%Y} không được trước ngày bắt đầu kỳ báo cáo {rnd.period_start:%d/%m/%Y}."
        )
    keys = checked_figure_keys(rnd.figure_keys if figures is None else figures)
    spec = _spec(rnd.report_type)
    asked = rnd.sections if sections is None else checked_sections(sections, spec.sections)
    part = Contribution(round=rnd, agency=agency, due_date=due, sections=asked, created_by=actor)
    part.full_clean(exclude=["round"])
    set_history(part, actor, "Đề nghị gửi phần đóng góp")
    part.save()
    recorded = catalogue.compute(catalogue.Window(rnd.period_start, rnd.period_end), keys, agency=agency)
    for position, key in enumerate(keys):
        row = ContributionFigure(
            contribution=part, key=key, position=position, recorded=_decimal(recorded[key]), created_by=actor
        )
        set_history(row, actor, "Số liệu ghi nhận trong hệ thống")
        row.save()
    log_event(part, actor, f"Sở đề nghị gửi phần đóng góp, hạn {due:%d/%m/%Y}")
    attach_deadline(
        part,
        actor=actor,
        start=min(timezone.localdate(), due),
        due_date=due,
        label=f"Nộp phần đóng góp: {rnd.title}",
        responsible=_responsible(agency, actor),
    )
    text = f"Đề nghị gửi phần đóng góp “{rnd.title}” ({rnd.period_text}), hạn {due:%d/%m/%Y}."
    notify(agency_recipients(agency), verb="round_opened", text=text, url=part.get_absolute_url(), obj=part)
    return part


def _spec(report_type: str) -> reporttypes.ContributionSpec:
    try:
        return reporttypes.get(report_type).contribution
    except reporttypes.UnknownReportType:
        return reporttypes.ContributionSpec()


class RoundService(RecordService):
    """Open a round (``create``) and change its title or instructions (``update``); only the inspectorate."""

    model = ReportRound
    fields = ("title", "note")
    extra_inputs = (
        "report_type",
        "period_kind",
        "year",
        "number",
        "period_start",
        "period_end",
        "due_date",
        "figures",
        "sections",
        "agencies",
        "parts",
    )
    verb = "đợt báo cáo"
    denied = "Chỉ cán bộ của cơ quan chủ trì (Sở) mới được sửa đợt báo cáo."

    def may_change(self, actor, obj) -> bool:
        return is_inspectorate(actor)

    def create(self, *, actor, reason: str = "", **data):
        require_inspectorate(actor, "mở đợt báo cáo")
        with transaction.atomic():
            return self._open(actor, **data)

    def update(self, obj, *, actor, reason: str = "", **data):
        opening = set(data) & set(self.extra_inputs)
        if opening:
            raise FieldError(sorted(opening)[0], "Chỉ sửa được tên và hướng dẫn của đợt báo cáo đã mở.")
        return super().update(obj, actor=actor, reason=reason, **data)

    def _open(self, actor, *, report_type, period_kind, due_date, title="", note="", year=None, number=None,
              period_start=None, period_end=None, figures=None, sections=None, agencies=(), parts=()):  # fmt: skip
        try:
            kind = reporttypes.get(report_type)
        except reporttypes.UnknownReportType as exc:
            raise FieldError("report_type", str(exc)) from None
        try:
            start, end = period_dates(period_kind, year, number, period_start, period_end)
        except PeriodError as exc:
            raise FieldError("period_kind", str(exc)) from None
        if due_date < start:
            raise FieldError(
                "due_date", f"Hạn nộp {due_date:%d/%m/%Y} không được trước ngày bắt đầu kỳ báo cáo {start:%d/%m/%Y}."
            )
        spec = kind.contribution
        keys = checked_figure_keys([f.key for f in spec.figures] if figures is None else figures)
        asked = [{"key": s.key, "title": s.title, "help": s.help} for s in spec.sections]
        asked = asked if sections is None else checked_sections(sections, spec.sections)
        requests = [{"agency": a} for a in agencies] + list(parts)
        if not requests:
            raise FieldError("agencies", "Cần chọn ít nhất một cơ quan phối hợp.")
        rnd = ReportRound(
            title=(title or "").strip() or f"{kind.label} {period_label(period_kind, start, end)}",
            report_type=kind.key,
            report_type_label=kind.label,
            period_kind=period_kind,
            period_start=start,
            period_end=end,
            due_date=due_date,
            note=note or "",
            figure_keys=keys,
            sections=asked,
            created_by=actor,
        )
        rnd.full_clean()
        set_history(rnd, actor, "Mở đợt báo cáo")
        rnd.save()
        for item in requests:
            add_part(rnd, item["agency"], actor=actor, **{k: v for k, v in item.items() if k != "agency"})
        return rnd


rounds = RoundService()


def lock_part(part: Contribution) -> Contribution:
    return Contribution.objects.select_for_update().select_related("round", "agency").get(pk=part.pk)


def move_status(part, actor, target: str, text: str, reason: str = "") -> None:
    source = part.status
    part.status = target
    log_event(part, actor, text, source=source, target=target, reason=reason)


@transaction.atomic
def return_part(part: Contribution, *, actor, comment: str, due_date: dt.date | None = None) -> Contribution:
    """Send a submitted part back to its agency for correction with a comment; it is due again (``due_date``,
    default: its due date, or RETURN_DAYS days from today if that is later) and a deadline watches it."""
    require_inspectorate(actor, "trả lại phần đóng góp")
    part = lock_part(part)
    comment = (comment or "").strip()
    if part.status != S.SUBMITTED:
        raise ServiceError(f"Chỉ trả lại được phần đóng góp đã nộp (hiện: “{part.get_status_display()}”).")
    if not comment:
        raise FieldError("comment", "Cần ghi ý kiến: cơ quan phối hợp cần chỉnh sửa nội dung gì.")
    today = timezone.localdate()
    due = due_date or max(part.due_date, today + dt.timedelta(days=RETURN_DAYS))
    if due < today:
        raise FieldError("due_date", f"Hạn nộp lại {due:%d/%m/%Y} đã qua.")
    move_status(part, actor, S.RETURNED, "Sở trả lại để chỉnh sửa", comment)
    part.review_comment, part.reviewed_by, part.due_date = comment, actor, due
    set_history(part, actor, f"Trả lại để chỉnh sửa: {comment}")
    part.save()
    attach_deadline(
        part,
        actor=actor,
        due_date=due,
        label=f"Nộp lại phần đóng góp: {part.round.title}",
        responsible=_responsible(part.agency, actor),
    )
    text = f"Phần đóng góp “{part.round.title}” bị trả lại để chỉnh sửa (hạn {due:%d/%m/%Y}): {comment}"
    _tell_agency(part, "contribution_returned", text)
    return part


@transaction.atomic
def accept_part(part: Contribution, *, actor, comment: str = "") -> Contribution:
    """Accept a submitted part: it goes into the report as it stands."""
    require_inspectorate(actor, "tiếp nhận phần đóng góp")
    part = lock_part(part)
    if part.status != S.SUBMITTED:
        raise ServiceError(f"Chỉ tiếp nhận được phần đóng góp đã nộp (hiện: “{part.get_status_display()}”).")
    move_status(part, actor, S.ACCEPTED, "Sở tiếp nhận phần đóng góp", (comment or "").strip())
    part.review_comment, part.reviewed_by = (comment or "").strip(), actor
    set_history(part, actor, "Tiếp nhận phần đóng góp")
    part.save()
    text = f"Sở đã tiếp nhận phần đóng góp “{part.round.title}”."
    _tell_agency(part, "contribution_accepted", text)
    return part


def meet_deadlines(part: Contribution, actor) -> None:
    """The part's open deadlines are met (it was sent): closed with a change-log entry and an event."""
    kind = ContentType.objects.get_for_model(Contribution)
    for deadline in Deadline.objects.open().filter(content_type=kind, object_id=part.pk).select_for_update():
        deadline.status, deadline.closed_at = DeadlineStatusChoices.MET, timezone.now()
        set_history(deadline, actor, "Đã nộp phần đóng góp")
        deadline.save(update_fields=["status", "closed_at", "last_updated"])
        log_event(part, actor, f"{DeadlineStatusChoices.MET.label}: {deadline}")


def remind(parts, *, actor=None, on: dt.date | None = None) -> list[Contribution]:
    """Remind each given part's agency users that their part is awaited; ``actor`` None is the scheduled job.
    Returns the parts reminded."""
    if actor is not None:
        require_inspectorate(actor, "nhắc cơ quan phối hợp")
    on = on or timezone.localdate()
    done = []
    with transaction.atomic():
        for part in parts:
            part = lock_part(part)
            if not part.is_open:
                raise ServiceError(f"Phần đóng góp của “{part.agency}” đã nộp, không cần nhắc.")
            late = part.due_date < on
            when = f"đã quá hạn {(on - part.due_date).days} ngày" if late else f"hạn {part.due_date:%d/%m/%Y}"
            text = f"Nhắc gửi phần đóng góp “{part.round.title}” ({when})."
            _tell_agency(part, "contribution_reminder", text)
            part.reminded_at = timezone.now()
            set_history(part, actor, "Nhắc nộp phần đóng góp")
            part.save(update_fields=["reminded_at", "last_updated"])
            log_event(part, actor, f"Nhắc nộp ({when})")
            done.append(part)
    return done


def remind_late(rnd: ReportRound | None = None, *, actor=None, on: dt.date | None = None) -> list[Contribution]:
    """Remind every late part (of ``rnd``, or of every round). The scheduled job (no ``actor``) skips parts
    reminded in the last REMIND_EVERY_DAYS days; a person's click reminds them all."""
    if actor is not None:
        require_inspectorate(actor, "nhắc cơ quan phối hợp")
    late = Contribution.objects.late(on)
    if rnd is not None:
        late = late.filter(round=rnd)
    if actor is None:
        since = timezone.now() - dt.timedelta(days=REMIND_EVERY_DAYS)
        late = late.exclude(reminded_at__gte=since)
    return remind(list(late), actor=actor, on=on)


def require_visible_part(part, actor) -> None:
    if not Contribution.objects.visible_to(actor).filter(pk=part.pk).exists():
        raise PermissionDenied("Bạn không có quyền với phần đóng góp này.")
