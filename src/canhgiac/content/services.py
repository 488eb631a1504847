"""Every write to content items: ingest, review, dismiss, escalate to a case — one transaction, an explicit actor."""

import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from canhgiac.cases.services import attach_evidence, create_case
from canhgiac.content.choices import CASE_CATEGORY_BY_LABEL
from canhgiac.content.choices import ContentItemStatusChoices as S
from canhgiac.content.choices import IngestBatchStatusChoices as BatchStatus
from canhgiac.content.datasets import LABEL_NAMES_VI, LABELS
from canhgiac.content.extract import author_indicator, text_indicators
from canhgiac.content.ingest import InputError, Item, RowError, parse_items
from canhgiac.content.model import get_classifier
from canhgiac.content.models import ContentItem, IngestBatch, review_threshold, text_hash
from canhgiac.content.signals import sender_kind
from canhgiac.core.services import ServiceError, lock_for_write, require_write, set_history

CLASSIFY_CHUNK = 500
LOOKUP_CHUNK = 500


class ContentError(ServiceError):
    """The content operation cannot be done (unreadable file, wrong state, unknown label)."""


def risk_of(scores: dict[str, float]) -> float:
    """The highest score of a class other than ``normal``."""
    return max((v for k, v in scores.items() if k != "normal"), default=0.0)


@contextmanager
def _local_file(path_or_upload):
    """A filesystem path for ``parse_items`` and the original name, for a path or an uploaded file."""
    if isinstance(path_or_upload, (str, Path)):
        yield Path(path_or_upload), Path(path_or_upload).name
        return
    name = Path(path_or_upload.name or "upload.csv").name
    with tempfile.TemporaryDirectory(prefix="canhgiac-content-") as tmp:
        path = Path(tmp) / ("upload" + Path(name).suffix.lower())
        with path.open("wb") as out:
            for chunk in path_or_upload.chunks():
                out.write(chunk)
        yield path, name


def _existing(items: list[Item]) -> tuple[set[str], set[str]]:
    urls = [i.url for i in items if i.url]
    hashes = [text_hash(i.text) for i in items if not i.url]
    known_urls, known_hashes = set(), set()
    for start in range(0, len(urls), LOOKUP_CHUNK):
        part = urls[start : start + LOOKUP_CHUNK]
        known_urls |= set(ContentItem.objects.filter(url__in=part).values_list("url", flat=True))
    for start in range(0, len(hashes), LOOKUP_CHUNK):
        part = hashes[start : start + LOOKUP_CHUNK]
        known_hashes |= set(ContentItem.objects.filter(text_hash__in=part).values_list("text_hash", flat=True))
    return known_urls, known_hashes


def _aware(value):
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def store_items(items: Iterable[Item], *, actor, batch: IngestBatch | None = None) -> tuple[int, int, list[RowError]]:
    """Classify and store ``items`` not already stored (same URL, or same text when there is no URL).

    Cues (the slow part) are computed only for items at or above the review threshold.
    Returns (stored, flagged, duplicate errors).
    """
    items = list(items)
    known_urls, known_hashes = _existing(items)
    fresh, duplicates = [], []
    for item in items:
        if (item.url and item.url in known_urls) or (not item.url and text_hash(item.text) in known_hashes):
            what = "URL" if item.url else "văn bản"
            duplicates.append(RowError(item.row, f"đã có trong hệ thống (trùng {what})"))
        else:
            fresh.append(item)
    model, threshold, flagged = get_classifier(), review_threshold(), 0
    agency = batch.agency if batch else getattr(actor, "agency", None)
    for start in range(0, len(fresh), CLASSIFY_CHUNK):
        chunk = fresh[start : start + CLASSIFY_CHUNK]
        senders = [i.sender or None for i in chunk]
        predictions = model.classify([i.text for i in chunk], cues=False, senders=senders)
        risks = [risk_of(p.scores) for p in predictions]
        hot = [j for j, risk in enumerate(risks) if risk >= threshold or predictions[j].uncertain]
        if hot:
            hot_preds = model.classify([chunk[j].text for j in hot], cues=True, senders=[senders[j] for j in hot])
            for j, with_cues in zip(hot, hot_preds, strict=True):
                predictions[j].cues = with_cues.cues
        flagged += len(hot)
        rows = [
            ContentItem(
                platform=item.platform.lower()[:50],
                url=item.url[:2000],
                author=item.author[:200],
                published_at=_aware(item.published_at),
                text=item.text,
                text_hash=text_hash(item.text),
                label=pred.label,
                scores=pred.scores,
                cues=pred.cues,
                risk=risk,
                sender_kind=sender_kind(item.sender) if item.sender else None,
                uncertain=pred.uncertain,
                batch=batch,
                agency=agency,
                created_by=actor,
            )
            for item, pred, risk in zip(chunk, predictions, risks, strict=True)
        ]
        bulk_create_with_history(
            rows, ContentItem, batch_size=CLASSIFY_CHUNK, default_user=actor, default_change_reason="Nhập nội dung"
        )
    return len(fresh), flagged, duplicates


