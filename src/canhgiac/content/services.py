"""Every write to content items: ingest, review, dismiss, escalate to a case — one transaction, an explicit actor."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from canhgiac.cases.triage import EscalatingTriage
from canhgiac.content.choices import CASE_CATEGORY_BY_LABEL
from canhgiac.content.choices import ContentItemStatusChoices as S
from canhgiac.content.datasets import LABEL_NAMES_VI, LABELS
from canhgiac.content.extract import author_indicator, text_indicators
from canhgiac.content.ingest import Item
from canhgiac.content.model import Prediction, get_classifier
from canhgiac.content.models import ContentItem, review_threshold, text_hash
from canhgiac.content.signals import sender_kind
from canhgiac.core.imports.runner import import_now, queue_import
from canhgiac.core.services import ServiceError, require_write, set_history

CLASSIFY_CHUNK = 500
LOOKUP_CHUNK = 500


class ContentError(ServiceError):
    """The content operation cannot be done (unreadable file, wrong state, unknown label)."""


def risk_of(scores: dict[str, float]) -> float:
    """The highest score of a class other than ``normal``."""
    return max((v for k, v in scores.items() if k != "normal"), default=0.0)


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


def split_known(items: list[Item]) -> tuple[list[Item], list[tuple[Item, str]]]:
    """``items`` not stored yet (no item with the same URL, or the same text when there is no URL), and the
    others with the reason."""
    known_urls, known_hashes = _existing(items)
    fresh, known = [], []
    for item in items:
        if (item.url and item.url in known_urls) or (not item.url and text_hash(item.text) in known_hashes):
            known.append((item, f"đã có trong hệ thống (trùng {'URL' if item.url else 'văn bản'})"))
        else:
            fresh.append(item)
    return fresh, known


def classify_items(items: list[Item]) -> list[tuple[Item, Prediction, float, bool]]:
    """(item, prediction, risk, for the review queue) for each item — CPU only, no database write.

    Cues (the slow part) are computed only for items at or above the review threshold or in a class's uncertain
    band; the sender (SMS) is one of the classifier's signals."""
    model, threshold = get_classifier(), review_threshold()
    result: list[tuple[Item, Prediction, float, bool]] = []
    for start in range(0, len(items), CLASSIFY_CHUNK):
        chunk = items[start : start + CLASSIFY_CHUNK]
        senders = [i.sender or None for i in chunk]
        predictions = model.classify([i.text for i in chunk], cues=False, senders=senders)
        risks = [risk_of(p.scores) for p in predictions]
        hot = [j for j, risk in enumerate(risks) if risk >= threshold or predictions[j].uncertain]
        if hot:
            hot_preds = model.classify([chunk[j].text for j in hot], cues=True, senders=[senders[j] for j in hot])
            for j, with_cues in zip(hot, hot_preds, strict=True):
                predictions[j].cues = with_cues.cues
        result += [
            (item, p, r, r >= threshold or p.uncertain) for item, p, r in zip(chunk, predictions, risks, strict=True)
        ]
    return result


def save_classified(classified, *, actor, batch=None, agency=None) -> list[ContentItem]:
    """Store classified items (from :func:`classify_items`) with their change-log rows; the caller holds the
    transaction."""
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
        for item, pred, risk, _ in classified
    ]
    return bulk_create_with_history(
        rows, ContentItem, batch_size=CLASSIFY_CHUNK, default_user=actor, default_change_reason="Nhập nội dung"
    )


@transaction.atomic
def store_items(items: Iterable[Item], *, actor) -> tuple[int, int, list[str]]:
    """Classify and store ``items`` not already stored (demo data). Returns (stored, flagged, duplicate reasons)."""
    require_write(actor)
    fresh, known = split_known(list(items))
    classified = classify_items(fresh)
    save_classified(classified, actor=actor, agency=getattr(actor, "agency", None))
    return len(fresh), sum(1 for c in classified if c[3]), [message for _, message in known]


def ingest_items(source, *, actor):
    """Import a CSV/JSONL export now (command line) as a content import job; returns the finished job."""
    return import_now("content", source, actor=actor)


