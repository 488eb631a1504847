"""Triage of the intake register, on the shared triage base: open a case from reports (or attach several to an
existing case), forward to the competent agency with an outgoing letter, mark as duplicate, dismiss, close with a
reply to the reporter (shown through the follow-up code, e-mailed when an address was given). Each step closes or
sets the report's due dates through the deadline engine."""

from __future__ import annotations

import html
import logging
import threading
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from canhgiac.cases.services import attach_evidence
from canhgiac.cases.triage import EscalatingTriage
from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices
from canhgiac.core.deadlines import close_deadline
from canhgiac.core.kit import PermissionDenied, lock_for_write, require_visible, require_write
from canhgiac.core.models import Agency, Deadline
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import FieldError, register_document
from canhgiac.core.triage import TriageError, TriageStatusChoices
from canhgiac.intake.choices import CASE_CATEGORY, ChannelChoices, OutcomeChoices
from canhgiac.intake.models import Report
from canhgiac.intake.services import REPLY_RULE, set_due_date

log = logging.getLogger(__name__)
_escalating = threading.local()  # the indicators of the case being added to, for this request's thread
MAX_REPLY = 5000


def evidence_html(report: Report) -> str:
    rows = [
        ("Kênh tiếp nhận", report.get_channel_display()),
        ("Loại phản ánh", report.get_report_type_display()),
        ("Tiếp nhận lúc", f"{timezone.localtime(report.received_at):%d/%m/%Y %H:%M}"),
        ("Dấu hiệu", ", ".join(i.value for i in report.indicators.all())),
    ]
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phản ánh</title></head>'
        f"<body><h1>Phản ánh #{report.pk}</h1><table>{body}</table>"
        f"<h2>Nội dung</h2><pre>{html.escape(report.content)}</pre></body></html>"
    )


def close_due_dates(report: Report, *, actor) -> None:
    """Every open due date of ``report`` met (the step that ends it was taken)."""
    kind = ContentType.objects.get_for_model(Report)
    for deadline in Deadline.objects.open().filter(content_type=kind, object_id=report.pk):
        close_deadline(deadline, actor=actor)


