"""The contributing agency's writes on its own part: figures (confirm or correct the prefill; a zero is a nil
return), narrative sections, attached files, and submitting. Bad input is refused before anything is written."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from canhgiac.core import figures as catalogue
from canhgiac.core.kit import FieldError, ServiceError, set_history
from canhgiac.core.letters import LetterFileError, check_letter_file
from canhgiac.core.notifications import notify
from canhgiac.rounds.choices import ContributionStatusChoices as S
from canhgiac.rounds.models import Contribution, ContributionAttachment, ContributionFigure
from canhgiac.rounds.rules import is_inspectorate, require_fill
from canhgiac.rounds.services import lock_part, log_event, meet_deadlines, move_status, require_visible_part

TEXT_LIMIT = 50_000
MAX_VALUE = Decimal("1e17")


class PartClosed(ServiceError):
    """The part was sent (or accepted): it is read-only until the inspectorate returns it."""


def _require_open(part: Contribution) -> None:
    if part.status == S.SUBMITTED:
        when = timezone.localtime(part.submitted_at).strftime("%H:%M %d/%m/%Y") if part.submitted_at else ""
        raise PartClosed(
            f"Phần đóng góp đã nộp lúc {when}: không sửa được nữa. Cần Sở trả lại để chỉnh sửa thì mới sửa được."
        )
    if part.status == S.ACCEPTED:
        raise PartClosed("Phần đóng góp đã được Sở tiếp nhận: không sửa được nữa.")


def _label(key: str) -> str:
    try:
        return catalogue.get(key).label
    except catalogue.UnknownFigure:
        return key


def _number(key: str, raw) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise FieldError("figures", f"Chỉ số “{_label(key)}”: “{raw}” không phải là số.")
    text = str(raw).strip().replace(" ", "")
    if isinstance(raw, str) and re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")  # "1.237" and "25.850.000" as Vietnamese officials write them
    elif isinstance(raw, str):
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FieldError("figures", f"Chỉ số “{_label(key)}”: “{raw}” không phải là số.") from None
    if not value.is_finite():
        raise FieldError("figures", f"Chỉ số “{_label(key)}”: “{raw}” không phải là số.")
    if value < 0:
        raise FieldError("figures", f"Chỉ số “{_label(key)}”: số liệu không được âm ({raw}).")
    if value >= MAX_VALUE or value != value.quantize(Decimal("0.01")):
        raise FieldError("figures", f"Chỉ số “{_label(key)}”: số liệu {raw} quá lớn hoặc quá 2 chữ số thập phân.")
    return value


def _parse_figures(part: Contribution, items) -> dict[str, dict]:
    """Each item ``{"key", "value", "nil", "note"}`` checked against the catalogue and the part's figures."""
    own = {row.key for row in part.figures.all()}
    parsed: dict[str, dict] = {}
    for item in items or ():
        if not isinstance(item, dict) or "key" not in item:
            raise FieldError("figures", "Mỗi chỉ số cần có khoá (key).")
        key = str(item["key"])
        try:
            catalogue.get(key)
        except catalogue.UnknownFigure as exc:
            raise FieldError("figures", str(exc)) from None
        if key not in own:
            raise FieldError("figures", f"Chỉ số “{_label(key)}” không thuộc phần đóng góp này.")
        if key in parsed:
            raise FieldError("figures", f"Chỉ số “{_label(key)}” được ghi hai lần.")
        value, nil = _number(key, item.get("value")), bool(item.get("nil", False))
        if nil and value not in (None, 0):
            raise FieldError(
                "figures", f"Chỉ số “{_label(key)}”: đã chọn “chưa phát hiện” thì số liệu phải là 0 (đang ghi {value})."
            )
        if nil or value == 0:  # a confirmed zero is a nil return ("chưa phát hiện")
            value, nil = Decimal(0), True
        note = str(item.get("note", "") or "").strip()
        if len(note) > 500:
            raise FieldError("figures", f"Chỉ số “{_label(key)}”: ghi chú dài quá 500 ký tự.")
        parsed[key] = {"value": value, "nil": nil, "note": note}
    return parsed