@transaction.atomic
def ingest_items(path_or_upload, *, actor) -> IngestBatch:
    """Read a CSV/JSONL export now (CLI), store its new items classified; bad and duplicate rows are kept as errors.

    A file that cannot be read at all raises :class:`ContentError` and stores nothing."""
    require_write(actor)
    with _local_file(path_or_upload) as (path, name):
        try:
            items, errors = parse_items(path)
        except InputError as exc:
            raise ContentError(str(exc)) from exc
        batch = IngestBatch(original_name=name[:255], agency=getattr(actor, "agency", None), created_by=actor)
        with path.open("rb") as handle:
            batch.file.save(name, File(handle), save=False)
    batch.status = BatchStatus.RUNNING
    set_history(batch, actor, "Nhập nội dung")
    batch.save()
    return _store_batch(batch, items, errors, actor)


@transaction.atomic
def queue_ingest(upload, *, actor) -> IngestBatch:
    """Keep an uploaded export and classify it on the Celery worker once this transaction commits (web upload)."""
    from canhgiac.content.tasks import run_content_ingest

    require_write(actor)
    name = Path(upload.name or "upload.csv").name
    batch = IngestBatch(
        original_name=name[:255],
        agency=getattr(actor, "agency", None),
        created_by=actor,
        status=BatchStatus.QUEUED,
    )
    batch.file.save(name, upload, save=False)
    set_history(batch, actor, "Nhận tệp nhập nội dung, chờ xử lý")
    batch.save()
    transaction.on_commit(lambda: run_content_ingest.delay(batch.pk))
    return batch


def run_ingest(batch_id: int) -> IngestBatch:
    """Worker side of :func:`queue_ingest`: parse the kept file, classify and store; an unreadable file fails the batch
    with its reason and stores nothing."""
    batch = IngestBatch.objects.select_related("created_by").get(pk=batch_id)
    if batch.status != BatchStatus.QUEUED:
        return batch  # already run (a redelivered message)
    actor = batch.created_by
    batch.status = BatchStatus.RUNNING
    batch.save(update_fields=["status", "last_updated"])
    try:
        with batch.file.open("rb") as handle, _local_file(_Upload(batch.original_name, handle)) as (path, _):
            items, errors = parse_items(path)
    except (InputError, OSError) as exc:
        batch.status, batch.finished = BatchStatus.FAILED, timezone.now()
        batch.errors = [{"row": 0, "field": "", "message": str(exc), "skipped": True}]
        set_history(batch, actor, "Không đọc được tệp")
        batch.save()
        return batch
    try:
        with transaction.atomic():
            return _store_batch(batch, items, errors, actor)
    except Exception as exc:  # nothing of the batch is stored; the batch says why, the worker logs the traceback
        IngestBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED,
            finished=timezone.now(),
            errors=[{"row": 0, "field": "", "message": f"Lỗi khi lưu: {exc}"[:500], "skipped": True}],
        )
        raise


class _Upload:
    """A stored file seen as an upload by :func:`_local_file`."""

    def __init__(self, name: str, handle):
        self.name, self._handle = name, handle

    def chunks(self, size: int = 1 << 20):
        while chunk := self._handle.read(size):
            yield chunk


def _store_batch(batch: IngestBatch, items: list[Item], errors: list[RowError], actor) -> IngestBatch:
    stored, flagged, duplicates = store_items(items, actor=actor, batch=batch)
    all_errors = sorted(errors + duplicates, key=lambda e: (e.row, not e.skipped))
    batch.total_rows = len(items) + len({e.row for e in errors if e.skipped})
    batch.stored_count = stored
    batch.flagged_count = flagged
    batch.duplicate_count = len(duplicates) + sum(e.message.startswith("trùng") for e in errors)
    batch.error_count = sum(e.skipped for e in all_errors) - batch.duplicate_count
    batch.errors = [vars(e) for e in all_errors]
    batch.status, batch.finished = BatchStatus.DONE, timezone.now()
    set_history(batch, actor, "Kết quả nhập")
    batch.save()
    return batch