class ReportTriage(EscalatingTriage):
    """Triage is the provincial office's: an agency a report was forwarded to reads it but does not decide on it."""

    model = Report
    denied = "Chỉ cán bộ cấp tỉnh mới xử lý phản ánh trong sổ tiếp nhận."
    item_name = "phản ánh"

    def lock(self, item, actor):
        self._require_province(item, actor)
        return super().lock(item, actor)

    def _require_province(self, item, actor) -> None:
        require_visible(item, actor, self.denied)
        if not has_global_scope(actor):
            raise PermissionDenied(self.denied)

    def indicators(self, item):
        known = getattr(_escalating, "known", set())
        return [(i.kind, i.value) for i in item.indicators.all() if (i.kind, i.value) not in known]

    def escalate(self, items, *, actor, case=None):
        """The base's escalation; into an existing case, the indicators it already has are left out (the base would
        refuse the whole step on the first one, ``DuplicateIndicator``)."""
        _escalating.known = set(case.indicators.values_list("kind", "value")) if case is not None else set()
        try:
            return super().escalate(items, actor=actor, case=case)
        finally:
            _escalating.known = set()

    def case_data(self, items, actor):
        first = items[0]
        lines = [f"Phản ánh #{r.pk} ({r.get_channel_display()}): {r.content[:2000]}" for r in items]
        hotline = all(r.channel == ChannelChoices.HOTLINE for r in items)
        if actor.agency_id is None:
            raise TriageError("Tài khoản của bạn chưa thuộc cơ quan nào nên không thể chủ trì vụ việc.")
        return {
            "title": f"{first.get_report_type_display()}: {first.content[:200]}"[:300],
            "description": "\n".join(lines),
            "category": CASE_CATEGORY.get(first.report_type, "fraud"),
            "source": "hotline" if hotline else "citizen",
            "received_on": min(timezone.localdate(r.received_at) for r in items),
            "lead_agency": actor.agency,
        }

    def evidence(self, item):
        return (f"phan-anh-{item.pk}.html", evidence_html(item).encode("utf-8"), f"Phản ánh #{item.pk}")

    def after(self, item, actor, step):
        outcome = {"escalate": OutcomeChoices.CASE, "dismiss": OutcomeChoices.DISMISSED, "reopen": ""}.get(step)
        if outcome is None:
            return
        item.outcome = outcome
        item.save(update_fields=["outcome", "last_updated"])
        if step == "escalate":
            for attachment in item.attachments.all():
                with attachment.file.open("rb") as handle:
                    content = ContentFile(handle.read(), name=attachment.original_name)
                attach_evidence(item.case, content, actor=actor, description=f"Tệp gửi kèm phản ánh #{item.pk}")
            close_due_dates(item, actor=actor)
            if not item.reply:
                set_due_date(item, REPLY_RULE, actor=actor)
        elif step == "dismiss":
            close_due_dates(item, actor=actor)

    # --- the intake's own steps ------------------------------------------------------------------------------------
    def forward(self, item, *, actor, agency: Agency, notation: str, date=None, summary: str = ""):
        """Forward to the competent agency with an outgoing letter registered in the register of letters."""
        require_write(actor, self.area)
        if agency is None:
            raise FieldError("agency", "Hãy chọn cơ quan nhận.")
        with transaction.atomic():
            item = self.lock(item, actor)
            if item.outcome == OutcomeChoices.FORWARDED:
                raise TriageError(f"Phản ánh này đã được chuyển tới {item.forwarded_to}.")
            if actor.agency_id is None:
                raise TriageError("Tài khoản của bạn chưa thuộc cơ quan nào nên không thể ban hành văn bản chuyển.")
            letter = register_document(
                actor=actor,
                notation=notation,
                direction=DocumentDirectionChoices.OUTGOING,
                doc_type=DocumentTypeChoices.OFFICIAL_LETTER,
                date=date or timezone.localdate(),
                issuing_agency=actor.agency,
                receiving_agencies=[agency],
                summary=(summary or f"V/v chuyển phản ánh #{item.pk} của người dân để xử lý theo thẩm quyền")[:2000],
            )
            item.forwarded_to, item.forward_letter, item.outcome = agency, letter, OutcomeChoices.FORWARDED
            self._decide(
                item,
                actor,
                TriageStatusChoices.RESOLVED,
                f"Chuyển {agency} (văn bản {letter.notation})",
                ["forwarded_to", "forward_letter", "outcome"],
            )
            close_due_dates(item, actor=actor)
            return item

    def mark_duplicate(self, item, *, actor, original: Report):
        require_write(actor, self.area)
        with transaction.atomic():
            item = self.lock(item, actor)
            require_visible(original, actor, "Không tìm thấy phản ánh gốc (hoặc bạn không có quyền xem).")
            root = original
            while root.duplicate_of_id is not None:
                root = root.duplicate_of
            if root.pk == item.pk:
                raise FieldError("original", "Phản ánh không thể trùng với chính nó.")
            item.duplicate_of, item.outcome = root, OutcomeChoices.DUPLICATE
            item.dismiss_reason = f"Trùng phản ánh #{root.pk}"
            self._decide(
                item,
                actor,
                TriageStatusChoices.DISMISSED,
                f"Trùng phản ánh #{root.pk}",
                ["duplicate_of", "outcome", "dismiss_reason"],
            )
            close_due_dates(item, actor=actor)
            return item

    def close_with_reply(self, item, *, actor, reply: str):
        """Answer the reporter and close the report (a report in a case stays with its case, with the answer)."""
        reply = (reply or "").strip()
        if not reply:
            raise FieldError("reply", "Hãy ghi nội dung trả lời người phản ánh.")
        if len(reply) > MAX_REPLY:
            raise FieldError("reply", f"Nội dung trả lời tối đa {MAX_REPLY} ký tự (đang có {len(reply)}).")
        require_write(actor, self.area)
        with transaction.atomic():
            self._require_province(item, actor)
            item = lock_for_write(item, actor, self.denied)
            if item.replied_at is not None:
                raise TriageError("Phản ánh này đã được trả lời trước đó.")
            item.reply, item.replied_at = reply, timezone.now()
            fields = ["reply", "replied_at"]
            status = item.status
            if item.status != TriageStatusChoices.ESCALATED:
                status = TriageStatusChoices.RESOLVED
                if item.outcome in ("", OutcomeChoices.DISMISSED):
                    item.outcome = OutcomeChoices.REPLIED
                    fields.append("outcome")
            self._decide(item, actor, status, "Trả lời người phản ánh", fields)
            close_due_dates(item, actor=actor)
            if item.reporter_email:
                transaction.on_commit(partial(email_reply, item.pk))
            return item


def email_reply(report_id: int) -> bool:
    """E-mail the office's answer to the reporter (after the answer is stored)."""
    report = Report.objects.get(pk=report_id)
    if report.reply_emailed_at or not report.reporter_email:
        return False
    body = (
        f"Kính gửi {report.reporter_name or 'ông/bà'},\n\n"
        f"Cơ quan đã xử lý phản ánh của ông/bà gửi ngày {timezone.localtime(report.received_at):%d/%m/%Y}.\n\n"
        f"Trả lời:\n{report.reply}\n\n"
        "Ông/bà có thể xem lại bằng mã tra cứu đã nhận khi gửi phản ánh.\n"
    )
    try:
        sent = EmailMessage("[Cảnh giác] Trả lời phản ánh của ông/bà", body, to=[report.reporter_email]).send()
    except OSError as exc:
        log.warning("reply to report %s not e-mailed: %s", report_id, exc)
        return False
    if sent:
        Report.objects.filter(pk=report_id).update(reply_emailed_at=timezone.now())
    return bool(sent)


triage = ReportTriage()