def clean_text(text) -> str:
    """Plain text with paragraphs: line ends unified, trailing spaces and runs of blank lines removed."""
    lines = [line.rstrip() for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _parse_sections(part: Contribution, texts) -> dict[str, str]:
    titles = {s["key"]: s["title"] for s in part.sections}
    parsed = {}
    for key, text in (texts or {}).items():
        if key not in titles:
            raise FieldError("sections", f"Phần đóng góp này không có mục nội dung “{key}”.")
        cleaned = clean_text(text)
        if len(cleaned) > TEXT_LIMIT:
            raise FieldError("sections", f"Mục “{titles[key]}” dài quá {TEXT_LIMIT:,} ký tự.".replace(",", "."))
        parsed[key] = cleaned
    return parsed


@transaction.atomic
def save_part(part: Contribution, *, actor, figures=None, sections=None) -> Contribution:
    """Write the agency's figures and texts (only those given); the recorded values are refreshed from the
    records so the difference shown is current. Refused once the part is sent, until it is returned."""
    require_visible_part(part, actor)
    require_fill(actor, part)
    part = lock_part(part)
    _require_open(part)
    values, texts = _parse_figures(part, figures), _parse_sections(part, sections)
    rows = list(part.figures.all())
    window = catalogue.Window(part.round.period_start, part.round.period_end)
    recorded = catalogue.compute(window, [row.key for row in rows], agency=part.agency)
    for row in rows:
        before = (row.value, row.nil, row.note, row.recorded)
        fresh = recorded[row.key]
        row.recorded = None if fresh is None else Decimal(fresh)
        if row.key in values:
            row.value, row.nil, row.note = (values[row.key][k] for k in ("value", "nil", "note"))
        if before != (row.value, row.nil, row.note, row.recorded):
            row.full_clean()
            set_history(row, actor, "Cập nhật số liệu" if row.key in values else "Cập nhật số liệu ghi nhận")
            row.save()
    if texts:
        part.texts = {**part.texts, **texts}
    set_history(part, actor, "Cập nhật phần đóng góp")
    part.save()
    return part


@transaction.atomic
def submit_part(part: Contribution, *, actor) -> Contribution:
    """Send the part to the inspectorate: it becomes read-only, its deadline is met, the round's author is told."""
    require_visible_part(part, actor)
    require_fill(actor, part)
    part = lock_part(part)
    if part.status == S.SUBMITTED:
        when = timezone.localtime(part.submitted_at).strftime("%H:%M %d/%m/%Y") if part.submitted_at else ""
        raise PartClosed(f"Phần đóng góp này đã được nộp lúc {when}; không nộp lại lần nữa.")
    if part.status == S.ACCEPTED:
        raise PartClosed("Phần đóng góp này đã được Sở tiếp nhận; không nộp lại lần nữa.")
    has_figure = part.figures.filter(value__isnull=False).exists()
    has_text = any(text.strip() for text in part.texts.values())
    if not (has_figure or has_text or part.attachments.filter(withdrawn=False).exists()):
        raise ServiceError("Phần đóng góp chưa có số liệu, nội dung hay tệp đính kèm nào: chưa nộp được.")
    again = part.status == S.RETURNED
    move_status(part, actor, S.SUBMITTED, "Nộp lại phần đóng góp" if again else "Nộp phần đóng góp")
    part.submitted_at, part.submitted_by = timezone.now(), actor
    set_history(part, actor, "Nộp lại phần đóng góp" if again else "Nộp phần đóng góp")
    part.save()
    meet_deadlines(part, actor)
    rnd = part.round
    watchers = [u for u in {rnd.created_by, part.reviewed_by} if u is not None and u != actor and is_inspectorate(u)]
    text = f"{part.agency} đã {'nộp lại' if again else 'nộp'} phần đóng góp “{rnd.title}”."
    notify(watchers, verb="contribution_submitted", text=text, url=part.get_absolute_url(), obj=part)
    return part


@transaction.atomic
def attach_file(part: Contribution, uploaded, *, actor) -> ContributionAttachment:
    """Attach a file to the part (a PDF, Word or OpenDocument text, or a scan; checked by its bytes and size, as
    letters' files are)."""
    require_visible_part(part, actor)
    require_fill(actor, part)
    part = lock_part(part)
    _require_open(part)
    try:
        mime = check_letter_file(uploaded)
    except LetterFileError as exc:
        raise FieldError("file", str(exc)) from None
    digest, chunks = hashlib.sha256(), []
    for chunk in uploaded.chunks():
        digest.update(chunk)
        chunks.append(chunk)
    content = b"".join(chunks)
    attachment = ContributionAttachment(
        contribution=part,
        original_name=uploaded.name[:255],
        size=len(content),
        mime_type=mime,
        sha256=digest.hexdigest(),
        created_by=actor,
    )
    attachment.file.save(attachment.sha256, ContentFile(content), save=False)
    set_history(attachment, actor, "Đính kèm tệp")
    attachment.save()
    log_event(part, actor, f"Đính kèm tệp “{attachment.original_name}”")
    return attachment


@transaction.atomic
def withdraw_attachment(attachment: ContributionAttachment, *, actor) -> ContributionAttachment:
    """Take a file off the part while it can still be edited; the stored file is kept."""
    part = attachment.contribution
    require_visible_part(part, actor)
    require_fill(actor, part)
    part = lock_part(part)
    _require_open(part)
    attachment = ContributionAttachment.objects.select_for_update().get(pk=attachment.pk)
    if attachment.withdrawn:
        raise ServiceError(f"Tệp “{attachment.original_name}” đã được gỡ trước đó.")
    attachment.withdrawn = True
    set_history(attachment, actor, "Gỡ tệp đính kèm")
    attachment.save(update_fields=["withdrawn", "last_updated"])
    log_event(part, actor, f"Gỡ tệp “{attachment.original_name}”")
    return attachment


def figure_rows(part: Contribution) -> list[ContributionFigure]:
    """The part's figures with their catalogue label and unit attached (``label``, ``unit``) for pages and API."""
    rows = list(part.figures.all())
    every = catalogue.catalogue()
    for row in rows:
        figure = every.get(row.key)
        row.label = figure.label if figure else row.key
        row.unit = catalogue.unit_text(figure) if figure else ""
    return rows
