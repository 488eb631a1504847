from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from canhgiac.core.models import BaseModel
from canhgiac.posture.choices import AdminLevelChoices, DossierStatusChoices, EndpointKindChoices
from canhgiac.posture.legal import basis_by_key

LEVEL_ERROR = "Cấp độ an toàn hệ thống thông tin phải là một số từ 1 đến 5."


class InformationSystem(BaseModel):
    """An information system of a state body and the approval of its security-level dossier (hồ sơ đề xuất cấp độ)."""

    code = models.CharField("mã hệ thống", max_length=40, unique=True, help_text="Ví dụ HTTT-STTTT-01.")
    name = models.CharField("tên hệ thống", max_length=300)
    owner_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan chủ quản", on_delete=models.PROTECT, related_name="information_systems"
    )
    owner_level = models.CharField("cấp của chủ quản", max_length=20, choices=AdminLevelChoices.choices)
    listed_on = models.DateField("ngày đưa vào danh mục", default=timezone.localdate, db_index=True)
    security_level = models.PositiveSmallIntegerField(
        "cấp độ an toàn",
        validators=[MinValueValidator(1, LEVEL_ERROR), MaxValueValidator(5, LEVEL_ERROR)],
        help_text="1–5 theo Luật 86/2015 và Nghị định 85/2016; từ 01/07/2026 Luật 116/2025 và Nghị định 331/2026.",
    )
    dossier_status = models.CharField(
        "tình trạng hồ sơ cấp độ",
        max_length=20,
        choices=DossierStatusChoices.choices,
        default=DossierStatusChoices.NOT_SUBMITTED,
        db_index=True,
    )
    approving_level = models.CharField(
        "cấp phê duyệt", max_length=20, choices=AdminLevelChoices.choices, blank=True, db_index=True
    )
    approved_on = models.DateField("ngày phê duyệt", null=True, blank=True, db_index=True)
    decision_number = models.CharField("số quyết định phê duyệt", max_length=60, blank=True)
    decision = models.ForeignKey(
        "core.Document",
        verbose_name="văn bản quyết định",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_information_systems",
    )
    legal_basis = models.CharField("căn cứ pháp lý", max_length=40, blank=True, editable=False, db_index=True)
    protection_deployed = models.BooleanField("đã triển khai đầy đủ phương án bảo đảm an toàn", default=False)
    protection_deployed_on = models.DateField("ngày triển khai xong phương án", null=True, blank=True, db_index=True)
    note = models.TextField("ghi chú", blank=True)

    agency_paths = ("owner_agency_id",)

    class Meta:
        ordering = ["code"]
        verbose_name = "hệ thống thông tin"
        verbose_name_plural = "hệ thống thông tin"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(security_level__gte=1, security_level__lte=5), name="system_level_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("posture:informationsystem", args=[self.pk])

    @property
    def basis(self):
        """The legal text the dossier falls under (its citation, whether it is verified, who approves the level)."""
        return basis_by_key(self.legal_basis)

    @property
    def approval_rule(self) -> dict | None:
        return self.basis.approval(self.security_level) if self.basis else None


class Endpoint(BaseModel):
    """A computer of an agency, with or without the centrally managed anti-malware agent."""

    host_id = models.CharField("mã máy", max_length=120, help_text="Tên máy hoặc mã máy trên máy chủ quản trị.")
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan", on_delete=models.PROTECT, related_name="endpoints"
    )
    kind = models.CharField("loại máy", max_length=20, choices=EndpointKindChoices.choices, db_index=True)
    listed_on = models.DateField("ngày ghi nhận", default=timezone.localdate, db_index=True)
    protected = models.BooleanField("đã cài phần mềm phòng chống mã độc tập trung", default=False, db_index=True)
    installed_on = models.DateField("ngày cài đặt", null=True, blank=True, db_index=True)
    last_seen = models.DateField("lần cuối kết nối", null=True, blank=True)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["agency__name", "host_id"]
        verbose_name = "máy tính"
        verbose_name_plural = "máy tính (phòng chống mã độc)"
        constraints = [models.UniqueConstraint(fields=["agency", "host_id"], name="endpoint_agency_host")]

    def __str__(self) -> str:
        return self.host_id

    def get_absolute_url(self) -> str:
        return reverse("posture:endpoint", args=[self.pk])
