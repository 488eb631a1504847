from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from canhgiac.core.models import BaseModel
from canhgiac.secops.choices import (
    INCIDENT_WORKFLOW,
    AlertCategoryChoices,
    IncidentKindChoices,
    IncidentSourceChoices,
    IncidentStatusChoices,
    SeverityChoices,
    WarningKindChoices,
)

COUNT_ERROR = "Số kết nối không được âm."


class AgencyNetwork(BaseModel):
    """Which agency (and information system) an address range or a host name belongs to: how SOC alerts are
    attributed. Kept by the staff; the most specific match wins (a host name, then the longest network prefix)."""

    agency = models.ForeignKey("core.Agency", verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+")
    system = models.ForeignKey(
        "posture.InformationSystem",
        verbose_name="hệ thống thông tin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks",
    )
    network = models.CharField(
        "dải địa chỉ IP", max_length=50, blank=True, help_text="Ví dụ 10.20.0.0/16 hoặc 1.2.3.4."
    )
    hostname = models.CharField(
        "tên máy / cảm biến",
        max_length=253,
        blank=True,
        help_text="Tên đầy đủ, hoặc bắt đầu bằng dấu chấm để khớp mọi tên kết thúc như vậy (.soyte.gov.vn).",
    )
    is_active = models.BooleanField("đang dùng", default=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    visible_to_all = False
    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["agency__name", "network", "hostname"]
        verbose_name = "ánh xạ địa chỉ – cơ quan"
        verbose_name_plural = "ánh xạ địa chỉ – cơ quan"

    def __str__(self) -> str:
        return f"{self.network or self.hostname} → {self.agency}"

    def get_absolute_url(self) -> str:
        return reverse("secops:agencynetwork", args=[self.pk])


class Alert(BaseModel):
    """One de-duplicated SOC alert ("trường hợp"): one signature between one source and one destination on one day,
    with the number of connections ("kết nối") seen."""

    day = models.DateField("ngày", db_index=True)
    first_seen = models.DateTimeField("lần đầu", null=True, blank=True)
    last_seen = models.DateTimeField("lần cuối", null=True, blank=True)
    signature = models.CharField("cảnh báo", max_length=500)
    signature_id = models.BigIntegerField("mã luật", null=True, blank=True)
    category_text = models.CharField("phân loại gốc", max_length=200, blank=True)
    severity = models.PositiveSmallIntegerField("mức độ", null=True, blank=True)
    category = models.CharField("loại", max_length=20, choices=AlertCategoryChoices.choices, db_index=True)
    malware_family = models.CharField("họ mã độc", max_length=60, blank=True, db_index=True)
    src_ip = models.GenericIPAddressField("IP nguồn")
    src_port = models.PositiveIntegerField("cổng nguồn", null=True, blank=True)
    dest_ip = models.GenericIPAddressField("IP đích")
    dest_port = models.PositiveIntegerField("cổng đích", null=True, blank=True)
    proto = models.CharField("giao thức", max_length=20, blank=True)
    hostname = models.CharField("tên máy / cảm biến", max_length=253, blank=True)
    indicator = models.CharField("tên miền / URL", max_length=500, blank=True)
    connections = models.PositiveIntegerField("số kết nối", default=1, validators=[MinValueValidator(0, COUNT_ERROR)])
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    system = models.ForeignKey(
        "posture.InformationSystem",
        verbose_name="hệ thống thông tin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="alerts",
    )
    source_system = models.CharField("nguồn giám sát", max_length=100, blank=True)
    note = models.TextField("ghi chú", blank=True)
    key = models.CharField("khoá chống trùng", max_length=64, unique=True, editable=False)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = "cảnh báo SOC"
        verbose_name_plural = "cảnh báo SOC"
        indexes = [models.Index(fields=["category", "day"])]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.signature} ({self.src_ip} → {self.dest_ip})"

    def get_absolute_url(self) -> str:
        return reverse("secops:alert", args=[self.pk])


class AlertSighting(models.Model):
    """One imported event or export row already counted in an alert's connections: importing it again adds nothing."""

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="sightings")
    fingerprint = models.CharField(max_length=64, unique=True)
    connections = models.PositiveIntegerField(default=1)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lượt ghi nhận cảnh báo"

    def __str__(self) -> str:
        return self.fingerprint


