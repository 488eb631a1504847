"""Every write to cases, indicators and evidence: one transaction, an explicit actor, a change-log entry."""

import hashlib
from collections.abc import Sequence

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from canhgiac.cases.models import Case, CaseEvent, CaseIndicator, Evidence, Indicator
from canhgiac.cases.normalize import Normalized, normalize
from canhgiac.core.models import Agency, User
from canhgiac.core.scoping import WRITE_ROLES, has_global_scope
from canhgiac.core.services import (
    RecordService,
    ServiceError,
    require_visible,
    set_history,
    write_action,
)
from canhgiac.core.workflow import TransitionError as TransitionError  # re-exported for callers
from canhgiac.core.workflow import transition


class DuplicateIndicator(ServiceError):
    """The case already has this indicator (in any written form of it)."""


class EvidenceError(ServiceError):
    """The uploaded file cannot be kept as evidence."""


CASE_FIELDS = (
    "title",
    "category",
    "source",
    "received_on",
    "description",
    "damage_vnd",
    "lead_agency",
    "locality",
    "addressed_agencies",
    "assignee",
    "letters",
    "reporter_name",
    "reporter_phone",
    "reporter_address",
)


def _next_code(year: int) -> str:
    prefix = f"VV-{year}-"
    last = Case.objects.filter(code__startswith=prefix).order_by("-code").values_list("code", flat=True).first()
    return f"{prefix}{(int(last.rsplit('-', 1)[1]) + 1) if last else 1:05d}"


def assignable_users(actor):
    """Who ``actor`` may put in charge of a case: active users whose role may act on records, of an agency the
    actor sees (so a commune assigns within the commune; provincial staff assign anyone who can act)."""
    return User.objects.filter(
        is_active=True, role__in=WRITE_ROLES["records"], agency__in=Agency.objects.visible_to(actor)
    )


class CaseService(RecordService):
    """Cases: a case is changed by provincial staff or by the agency that leads it; the agencies it is addressed
    to (who then read it and its evidence) and its lead are the lead's to set. Indicators come with the write,
    normalised before anything is stored: a bad one refuses the whole write."""

    model = Case
    fields = CASE_FIELDS
    extra_inputs = ("indicators",)
    verb = "vụ việc"
    denied = "Chỉ cơ quan chủ trì vụ việc (hoặc cán bộ cấp tỉnh) mới được sửa vụ việc này."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor) or (actor.agency_id is not None and actor.agency_id == obj.lead_agency_id)

    def references(self, actor, name, field):
        if name == "assignee":
            return assignable_users(actor)
        return super().references(actor, name, field)

    def clean_exclude(self):
        return ["code"]

    def prepare(self, actor, obj, data, created):
        obj._pending_indicators = [(normalize(kind, text), text) for kind, text in data.get("indicators") or ()]

    def save(self, actor, obj, created):
        if not created:
            obj.save()
            return
        for attempt in range(5):
            obj.code = _next_code(obj.received_on.year)
            try:
                with transaction.atomic():
                    obj.save()
                return
            except IntegrityError:
                if attempt == 4:
                    raise

    def after_save(self, actor, obj, data, created):
        for item, original in obj._pending_indicators:
            link_indicator(obj, item, original=original, actor=actor)


cases = CaseService()


class IndicatorService(RecordService):
    """An indicator is shared by every case that saw it: once normalised, only its note changes."""

    model = Indicator
    fields = ("note",)
    verb = "dấu hiệu"
    denied = "Bạn không có quyền với dấu hiệu này."


indicators = IndicatorService()


def create_case(*, actor, indicators: Sequence[tuple[str, str]] = (), **fields) -> Case:
    """Create a case with its indicators (kind, text) — each normalised; a bad one raises IndicatorError."""
    return cases.create(actor=actor, indicators=list(indicators), **fields)


def update_case(case: Case, *, actor, **fields) -> Case:
    return cases.update(case, actor=actor, **fields)


def transition_case(case: Case, to_status: str, *, actor, reason: str, letter=None) -> CaseEvent:
    """Move a case along its declared workflow (``CASE_WORKFLOW``) through the one ``transition()`` service."""
    return transition(case, to_status, actor=actor, reason=reason, letter=letter)


