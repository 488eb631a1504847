"""Every write to the intake register: reports from the portal (no account), from staff (hotline, e-mail, in
person, letter) and from the national 5656 export; each in one transaction with its change-log entry, its indicators
linked to the shared indicator records, its screenshots checked, and its due date set through the deadline engine."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from canhgiac.cases.models import Indicator
from canhgiac.cases.services import get_or_create_indicator
from canhgiac.core.choices import AgencyKindChoices, RoleChoices
from canhgiac.core.deadlines import DeadlineError, attach_deadline
from canhgiac.core.models import User
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import FieldError, PermissionDenied, RecordService, ServiceError, set_history
from canhgiac.intake import conf
from canhgiac.intake.abuse import RateLimited, content_hash, new_code
from canhgiac.intake.choices import ChannelChoices, ReportTypeChoices
from canhgiac.intake.indicators import FIELDS, Mention, read_mentions
from canhgiac.intake.models import Attachment, Report, ReportIndicator
from canhgiac.intake.screenshots import CheckedFile, check_files

log = logging.getLogger(__name__)

PROCESS_RULE = "intake_process"  # classify and act on a report (Circular 05/2021/TT-TTCP; see the migration)
REPLY_RULE = "intake_reply"  # answer the reporter once the report went to a case


class IntakeError(ServiceError):
    """A report cannot be taken as sent; the message says why."""


def duty_officer() -> User | None:
    """Who is in charge of reports arriving without an officer (portal, import): ``INTAKE_DUTY_OFFICER``, else the
    first active leader of a provincial authority."""
    name = conf.value("INTAKE_DUTY_OFFICER").strip()
    users = User.objects.filter(is_active=True)
    if name:
        return users.filter(username=name).first()
    return (
        users.filter(role=RoleChoices.LEADER, agency__kind=AgencyKindChoices.AUTHORITY).order_by("pk").first()
        or users.filter(role=RoleChoices.INSPECTOR, agency__kind=AgencyKindChoices.AUTHORITY).order_by("pk").first()
    )


def check_content(text: str, field: str = "content") -> str:
    text = (text or "").strip()
    limit = conf.number("INTAKE_MAX_TEXT")
    if not text:
        raise FieldError(field, "Hãy mô tả sự việc (nội dung phản ánh đang để trống).")
    if len(text) > limit:
        raise FieldError(
            field, f"Nội dung dài {len(text):,} ký tự, vượt quá {limit:,} ký tự cho phép.".replace(",", ".")
        )
    if "\x00" in text:
        raise FieldError(field, "Nội dung có ký tự không hợp lệ (dữ liệu nhị phân).")
    return text


def known_indicators(mentions: list[Mention]) -> dict[tuple[str, str], int]:
    """The ids of the mentioned indicators already stored, read before the write transaction."""
    query = Q(pk__in=[])
    for mention in mentions:
        query |= Q(kind=mention.item.kind, value=mention.item.value)
    return {(kind, value): pk for pk, kind, value in Indicator.objects.filter(query).values_list("pk", "kind", "value")}


def link_mentions(report: Report, mentions: list[Mention], *, actor, known: dict | None = None) -> None:
    """Link each mentioned indicator (created when new) to the report; one already linked stays as it is."""
    known = known or {}
    links = []
    for mention in mentions:
        key = (mention.item.kind, mention.item.value)
        indicator_id = known.get(key) or get_or_create_indicator(mention.item, actor=actor)[0].pk
        links.append(ReportIndicator(report=report, indicator_id=indicator_id, original=mention.original[:500]))
    ReportIndicator.objects.bulk_create(links, ignore_conflicts=True)


def store_files(report: Report, files: list[CheckedFile], *, actor) -> None:
    for checked in files:
        attachment = Attachment(
            report=report,
            original_name=checked.name,
            mime_type=checked.mime_type,
            size=len(checked.content),
            sha256=checked.sha256,
            created_by=actor,
        )
        attachment.file.save(checked.sha256, ContentFile(checked.content), save=False)
        set_history(attachment, actor, "Đính kèm tệp của phản ánh")
        attachment.save()


def _save_with_code(report: Report) -> None:
    for attempt in range(5):
        report.followup_code = new_code()
        try:
            with transaction.atomic():
                report.save()
            return
        except IntegrityError:
            if attempt == 4:
                raise


def due_date_after_commit(report: Report) -> None:
    """The processing due date of a report that arrived without an officer (portal): set by the worker once the
    report is stored (``INTAKE_DUE_DATES_IN_WORKER``), so the citizen's request holds the database's write lock only
    for the report itself; a scheduled sweep sets any that were missed. Set in the same transaction otherwise."""
    if conf.value("INTAKE_DUE_DATES_IN_WORKER") != "1":
        set_due_date(report)
        return

    def queue():
        from canhgiac.intake.tasks import set_report_due_date

        try:
            set_report_due_date.delay(report.pk)
        except Exception:  # the queue is down: the sweep will set it
            log.warning("report %s: due date not queued; the sweep will set it", report.pk)

    transaction.on_commit(queue)


def set_due_date(report: Report, rule: str = PROCESS_RULE, *, actor=None) -> None:
    """The report's due date from ``rule`` (counted from the day it was received), for its officer in charge."""
    officer = report.assignee or (actor if actor is not None and actor.is_authenticated else None) or duty_officer()
    if officer is None:
        log.warning("report %s: no officer in charge, no due date set", report.pk)
        return
    start = timezone.localdate(report.received_at) if rule == PROCESS_RULE else timezone.localdate()
    try:
        attach_deadline(report, rule, actor=officer, start=start, responsible=officer)
    except DeadlineError:
        log.exception("report %s: due date not set", report.pk)


