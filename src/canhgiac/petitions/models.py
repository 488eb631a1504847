"""Petitions (đơn thư: khiếu nại, tố cáo, kiến nghị, phản ánh) and the citizen reception log (sổ tiếp công dân)."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from canhgiac.core.choices import RoleChoices
from canhgiac.core.models import BaseModel, BaseQuerySet
from canhgiac.petitions.choices import (
    FINAL,
    PETITION_WORKFLOW,
    PetitionChannelChoices,
    PetitionKindChoices,
    PetitionStatusChoices,
    ReceptionOutcomeChoices,
)

OPEN_STATUSES = (PetitionStatusChoices.RECEIVED, PetitionStatusChoices.ACCEPTED)


class PetitionQuerySet(BaseQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


def _user(verbose: str, related: str):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=verbose, on_delete=models.PROTECT, null=True, blank=True,
        related_name=related,
    )  # fmt: skip


def _letter(verbose: str, help_text: str = ""):
    return models.ForeignKey(
        "core.Document", verbose_name=verbose, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=help_text,
    )  # fmt: skip


class Petition(BaseModel):
    """A petition: who sent it and about what, who handles it, the steps it went through and the due dates the
    law sets for it (the ``*_due`` fields repeat the open deadline of each stage, for lists and figures)."""

    code = models.CharField("mã đơn", max_length=20, unique=True, editable=False)
    kind = models.CharField("loại đơn", max_length=20, choices=PetitionKindChoices.choices, db_index=True)
    second_instance = models.BooleanField(
        "khiếu nại lần hai", default=False, help_text="Chỉ với đơn khiếu nại: giải quyết khiếu nại lần hai."
    )
    received_on = models.DateField("ngày nhận đơn", db_index=True)
    channel = models.CharField("hình thức nhận", max_length=20, choices=PetitionChannelChoices.choices)
    title = models.CharField("trích yếu nội dung", max_length=300)
    summary = models.TextField("nội dung đơn", blank=True)
    respondent = models.CharField(
        "người hoặc cơ quan bị khiếu nại / tố cáo",
        max_length=300,
        blank=True,
        help_text="Trống với kiến nghị, phản ánh.",
    )
    anonymous = models.BooleanField(
        "tố cáo nặc danh",
        default=False,
        help_text="Không rõ họ tên, địa chỉ người tố cáo, hoặc mạo danh: không xử lý theo Luật Tố cáo "
        "mà xử lý như thông tin có nội dung tố cáo (Điều 25 Luật Tố cáo 2018).",
    )
    petitioner_name = models.CharField("họ tên người gửi đơn", max_length=200, blank=True)
    petitioner_phone = models.CharField("điện thoại người gửi đơn", max_length=40, blank=True)
    petitioner_address = models.CharField("địa chỉ người gửi đơn", max_length=300, blank=True)
    petitioner_id_number = models.CharField("số định danh cá nhân của người gửi đơn", max_length=20, blank=True)
    petitioner_count = models.PositiveSmallIntegerField(
        "số người đứng đơn", default=1, validators=[MinValueValidator(1, "Ít nhất một người đứng đơn.")]
    )
    locality = models.CharField("địa bàn", max_length=200, blank=True, help_text="Xã, phường nơi phát sinh vụ việc.")
    remote_area = models.BooleanField(
        "vùng sâu vùng xa (đi lại khó khăn)", default=False, help_text="Thời hạn giải quyết khiếu nại dài hơn."
    )
    handling_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan xử lý", on_delete=models.PROTECT, related_name="petitions"
    )
    assignee = _user("cán bộ được giao xử lý", "assigned_petitions")
    head = _user("người có thẩm quyền giải quyết", "headed_petitions")
    incoming_letter = _letter("văn bản chuyển đơn đến", "Khi cơ quan khác chuyển đơn đến.")
    reception = models.ForeignKey(
        "petitions.Reception", verbose_name="lượt tiếp công dân", on_delete=models.PROTECT, null=True, blank=True,
        related_name="petitions",
    )  # fmt: skip
    status = models.CharField(
        "trạng thái", max_length=20, choices=PetitionStatusChoices.choices,
        default=PetitionStatusChoices.RECEIVED, editable=False, db_index=True,
    )  # fmt: skip
    accepted_on = models.DateField("ngày thụ lý", null=True, blank=True, editable=False)
    resolved_on = models.DateField("ngày giải quyết", null=True, blank=True, editable=False, db_index=True)
    transferred_on = models.DateField("ngày chuyển đơn", null=True, blank=True, editable=False, db_index=True)
    closed_on = models.DateField("ngày kết thúc xử lý", null=True, blank=True, editable=False)
    transferred_to = models.ForeignKey(
        "core.Agency", verbose_name="chuyển đến cơ quan", on_delete=models.PROTECT, null=True, blank=True,
        related_name="transferred_petitions", editable=False,
    )  # fmt: skip
    transfer_letter = _letter("văn bản chuyển đơn")
    decision_letter = _letter("quyết định / kết luận / văn bản trả lời")
    accept_due = models.DateField("hạn xử lý đơn, thụ lý", null=True, blank=True, editable=False)
    accept_days = models.PositiveSmallIntegerField("số ngày xử lý đơn được phép", null=True, editable=False)
    accept_extensions = models.PositiveSmallIntegerField("số lần gia hạn xử lý đơn", default=0, editable=False)
    resolve_due = models.DateField("hạn giải quyết", null=True, blank=True, editable=False)
    resolve_days = models.PositiveSmallIntegerField("số ngày giải quyết được phép", null=True, editable=False)
    resolve_extensions = models.PositiveSmallIntegerField("số lần gia hạn giải quyết", default=0, editable=False)
    overdue_on = models.DateField(
        "quá hạn từ ngày", null=True, blank=True, editable=False, db_index=True,
        help_text="Ngày đầu tiên trễ hạn của một bước (xử lý đơn hoặc giải quyết); trống: chưa lần nào trễ hạn.",
    )  # fmt: skip

    objects = PetitionQuerySet.as_manager()
    workflow = PETITION_WORKFLOW
    agency_paths = ("handling_agency_id",)
    personal_fields = ("petitioner_name", "petitioner_phone", "petitioner_address", "petitioner_id_number")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "đơn thư"
        verbose_name_plural = "đơn thư"
        indexes = [models.Index(fields=["kind", "-received_on"]), models.Index(fields=["status", "-received_on"])]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:petition", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL

    def allowed_transitions(self, user=None) -> list[str]:
        targets = self.workflow.targets(self.status, user)
        return [s for s in PetitionStatusChoices.values if s in targets]

    def deadline_watchers(self) -> list:
        """Who is told of this petition's deadlines besides the officer in charge: the head who decides, else the
        leaders of the handling body."""
        if self.head_id:
            return [self.head] if self.head.is_active else []
        from canhgiac.core.models import User

        return list(User.objects.filter(is_active=True, role=RoleChoices.LEADER, agency_id=self.handling_agency_id))

    def first_late_day(self, today: dt.date) -> dt.date | None:
        """The first day a stage ran past its limit (the stage still open on ``today``, or closed late)."""
        stages = []
        if self.accept_due:
            stages.append((self.accept_due, self.accepted_on or self.closed_on))
        if self.resolve_due:
            stages.append((self.resolve_due, self.closed_on))
        for due, ended in stages:
            if (ended or today) > due:
                return due + dt.timedelta(days=1)
        return None


class Reception(BaseModel):
    """One citizen reception (một lượt tiếp công dân): when, whom, from where, about what, and its outcome."""

    received_on = models.DateField("ngày tiếp", db_index=True)
    citizen_name = models.CharField("họ tên công dân", max_length=200)
    citizen_phone = models.CharField("điện thoại công dân", max_length=40, blank=True)
    citizen_address = models.CharField("địa chỉ công dân", max_length=300, blank=True)
    citizen_id_number = models.CharField("số định danh cá nhân của công dân", max_length=20, blank=True)
    citizens_count = models.PositiveSmallIntegerField(
        "số người được tiếp", default=1,
        validators=[MinValueValidator(1, "Ít nhất một công dân."), MaxValueValidator(10000, "Số người quá lớn.")],
    )  # fmt: skip
    locality = models.CharField("địa bàn", max_length=200, help_text="Xã, phường, thành phố nơi công dân cư trú.")
    kind = models.CharField("nội dung thuộc loại", max_length=20, choices=PetitionKindChoices.choices)
    topic = models.TextField("nội dung tiếp")
    outcome = models.CharField("kết quả tiếp", max_length=20, choices=ReceptionOutcomeChoices.choices)
    outcome_note = models.TextField("ghi chú kết quả", blank=True)
    online = models.BooleanField("tiếp trực tuyến", default=False, help_text="Nghị định 154/2026/NĐ-CP.")
    agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan tiếp", on_delete=models.PROTECT, related_name="receptions"
    )
    officer = _user("người tiếp", "receptions")

    objects = BaseQuerySet.as_manager()
    agency_paths = ("agency_id",)
    personal_fields = ("citizen_name", "citizen_phone", "citizen_address", "citizen_id_number")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "lượt tiếp công dân"
        verbose_name_plural = "sổ tiếp công dân"

    def __str__(self) -> str:
        return f"Tiếp công dân {self.received_on:%d/%m/%Y} — {self.locality}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:reception", args=[self.pk])