class Incident(BaseModel):
    """A security incident (sự cố an toàn thông tin) handled by the provincial incident-response team."""

    title = models.CharField("tiêu đề", max_length=300)
    kind = models.CharField("loại sự cố", max_length=20, choices=IncidentKindChoices.choices, db_index=True)
    severity = models.CharField(
        "mức độ", max_length=10, choices=SeverityChoices.choices, default=SeverityChoices.MEDIUM
    )
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan bị ảnh hưởng", on_delete=models.PROTECT, related_name="+"
    )
    system = models.ForeignKey(
        "posture.InformationSystem",
        verbose_name="hệ thống thông tin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
    )
    source = models.CharField("nguồn phát hiện", max_length=20, choices=IncidentSourceChoices.choices)
    alert = models.ForeignKey(
        Alert, verbose_name="cảnh báo SOC", on_delete=models.PROTECT, null=True, blank=True, related_name="incidents"
    )
    detected_at = models.DateTimeField("phát hiện lúc", db_index=True)
    responders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="người xử lý", blank=True, related_name="+"
    )
    description = models.TextField("mô tả", blank=True)
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=IncidentStatusChoices.choices,
        default=IncidentStatusChoices.OPEN,
        editable=False,
        db_index=True,
    )
    resolved_at = models.DateTimeField("khắc phục xong lúc", null=True, blank=True, editable=False, db_index=True)
    outcome = models.TextField("kết quả xử lý", blank=True, editable=False)

    workflow = INCIDENT_WORKFLOW
    agency_paths = ("agency_id",)
    _history_m2m_fields = ["responders"]

    class Meta:
        ordering = ["-detected_at", "-id"]
        verbose_name = "sự cố an toàn thông tin"
        verbose_name_plural = "sự cố an toàn thông tin"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("secops:incident", args=[self.pk])

    def allowed_transitions(self, user=None) -> list[str]:
        return self.workflow.targets(self.status, user)


class IncidentEntry(models.Model):
    """One dated entry of an incident's timeline: a step of the response, or a status change (the workflow's)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="entries")
    at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    text = models.CharField("diễn biến", max_length=1000, blank=True)
    from_status = models.CharField("từ trạng thái", max_length=20, choices=IncidentStatusChoices.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20, choices=IncidentStatusChoices.choices, blank=True)
    reason = models.TextField("lý do", blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người ghi", on_delete=models.PROTECT)
    letter = models.ForeignKey(
        "core.Document", verbose_name="văn bản", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField("ghi lúc", auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "diễn biến sự cố"
        verbose_name_plural = "diễn biến sự cố"

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.text or self.get_to_status_display()}"


class SecurityWarning(BaseModel):
    """A warning (cảnh báo) or vulnerability bulletin sent to agencies, optionally by an outgoing letter."""

    sent_on = models.DateField("ngày gửi", db_index=True)
    kind = models.CharField(
        "loại", max_length=20, choices=WarningKindChoices.choices, default=WarningKindChoices.WARNING
    )
    title = models.CharField("tiêu đề", max_length=300)
    content = models.TextField("nội dung")
    agencies = models.ManyToManyField("core.Agency", verbose_name="cơ quan nhận", related_name="+")
    letter = models.ForeignKey(
        "core.Document", verbose_name="văn bản gửi", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    incident = models.ForeignKey(
        Incident,
        verbose_name="sự cố liên quan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="warnings",
    )

    agency_paths = ("agencies__id",)
    _history_m2m_fields = ["agencies"]

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = "cảnh báo gửi cơ quan"
        verbose_name_plural = "cảnh báo gửi cơ quan"

    def __str__(self) -> str:
        return f"{self.sent_on:%d/%m/%Y} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("secops:securitywarning", args=[self.pk])