class ReportService(RecordService):
    """Reports entered by staff (hotline, e-mail, in person, letter) and corrections to any report."""

    model = Report
    fields = (
        "channel",
        "report_type",
        "content",
        "occurred_at",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "consent",
        "call_action",
        "assignee",
    )
    extra_inputs = (*FIELDS, "attachments")
    verb = "phản ánh"
    denied = "Chỉ cán bộ cấp tỉnh mới ghi nhận và sửa phản ánh trong sổ tiếp nhận."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor)

    def references(self, actor, name, field):
        if name == "assignee":
            from canhgiac.cases.services import assignable_users

            return assignable_users(actor)
        return super().references(actor, name, field)

    def clean_exclude(self):
        return ["followup_code"]

    def prepare(self, actor, obj, data, created):
        if not has_global_scope(actor):
            raise PermissionDenied(self.denied)
        if "content" in data or created:
            obj.content = check_content(obj.content)
        if created and obj.channel == ChannelChoices.PORTAL:
            raise FieldError("channel", "Phản ánh qua cổng thông tin do người dân tự gửi, không nhập thay.")
        if obj.consent and obj.consent_at is None:
            obj.consent_at = timezone.now()
        obj._mentions = read_mentions(data) if any(name in data for name in FIELDS) else []
        obj._files = check_files(data.get("attachments"))
        if created and not obj.report_type:
            obj.report_type = ReportTypeChoices.OTHER

    def save(self, actor, obj, created):
        if created:
            _save_with_code(obj)
        else:
            obj.save()

    def after_save(self, actor, obj, data, created):
        link_mentions(obj, obj._mentions, actor=actor)
        store_files(obj, obj._files, actor=actor)
        if created:
            set_due_date(obj, actor=actor)


reports = ReportService()


def log_call(
    *,
    actor,
    caller: str = "",
    caller_phone: str = "",
    number: str = "",
    summary: str,
    action: str = "",
    report_type: str = ReportTypeChoices.SCAM_CALL,
) -> Report:
    """The hotline log: one call — who called, the number they call about, what they said, what was done."""
    return reports.create(
        actor=actor,
        reason="Ghi cuộc gọi đường dây nóng",
        channel=ChannelChoices.HOTLINE,
        report_type=report_type or ReportTypeChoices.SCAM_CALL,
        content=summary,
        reporter_name=caller,
        reporter_phone=caller_phone,
        consent=bool(caller or caller_phone),
        call_action=action,
        phones=number,
    )