def _locked(item: ContentItem, actor) -> ContentItem:
    item = lock_for_write(item, actor, "Bạn không có quyền với nội dung này.")
    if item.status == S.ESCALATED:
        raise ContentError(f"Nội dung đã được chuyển thành vụ việc {item.case}.")
    return item


REVIEW_FIELDS = ["status", "reviewed_label", "reviewer", "reviewed_at", "last_updated"]


@transaction.atomic
def review_item(item: ContentItem, *, actor, label: str) -> ContentItem:
    """Confirm the classifier's label (same ``label``) or correct it (another one)."""
    if label not in LABELS:
        raise ContentError(f"Nhãn “{label}” không hợp lệ.")
    item = _locked(item, actor)
    item.status = S.CONFIRMED if label == item.label else S.CORRECTED
    item.reviewed_label, item.reviewer, item.reviewed_at = label, actor, timezone.now()
    if item.status == S.CONFIRMED:
        reason = f"Xác nhận nhãn: {LABEL_NAMES_VI[label]}"
    else:
        reason = f"Sửa nhãn: {LABEL_NAMES_VI[item.label]} → {LABEL_NAMES_VI[label]}"
    set_history(item, actor, reason)
    item.save(update_fields=REVIEW_FIELDS)
    return item


@transaction.atomic
def dismiss_item(item: ContentItem, *, actor, reason: str = "") -> ContentItem:
    """Take the item out of the queue without action (its label is not used for retraining)."""
    item = _locked(item, actor)
    item.status, item.reviewer, item.reviewed_at = S.DISMISSED, actor, timezone.now()
    set_history(item, actor, f"Bỏ qua{': ' + reason.strip() if reason.strip() else ''}")
    item.save(update_fields=REVIEW_FIELDS)
    return item


def _evidence_text(item: ContentItem) -> bytes:
    lines = [
        f"Nền tảng: {item.platform or '—'}",
        f"Đường dẫn: {item.url or '—'}",
        f"Tài khoản đăng: {item.author or '—'}",
        f"Thời gian đăng: {timezone.localtime(item.published_at):%d/%m/%Y %H:%M}" if item.published_at else "",
        f"Phân loại: {LABEL_NAMES_VI[item.effective_label]} (mức rủi ro {item.risk:.0%})",
        "",
        item.text,
    ]
    return ("\n".join(line for line in lines if line is not None) + "\n").encode("utf-8")


@transaction.atomic
def escalate_item(item: ContentItem, *, actor):
    """Open a case from the item: category from its label, its author, phones and links as indicators,
    its text as evidence. Returns the case."""
    item = _locked(item, actor)
    label = item.effective_label
    if label not in CASE_CATEGORY_BY_LABEL:
        raise ContentError("Nội dung được phân loại “Bình thường”: hãy sửa nhãn trước khi chuyển thành vụ việc.")
    lead_agency = getattr(actor, "agency", None) or item.agency
    if lead_agency is None:
        raise ContentError("Tài khoản của bạn chưa gắn với cơ quan nào để chủ trì vụ việc.")
    indicators = [ind for ind in [author_indicator(item.platform, item.author)] if ind] + text_indicators(item.text)
    where = " ".join(x for x in (item.platform, item.author) if x)
    summary = " ".join(item.text.split())
    case = create_case(
        actor=actor,
        title=f"{LABEL_NAMES_VI[label]}: {where or summary[:60]}"[:200],
        category=CASE_CATEGORY_BY_LABEL[label],
        source="content",
        received_on=timezone.localdate(),
        lead_agency=lead_agency,
        description=f"Nội dung trên mạng ({item.url or 'không có đường dẫn'}):\n{summary[:2000]}",
        indicators=indicators,
    )
    attach_evidence(
        case,
        ContentFile(_evidence_text(item), name=f"noi-dung-{item.pk}.txt"),
        actor=actor,
        description="Nội dung bài đăng được chuyển từ phân loại nội dung",
    )
    item.status, item.case = S.ESCALATED, case
    item.reviewed_label = label
    item.reviewer, item.reviewed_at = actor, timezone.now()
    set_history(item, actor, f"Chuyển thành vụ việc {case.code}")
    item.save(update_fields=[*REVIEW_FIELDS, "case"])
    return case


def reviewer_labels() -> list[tuple[str, str]]:
    """(text, label) of every item a reviewer confirmed, corrected or escalated — for retraining."""
    reviewed = ContentItem.objects.filter(status__in=[S.CONFIRMED, S.CORRECTED, S.ESCALATED]).exclude(reviewed_label="")
    return list(reviewed.order_by("id").values_list("text", "reviewed_label"))
