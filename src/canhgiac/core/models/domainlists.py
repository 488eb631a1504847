from django.db import models

from .base import BaseModel


class DomainListKindChoices(models.TextChoices):
    GAMBLING = "gambling", "Cờ bạc, cá độ trực tuyến"
    SCAM = "scam", "Lừa đảo, giả mạo"


class DomainSource(BaseModel):
    """Where a list of bad domains comes from (a public list, a partner's letter, the inspectorate's own work);
    its domains are ``ListedDomain`` rows. The website watch reads the gambling lists; the domains capability
    will add its own kinds and sources."""

    name = models.CharField("tên nguồn", max_length=200, unique=True)
    kind = models.CharField("loại danh sách", max_length=20, choices=DomainListKindChoices.choices, db_index=True)
    origin = models.CharField("tệp hoặc địa chỉ nạp", max_length=500, blank=True)
    licence = models.CharField("giấy phép sử dụng", max_length=200, blank=True)
    domain_count = models.PositiveIntegerField("số tên miền", default=0)
    loaded_at = models.DateTimeField("nạp lần cuối", null=True, blank=True)

    visible_to_all = True

    class Meta:
        ordering = ["name"]
        verbose_name = "nguồn danh sách tên miền"
        verbose_name_plural = "nguồn danh sách tên miền"

    def __str__(self) -> str:
        return self.name


class ListedDomain(models.Model):
    """One domain of one source's list (kept per source: a domain several sources name is several rows)."""

    source = models.ForeignKey(DomainSource, verbose_name="nguồn", on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField("loại danh sách", max_length=20, choices=DomainListKindChoices.choices)
    domain = models.CharField("tên miền", max_length=253)
    added_at = models.DateTimeField("thêm lúc", auto_now_add=True)

    class Meta:
        verbose_name = "tên miền trong danh sách"
        verbose_name_plural = "tên miền trong danh sách"
        constraints = [models.UniqueConstraint(fields=["source", "domain"], name="listed_domain_source_domain")]
        indexes = [models.Index(fields=["kind", "domain"])]

    def __str__(self) -> str:
        return self.domain
