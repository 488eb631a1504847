"""Stored content items (posts, comments, SMS, articles) awaiting triage; each knows the import job it came in."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from canhgiac.content.choices import ContentLabelChoices, SenderKindChoices
from canhgiac.core.triage import TriageItem


def text_hash(text: str) -> str:
    """SHA-256 of the text lower-cased with whitespace collapsed — the same key ``parse_items`` dedupes on."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def review_threshold() -> float:
    """Risk from which an item enters the review queue (``CONTENT_REVIEW_THRESHOLD``, default 0.5)."""
    return float(getattr(settings, "CONTENT_REVIEW_THRESHOLD", 0.5))


# How the sources' own codes for a platform read on screen (a code not listed is shown as written).
PLATFORM_NAMES = {
    "baochi": "Báo chí",
    "bao_chi": "Báo chí",
    "news": "Báo chí",
    "facebook": "Facebook",
    "fb": "Facebook",
    "zalo": "Zalo",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "telegram": "Telegram",
    "sms": "Tin nhắn SMS",
    "web": "Trang web",
    "forum": "Diễn đàn",
}


def platform_name(code: str) -> str:
    """The platform as users name it: "baochi" → "Báo chí", "sms" → "Tin nhắn SMS"."""
    return PLATFORM_NAMES.get((code or "").strip().lower(), code)


def _scores_text(scores) -> str:
    names = dict(ContentLabelChoices.choices)
    ranked = sorted((scores or {}).items(), key=lambda item: -item[1])
    return "; ".join(f"{names.get(key, key)} {value:.0%}" for key, value in ranked)


class ContentItem(TriageItem):
    """A post, comment, SMS or article with the classifier's verdict and the reviewer's decision."""

    platform = models.CharField("nền tảng", max_length=50, blank=True, db_index=True)
    url = models.CharField("đường dẫn", max_length=2000, blank=True, db_index=True)
    author = models.CharField("tài khoản đăng", max_length=200, blank=True)
    published_at = models.DateTimeField("thời gian đăng", null=True, blank=True, db_index=True)
    text = models.TextField("nội dung")
    text_hash = models.CharField("mã băm nội dung", max_length=64, db_index=True)
    label = models.CharField("phân loại tự động", max_length=20, choices=ContentLabelChoices.choices, db_index=True)
    scores = models.JSONField("điểm theo lớp", default=dict, blank=True)
    cues = models.JSONField("dấu hiệu nhận biết", default=list, blank=True)
    risk = models.FloatField("mức rủi ro", default=0.0, db_index=True)
    # the sender's kind when the export names the sender (SMS); a signal of the classifier (content/signals.py)
    sender_kind = models.CharField(
        "loại người gửi", max_length=10, choices=SenderKindChoices.choices, null=True, blank=True
    )
    # the label's score is in the class's uncertain band: the review queue shows these apart
    uncertain = models.BooleanField("chưa chắc chắn", default=False, db_index=True)
    reviewed_label = models.CharField(
        "nhãn của người duyệt", max_length=20, choices=ContentLabelChoices.choices, blank=True
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="vụ việc",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="content_items",
    )
    batch = models.ForeignKey(
        "core.ImportJob",
        verbose_name="lượt nhập",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="content_items",
    )
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["-risk", "-id"]
        verbose_name = "nội dung"
        verbose_name_plural = "nội dung"
        indexes = [models.Index(fields=["status", "-risk"], name="content_queue_idx")]

    def __str__(self) -> str:
        head = " ".join(self.text.split())[:60]
        return f"#{self.pk} {head}"

    def get_absolute_url(self) -> str:
        return reverse("content:item", args=[self.pk])

    @property
    def effective_label(self) -> str:
        """The reviewer's label when there is one, else the classifier's."""
        return self.reviewed_label or self.label

    history_formats = {"scores": _scores_text, "platform": platform_name}

    @property
    def platform_name(self) -> str:
        return platform_name(self.platform)

    @property
    def label_scores(self) -> list[tuple[str, str, float]]:
        """(code, Vietnamese name, score) for every class, highest first."""
        names = dict(ContentLabelChoices.choices)
        return sorted(((k, names.get(k, k), v) for k, v in self.scores.items()), key=lambda t: -t[2])
