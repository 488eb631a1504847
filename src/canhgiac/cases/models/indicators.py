from django.conf import settings
from django.db import models
from django.urls import reverse

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.core.models import BaseModel
from canhgiac.core.templatetags.labels import attrs_text


class Indicator(BaseModel):
    """A normalised phone number, domain, URL, IP, IMEI, account or e-mail: one row per (kind, value)."""

    kind = models.CharField("loại", max_length=20, choices=IndicatorKindChoices.choices)
    value = models.CharField("giá trị chuẩn hoá", max_length=500)
    attrs = models.JSONField("thuộc tính", default=dict, blank=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    history_formats = {"attrs": attrs_text}  # the change log shows attributes by their Vietnamese names
    agency_paths = ("cases__lead_agency_id", "cases__locality__agencies__id", "cases__addressed_agencies__id")

    class Meta:
        ordering = ["kind", "value"]
        verbose_name = "dấu hiệu"
        verbose_name_plural = "dấu hiệu"
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="indicator_kind_value_unique")]
        # varchar_pattern_ops lets PostgreSQL answer prefix searches (LIKE 'x%') from the index; SQLite ignores it.
        indexes = [
            models.Index(fields=["value"], name="indicator_value_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["created", "kind"], name="indicator_created_kind"),  # the figures of a period
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def get_absolute_url(self) -> str:
        return reverse("cases:indicator", args=[self.pk])


class CaseIndicator(models.Model):
    """An indicator seen in a case, with who linked it and how it was written originally."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="case_indicators")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="case_links")
    original = models.CharField("giá trị gốc", max_length=500, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "indicator"], name="case_indicator_unique")]
        verbose_name = "dấu hiệu của vụ việc"
        verbose_name_plural = "dấu hiệu của vụ việc"

    def __str__(self) -> str:
        return f"{self.case_id} ↔ {self.indicator}"
