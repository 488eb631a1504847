"""Monitored websites, their scan runs, the pages each run fetched and the findings kept across runs."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from canhgiac.core.models import BaseModel
from canhgiac.core.triage import TriageItem
from canhgiac.webwatch import labels
from canhgiac.webwatch.choices import (
    FindingSeverityChoices,
    ScanRunStatusChoices,
    SiteStatusChoices,
)


class Site(BaseModel):
    """A website an agency runs (cổng thông tin, trang của Sở, xã, phường, trường học) that is scanned on a schedule."""

    url = models.URLField("địa chỉ trang web", max_length=500, unique=True)
    name = models.CharField("tên trang web", max_length=200)
    owner_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan chủ quản", on_delete=models.PROTECT, related_name="websites"
    )
    contact_name = models.CharField("người phụ trách", max_length=200, blank=True)
    contact_phone = models.CharField("điện thoại người phụ trách", max_length=40, blank=True)
    contact_email = models.EmailField("thư điện tử người phụ trách", blank=True)
    active = models.BooleanField("đang giám sát", default=True)
    interval_hours = models.PositiveIntegerField(
        "chu kỳ quét (giờ)", default=24, help_text="Mặc định 24 giờ (quét hằng đêm)."
    )
    next_scan_at = models.DateTimeField("lần quét tiếp theo", null=True, blank=True, db_index=True)
    last_scan_at = models.DateTimeField("lần quét gần nhất", null=True, blank=True, editable=False)
    last_status = models.CharField(
        "kết quả quét gần nhất",
        max_length=20,
        choices=SiteStatusChoices.choices,
        default=SiteStatusChoices.NEW,
        editable=False,
        db_index=True,
    )
    baseline = models.JSONField("mốc so sánh (lần quét sạch gần nhất)", default=dict, blank=True, editable=False)

    agency_paths = ("owner_agency_id",)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "trang web giám sát"
        verbose_name_plural = "trang web giám sát"
        constraints = [models.CheckConstraint(condition=models.Q(interval_hours__gte=1), name="site_interval_positive")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("webwatch:site", args=[self.pk])

    def clean(self):
        """Only http(s) addresses with a host name can be scanned."""
        parts = urlsplit(self.url or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError({"url": "Địa chỉ phải bắt đầu bằng http:// hoặc https:// và có tên miền."})


class ScanRun(BaseModel):
    """One scan of a site: when, what came out, and the errors met (hostile pages are errors, never crashes)."""

    site = models.ForeignKey(Site, verbose_name="trang web", on_delete=models.PROTECT, related_name="runs")
    started_at = models.DateTimeField("bắt đầu")
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)
    status = models.CharField("kết quả", max_length=20, choices=ScanRunStatusChoices.choices, db_index=True)
    page_count = models.PositiveIntegerField("số trang", default=0)
    finding_count = models.PositiveIntegerField("số dấu hiệu", default=0)
    errors = models.JSONField("lỗi", default=list, blank=True)
    stats = models.JSONField("thống kê", default=dict, blank=True)

    agency_paths = ("site__owner_agency_id",)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "lần quét"
        verbose_name_plural = "lần quét"
        indexes = [models.Index(fields=["site", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.site} — {self.started_at:%d/%m/%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("webwatch:run", args=[self.pk])


class PageSnapshot(BaseModel):
    """A page as one run fetched it: the SHA-256 of the body each visitor identity received."""

    run = models.ForeignKey(ScanRun, verbose_name="lần quét", on_delete=models.PROTECT, related_name="pages")
    url = models.URLField("địa chỉ trang", max_length=2000)
    title = models.CharField("tiêu đề", max_length=500, blank=True)
    fetched_at = models.DateTimeField("tải lúc")
    sha256 = models.JSONField("SHA-256 theo loại khách", default=dict)
    views = models.JSONField("phản hồi theo loại khách", default=list)
    errors = models.JSONField("lỗi", default=list, blank=True)

    agency_paths = ("run__site__owner_agency_id",)

    class Meta:
        ordering = ["run", "id"]
        verbose_name = "trang đã tải"
        verbose_name_plural = "trang đã tải"

    def __str__(self) -> str:
        return self.url


class Finding(TriageItem):
    """A sign of compromise on a site, kept across scans by its stable ``key`` until it is fixed or escalated."""

    site = models.ForeignKey(Site, verbose_name="trang web", on_delete=models.PROTECT, related_name="findings")
    key = models.CharField("mã nhận dạng", max_length=64, editable=False)
    url = models.URLField("địa chỉ trang", max_length=2000, blank=True)
    check_name = models.CharField("kiểm tra", max_length=50, db_index=True)
    severity = models.CharField("mức độ", max_length=10, choices=FindingSeverityChoices.choices, db_index=True)
    why = models.TextField("lý do")
    evidence = models.TextField("bằng chứng (trích đoạn)", blank=True)
    links = models.JSONField("liên kết", default=list, blank=True)
    domains = models.JSONField("tên miền", default=list, blank=True)
    identities = models.JSONField("loại khách thấy", default=list, blank=True)
    site_level = models.BooleanField("dấu hiệu của cả trang web", default=False, editable=False)
    first_seen_run = models.ForeignKey(
        ScanRun, verbose_name="phát hiện lần đầu", on_delete=models.PROTECT, related_name="+"
    )
    last_seen_run = models.ForeignKey(ScanRun, verbose_name="thấy lần cuối", on_delete=models.PROTECT, related_name="+")
    fixed_at = models.DateTimeField("khắc phục lúc", null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="vụ việc",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="webwatch_findings",
    )

    agency_paths = ("site__owner_agency_id",)

    class Meta:
        ordering = ["-id"]
        verbose_name = "dấu hiệu trên website"
        verbose_name_plural = "dấu hiệu trên website"
        constraints = [models.UniqueConstraint(fields=["site", "key"], name="webwatch_finding_site_key")]

    def __str__(self) -> str:
        return f"{self.site}: {self.check_label} ({self.get_severity_display()})"

    history_formats = {"check_name": labels.check_label, "identities": labels.identities_text}

    @property
    def check_label(self) -> str:
        return labels.check_label(self.check_name)

    @property
    def identities_text(self) -> str:
        return labels.identities_text(self.identities)

    def get_absolute_url(self) -> str:
        return reverse("webwatch:finding", args=[self.pk])
