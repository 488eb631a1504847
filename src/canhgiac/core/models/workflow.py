"""Workflow events, legal deadline rules, the holiday calendar, deadlines on any record, and notifications."""

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from .base import BaseModel, BaseQuerySet


class Event(models.Model):
    """One thing that happened to a record (a status change, a deadline set or met), for its timeline; append-only.

    Models whose workflow keeps its own event table (cases keep ``CaseEvent``) store their status changes there;
    every other record's status changes, and the deadline events of every record, are stored here.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    text = models.CharField("sự kiện", max_length=300)
    from_status = models.CharField("từ trạng thái", max_length=30, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=30, blank=True)
    reason = models.TextField("lý do", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT, null=True, blank=True
    )
    letter = models.ForeignKey(
        "core.Document", verbose_name="văn bản", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = "sự kiện"
        verbose_name_plural = "dòng sự kiện"

    def __str__(self) -> str:
        return self.text


class ReferenceQuerySet(BaseQuerySet):
    def visible_to(self, user):
        """Reference data (calendar, legal rules): every signed-in user may read it."""
        return self if user is not None and user.is_authenticated else self.none()


class HolidayKindChoices(models.TextChoices):
    DAY_OFF = "off", "Ngày nghỉ"
    WORKDAY = "work", "Ngày làm việc bù"


class Holiday(BaseModel):
    """A day that breaks the Monday–Friday week: a public holiday or day off, or a weekend day worked in exchange."""

    date = models.DateField("ngày", unique=True)
    name = models.CharField("tên ngày", max_length=200)
    kind = models.CharField(
        "loại", max_length=4, choices=HolidayKindChoices.choices, default=HolidayKindChoices.DAY_OFF
    )
    source = models.CharField(
        "nguồn", max_length=100, blank=True, help_text="Ví dụ: gói holidays, quyết định của UBND."
    )

    objects: ClassVar = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        verbose_name = "ngày nghỉ / làm bù"
        verbose_name_plural = "lịch ngày nghỉ"

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("core:holiday_edit", args=[self.pk])


class DeadlineRule(BaseModel):
    """A legal (or internal) time limit as data: how many days, counted how, under which text, effective when."""

    key = models.SlugField("mã quy tắc", max_length=60)
    label = models.CharField("tên thời hạn", max_length=300)
    citation = models.CharField("căn cứ pháp lý", max_length=300)
    days = models.PositiveSmallIntegerField("số ngày")
    working_days = models.BooleanField("tính theo ngày làm việc", default=False)
    effective_from = models.DateField("áp dụng từ ngày")
    effective_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    remind_days_before = models.PositiveSmallIntegerField("nhắc trước (ngày)", default=2)
    unverified = models.BooleanField(
        "chưa đối chiếu văn bản gốc", default=True, help_text="Cần kiểm tra lại trên văn bản chính thức trước khi dùng."
    )
    note = models.TextField("ghi chú", blank=True)

    objects: ClassVar = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["key", "effective_from"]
        verbose_name = "quy tắc thời hạn"
        verbose_name_plural = "quy tắc thời hạn"
        constraints = [models.UniqueConstraint(fields=["key", "effective_from"], name="deadline_rule_key_from")]

    def __str__(self) -> str:
        unit = "ngày làm việc" if self.working_days else "ngày"
        return f"{self.label} ({self.days} {unit}; {self.citation})"


class DeadlineStatusChoices(models.TextChoices):
    OPEN = "open", "Đang theo dõi"
    MET = "met", "Đã hoàn thành"
    CANCELLED = "cancelled", "Huỷ theo dõi"


class DeadlineQuerySet(BaseQuerySet):
    def visible_to(self, user):
        """Deadlines of the records this user may see (each record's own scope rules)."""
        if user is None or not user.is_authenticated:
            return self.none()
        query = models.Q(pk__in=[])
        for type_id in self.order_by().values_list("content_type_id", flat=True).distinct():
            model = ContentType.objects.get_for_id(type_id).model_class()
            if model is None:
                continue
            visible = model.objects.visible_to(user).values("pk")
            query |= models.Q(content_type_id=type_id, object_id__in=visible)
        return self.filter(query)

    def open(self):
        return self.filter(status=DeadlineStatusChoices.OPEN)


class Deadline(BaseModel):
    """A due date on any record, computed from a rule (or given by hand), with its reminders."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    rule = models.ForeignKey(
        DeadlineRule, verbose_name="quy tắc", on_delete=models.PROTECT, null=True, blank=True, related_name="deadlines"
    )
    label = models.CharField("nội dung thời hạn", max_length=300)
    start_date = models.DateField("tính từ ngày")
    due_date = models.DateField("hạn", db_index=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người chịu trách nhiệm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deadlines",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=DeadlineStatusChoices.choices, default=DeadlineStatusChoices.OPEN
    )
    closed_at = models.DateTimeField("hoàn thành lúc", null=True, blank=True)
    reminded_before_at = models.DateTimeField("đã nhắc trước hạn lúc", null=True, blank=True, editable=False)
    reminded_overdue_at = models.DateTimeField("đã nhắc quá hạn lúc", null=True, blank=True, editable=False)

    objects: ClassVar = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"]), models.Index(fields=["status", "due_date"])]
        verbose_name = "thời hạn"
        verbose_name_plural = "thời hạn"

    def __str__(self) -> str:
        return f"{self.label} — hạn {self.due_date:%d/%m/%Y}"

    @property
    def is_overdue(self) -> bool:
        from django.utils import timezone

        return self.status == DeadlineStatusChoices.OPEN and self.due_date < timezone.localdate()


class Notification(models.Model):
    """A message to one user, shown under the bell; also e-mailed when the user's preference says so."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.PROTECT, related_name="notifications"
    )
    verb = models.CharField("loại thông báo", max_length=40)
    text = models.CharField("nội dung", max_length=500)
    url = models.CharField("đường dẫn", max_length=300, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created = models.DateTimeField("lúc", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)
    emailed_at = models.DateTimeField("đã gửi thư lúc", null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"

    def __str__(self) -> str:
        return self.text


class NotificationPreference(models.Model):
    """How one user wants one kind of notification: in the application only, or also by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    verb = models.CharField("loại thông báo", max_length=40)
    email = models.BooleanField("gửi cả thư điện tử", default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "verb"], name="notification_pref_user_verb")]
        verbose_name = "tuỳ chọn thông báo"
        verbose_name_plural = "tuỳ chọn thông báo"

    def __str__(self) -> str:
        return f"{self.user}: {self.verb} ({'thư' if self.email else 'ứng dụng'})"