def queue_ingest(upload, *, actor):
    """Keep an uploaded export and classify it on the Celery worker (web upload); returns the queued job."""
    return queue_import("content", upload, actor=actor)


REVIEW_FIELDS = ["status", "reviewed_label", "reviewer", "reviewed_at", "triaged_by", "triaged_at", "last_updated"]


@transaction.atomic
def review_item(item: ContentItem, *, actor, label: str) -> ContentItem:
    """Confirm the classifier's label (same ``label``) or correct it (another one): the item is confirmed either way,
    with the reviewer's label kept beside the classifier's."""
    if label not in LABELS:
        raise ContentError(f"Nhãn “{label}” không hợp lệ.")
    item = items.lock(item, actor)
    now = timezone.now()
    item.status, item.triaged_by, item.triaged_at = S.CONFIRMED, actor, now
    item.reviewed_label, item.reviewer, item.reviewed_at = label, actor, now
    if label == item.label:
        reason = f"Xác nhận nhãn: {LABEL_NAMES_VI[label]}"
    else:
        reason = f"Sửa nhãn: {LABEL_NAMES_VI[item.label]} → {LABEL_NAMES_VI[label]}"
    set_history(item, actor, reason)
    item.save(update_fields=REVIEW_FIELDS)
    return item


def dismiss_item(item: ContentItem, *, actor, reason: str) -> ContentItem:
    """Take the item out of the queue without action, with the reason (its label is not used for retraining)."""
    return items.dismiss(item, actor=actor, reason=reason)


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


class ContentTriage(EscalatingTriage):
    model = ContentItem
    denied = "Bạn không có quyền với nội dung này."
    item_name = "nội dung"

    def escalate(self, items, *, actor, case=None):
        if any(item.effective_label not in CASE_CATEGORY_BY_LABEL for item in items):
            raise ContentError("Nội dung được phân loại “Bình thường”: hãy sửa nhãn trước khi chuyển thành vụ việc.")
        return super().escalate(items, actor=actor, case=case)

    def indicators(self, item):
        author = author_indicator(item.platform, item.author)
        return [ind for ind in [author] if ind] + text_indicators(item.text)

    def case_data(self, items, actor):
        first = items[0]
        label = first.effective_label
        lead_agency = getattr(actor, "agency", None) or first.agency
        if lead_agency is None:
            raise ContentError("Tài khoản của bạn chưa gắn với cơ quan nào để chủ trì vụ việc.")
        where = " ".join(x for x in (first.platform, first.author) if x)
        summaries = [
            f"Nội dung trên mạng ({i.url or 'không có đường dẫn'}):\n{' '.join(i.text.split())[:2000]}" for i in items
        ]
        return {
            "title": f"{LABEL_NAMES_VI[label]}: {where or ' '.join(first.text.split())[:60]}"[:200],
            "category": CASE_CATEGORY_BY_LABEL[label],
            "source": "content",
            "received_on": timezone.localdate(),
            "lead_agency": lead_agency,
            "description": "\n\n".join(summaries),
        }

    def evidence(self, item):
        return f"noi-dung-{item.pk}.txt", _evidence_text(item), "Nội dung bài đăng được chuyển từ phân loại nội dung"

    def after(self, item, actor, step):
        if step == "escalate" and not item.reviewed_label:
            # The label the case was opened under becomes the reviewed one; the reviewer's name stays as it was.
            item.reviewed_label = item.label
            item.save(update_fields=["reviewed_label"])


items = ContentTriage()


def escalate_item(item: ContentItem, *, actor, case=None):
    """Open a case from the item (category from its label; author, phones and links as indicators; text as
    evidence), or add it to ``case``. Returns the case."""
    return items.escalate([item], actor=actor, case=case)


def reviewer_labels() -> list[tuple[str, str]]:
    """(text, label) of every item a reviewer confirmed (or corrected) or escalated — for retraining."""
    reviewed = ContentItem.objects.filter(status__in=[S.CONFIRMED, S.ESCALATED]).exclude(reviewed_label="")
    return list(reviewed.order_by("id").values_list("text", "reviewed_label"))
