from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from canhgiac.cases.choices import CASE_WORKFLOW, CaseCategoryChoices, CaseSourceChoices, CaseStatusChoices
from canhgiac.core.models import BaseModel, BaseQuerySet
from canhgiac.core.search import search_column


class CaseQuerySet(BaseQuerySet):
    def open(self):
        return self.exclude(status__in=[CaseStatusChoices.CLOSED, CaseStatusChoices.DISMISSED])


class Case(BaseModel):
    """A case (vụ việc): what happened, who leads it, where it stands, and the letters that drove it."""

    code = models.CharField("mã vụ việc", max_length=20, unique=True, editable=False)
    title = models.CharField("tiêu đề", max_length=300)
    description = models.TextField("nội dung", blank=True)
    category = models.CharField("lĩnh vực", max_length=30, choices=CaseCategoryChoices.choices, db_index=True)
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=CaseStatusChoices.choices,
        default=CaseStatusChoices.RECEIVED,
        editable=False,
        db_index=True,
    )
    source = models.CharField("nguồn tiếp nhận", max_length=20, choices=CaseSourceChoices.choices)
    received_on = models.DateField("ngày tiếp nhận", db_index=True)
    damage_vnd = models.BigIntegerField(
        "thiệt hại (đồng)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Thiệt hại không được âm.")],
    )
    lead_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan chủ trì", on_delete=models.PROTECT, related_name="led_cases"
    )
    locality = models.ForeignKey(
        "units.AdministrativeUnit",
        verbose_name="địa bàn (xã/phường)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        help_text="Xã, phường nơi xảy ra vụ việc (hoặc cả tỉnh). Cán bộ của cơ quan có địa bàn này xem được vụ việc.",
    )
    addressed_agencies = models.ManyToManyField(
        "core.Agency", verbose_name="cơ quan phối hợp / được đề nghị", blank=True, related_name="addressed_cases"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xử lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )
    indicators = models.ManyToManyField(
        "cases.Indicator", through="cases.CaseIndicator", verbose_name="dấu hiệu", blank=True, related_name="cases"
    )
    letters = models.ManyToManyField(
        "core.Document", verbose_name="văn bản liên quan", blank=True, related_name="cases"
    )
    reporter_name = models.CharField("họ tên người phản ánh", max_length=200, blank=True)
    reporter_phone = models.CharField("điện thoại người phản ánh", max_length=40, blank=True)
    reporter_address = models.CharField("địa chỉ người phản ánh", max_length=300, blank=True)
    search_text = search_column()

    objects = CaseQuerySet.as_manager()
    workflow = CASE_WORKFLOW
    # The change log also records which letters and agencies are linked (before → after).
    _history_m2m_fields = ["letters", "addressed_agencies"]

    # A commune officer sees the cases located in the commune of their agency (``Agency.unit``).
    agency_paths = ("lead_agency_id", "locality__agencies__id", "addressed_agencies__id")
    personal_fields = ("reporter_name", "reporter_phone", "reporter_address")
    search_source = ("code", "title")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "vụ việc"
        verbose_name_plural = "vụ việc"
        indexes = [
            models.Index(fields=["category", "-received_on", "-id"]),
            models.Index(fields=["category", "status", "-received_on", "-id"], name="case_cat_status_recv"),
            models.Index(fields=["status", "-received_on", "-id"]),
            models.Index(fields=["-received_on", "-id"]),
            # The dashboard's "my open cases, oldest first" and the "mine" filter: one user's rows, in order.
            models.Index(fields=["assignee", "received_on", "id"], name="case_assignee_recv"),
        ]
        constraints = [models.CheckConstraint(condition=models.Q(damage_vnd__gte=0), name="case_damage_not_negative")]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("cases:case", args=[self.pk])

    def allowed_transitions(self, user=None) -> list[str]:
        """Statuses this case may move to next (by ``user``'s role, when given), in workflow order."""
        targets = self.workflow.targets(self.status, user)
        return [s for s in CaseStatusChoices.values if s in targets]


class CaseEvent(models.Model):
    """One status transition of a case with its reason and the acting user (append-only)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField("từ trạng thái", max_length=20, choices=CaseStatusChoices.choices)
    to_status = models.CharField("sang trạng thái", max_length=20, choices=CaseStatusChoices.choices)
    reason = models.TextField("lý do")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT)
    letter = models.ForeignKey(
        "core.Document", verbose_name="văn bản", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "chuyển trạng thái"
        verbose_name_plural = "lịch sử trạng thái"

    def __str__(self) -> str:
        return f"{self.case.code}: {self.get_from_status_display()} → {self.get_to_status_display()}"