def _recent_duplicate(source: str, fingerprint: str) -> Report | None:
    since = timezone.now() - dt.timedelta(minutes=conf.number("INTAKE_DUPLICATE_MINUTES"))
    return (
        Report.objects.filter(source_hash=source, content_hash=fingerprint, received_at__gte=since)
        .order_by("-received_at")
        .first()
    )


def _check_submit_rate(source: str) -> None:
    allowed, seconds = conf.rate("submit")
    since = timezone.now() - dt.timedelta(seconds=seconds)
    if Report.objects.filter(source_hash=source, received_at__gte=since).count() >= allowed:
        wait = f"{seconds // 60} phút" if seconds >= 120 else f"{seconds} giây"
        raise RateLimited(f"Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau {wait}.", seconds)


def submit_report(data: dict, files=(), *, source: str) -> tuple[Report, bool]:
    """A report sent by a citizen through the portal (no account): checked, its indicators normalised, screenshots
    re-encoded, then stored with a new follow-up code — or, when the same address sent the same report within
    minutes, merged into that one (same code). Returns (report, merged)."""
    if not data.get("consent"):
        raise FieldError("consent", "Cần đồng ý cho cơ quan xử lý dữ liệu cá nhân trong phản ánh để gửi phản ánh.")
    content = check_content(data.get("content", ""))
    report_type = data.get("report_type") or ReportTypeChoices.OTHER
    if report_type not in ReportTypeChoices.values:
        raise FieldError("report_type", "Loại phản ánh không hợp lệ.")
    mentions = read_mentions(data)
    checked = check_files(files)
    fingerprint = content_hash(report_type, content, *sorted(m.item.value for m in mentions))
    # The reads first, outside the write transaction (SQLite holds its one write lock from BEGIN to COMMIT).
    existing = _recent_duplicate(source, fingerprint)
    if existing is not None:
        Report.objects.filter(pk=existing.pk).update(merged_count=F("merged_count") + 1)
        existing.refresh_from_db()
        return existing, True
    _check_submit_rate(source)
    known = known_indicators(mentions)
    with transaction.atomic():
        report = Report(
            channel=ChannelChoices.PORTAL,
            report_type=report_type,
            content=content,
            occurred_at=data.get("occurred_at"),
            reporter_name=(data.get("reporter_name") or "").strip()[:200],
            reporter_phone=(data.get("reporter_phone") or "").strip()[:40],
            reporter_email=(data.get("reporter_email") or "").strip()[:254],
            consent=True,
            consent_at=timezone.now(),
            source_hash=source,
            content_hash=fingerprint,
        )
        report.full_clean(exclude=["followup_code"])
        set_history(report, None, "Người dân gửi qua cổng thông tin")
        _save_with_code(report)
        link_mentions(report, mentions, actor=None, known=known)
        store_files(report, checked, actor=None)
        due_date_after_commit(report)
    return report, False


def find_by_code(code: str) -> Report | None:
    from canhgiac.intake.abuse import clean_code

    cleaned = clean_code(code)
    if len(cleaned) != 19:
        return None
    return Report.objects.filter(followup_code=cleaned).select_related("forwarded_to").first()


def import_report(data: dict, *, source: str, report_type: str, actor) -> Report:
    """One row of a national complaint export (5656/156), already parsed, stored with its number linked. No due date:
    the national system answered its reporter; the office acts on the numbers."""
    from canhgiac.core.services import require_write

    require_write(actor)
    with transaction.atomic():
        report = Report(
            channel=ChannelChoices.IMPORT_5656,
            report_type=report_type,
            content=data["content"],
            occurred_at=data["when"],
            received_at=data["when"],
            reporter_phone=data["reporter"],
            external_ref=data["ref"],
            created_by=actor,
        )
        set_history(report, actor, f"Nhập từ tệp {source}")
        _save_with_code(report)
        link_mentions(report, [data["mention"]], actor=actor)
    return report
