from django.db import models
from django.urls import reverse

from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices
from canhgiac.core.search import search_column

from .base import BaseModel


def document_upload_to(instance, filename: str) -> str:
    return f"documents/{instance.date:%Y/%m}/{filename}"


class Document(BaseModel):
    """An official letter (văn bản đến/đi): every action in the reports cites one."""

    direction = models.CharField("loại sổ", max_length=3, choices=DocumentDirectionChoices.choices)
    number = models.PositiveIntegerField("số", null=True, blank=True, help_text="Để trống khi là dự thảo.")
    year = models.PositiveSmallIntegerField("năm trong số hiệu", null=True, blank=True)
    symbol = models.CharField("ký hiệu", max_length=80)
    doc_type = models.CharField("loại văn bản", max_length=10, choices=DocumentTypeChoices.choices)
    date = models.DateField("ngày ban hành")
    issuing_agency = models.ForeignKey(
        "core.Agency", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="issued_documents"
    )
    receiving_agencies = models.ManyToManyField(
        "core.Agency", verbose_name="nơi nhận", blank=True, related_name="received_documents"
    )
    summary = models.TextField("trích yếu")
    search_text = search_column()
    file = models.FileField("tệp đính kèm", upload_to=document_upload_to, blank=True)

    # The change log also records the receiving agencies (before → after).
    _history_m2m_fields = ["receiving_agencies"]

    agency_paths = ("issuing_agency_id", "receiving_agencies__id")
    search_source = ("symbol", "summary")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        indexes = [
            models.Index(fields=["symbol", "number"]),
            models.Index(fields=["-date", "-id"], name="document_date_id"),  # the registers' order
        ]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()} số {self.notation} ngày {self.date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("core:document", args=[self.pk])

    @property
    def notation(self) -> str:
        """The number as officials write it: "386/CAT-ANM", "15/2020/NĐ-CP", "…/BC-STTTT" for a draft."""
        number = "…" if self.number is None else f"{self.number:02d}"
        year = f"/{self.year}" if self.year else ""
        return f"{number}{year}/{self.symbol}"

    @property
    def is_draft(self) -> bool:
        return self.number is None