def get_or_create_indicator(item: Normalized, *, actor) -> tuple[Indicator, bool]:
    indicator = Indicator.objects.filter(kind=item.kind, value=item.value).first()
    if indicator:
        return indicator, False
    indicator = Indicator(kind=item.kind, value=item.value, attrs=item.attrs, created_by=actor)
    set_history(indicator, actor, "Tạo dấu hiệu")
    try:
        with transaction.atomic():
            indicator.save()
    except IntegrityError:
        return Indicator.objects.get(kind=item.kind, value=item.value), False
    return indicator, True


@transaction.atomic
def link_indicator(case: Case, item: Normalized, *, original: str = "", actor) -> CaseIndicator:
    indicator, _ = get_or_create_indicator(item, actor=actor)
    link, _ = CaseIndicator.objects.get_or_create(
        case=case, indicator=indicator, defaults={"original": original[:500], "added_by": actor}
    )
    return link


@write_action()
def add_indicator(case: Case, kind: str, text: str, *, actor) -> CaseIndicator:
    """Normalise ``text`` as ``kind`` and link it to the case (IndicatorError on bad input)."""
    _require_visible(case, actor)
    item = normalize(kind, text)
    if CaseIndicator.objects.filter(case=case, indicator__kind=item.kind, indicator__value=item.value).exists():
        raise DuplicateIndicator(f"Vụ việc {case.code} đã có dấu hiệu {item.value}.")
    # The change-log entry first, then the link: the History tab lists a link under the last entry before it.
    set_history(case, actor, f"Thêm dấu hiệu {item.value}")
    case.save(update_fields=["last_updated"])
    return link_indicator(case, item, original=text, actor=actor)


def _sniff(content: bytes) -> str:
    kind = filetype.guess(content[:8192])
    if kind is not None:
        return kind.mime
    try:
        content[:65536].decode("utf-8")
        return "text/plain"
    except UnicodeDecodeError:
        return "application/octet-stream"


@write_action()
def attach_evidence(case: Case, uploaded, *, actor, description: str = "") -> Evidence:
    """Store an uploaded file as evidence: size limit, SHA-256 and a type sniffed from its bytes."""
    _require_visible(case, actor)
    limit = settings.EVIDENCE_MAX_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise EvidenceError(f"Tệp “{uploaded.name}” vượt quá dung lượng cho phép ({_size_text(limit)}).")
    digest = hashlib.sha256()
    chunks = []
    size = 0
    for chunk in uploaded.chunks():
        size += len(chunk)
        if size > limit:
            raise EvidenceError(f"Tệp “{uploaded.name}” vượt quá dung lượng cho phép ({_size_text(limit)}).")
        digest.update(chunk)
        chunks.append(chunk)
    if size == 0:
        raise EvidenceError(f"Tệp “{uploaded.name}” rỗng.")
    content = b"".join(chunks)
    evidence = Evidence(
        case=case,
        original_name=uploaded.name[:255],
        sha256=digest.hexdigest(),
        size=size,
        mime_type=_sniff(content),
        description=description,
        created_by=actor,
    )
    evidence.file.save(evidence.sha256, ContentFile(content), save=False)
    set_history(evidence, actor, "Thêm chứng cứ")
    evidence.save()
    return evidence


@write_action()
def withdraw_evidence(evidence: Evidence, *, actor, reason: str) -> Evidence:
    _require_visible(evidence.case, actor)
    if evidence.withdrawn:
        raise EvidenceError("Chứng cứ này đã được thu hồi trước đó.")
    if not (reason or "").strip():
        raise EvidenceError("Cần ghi lý do thu hồi chứng cứ.")
    evidence.withdrawn = True
    evidence.withdrawn_reason = reason.strip()
    evidence.withdrawn_by = actor
    evidence.withdrawn_at = timezone.now()
    set_history(evidence, actor, f"Thu hồi: {reason.strip()}")
    evidence.save(update_fields=["withdrawn", "withdrawn_reason", "withdrawn_by", "withdrawn_at", "last_updated"])
    return evidence


def _require_visible(case: Case, actor) -> None:
    require_visible(case, actor, "Bạn không có quyền với vụ việc này.")


def _size_text(n: int) -> str:
    """A byte count for people: "25 MB", "512 KB", "100 byte"."""
    if n >= 2**20:
        return f"{n / 2**20:g} MB"
    return f"{n / 1024:g} KB" if n >= 1024 else f"{n} byte"
