from django.conf import settings
from django.db import models


class PersonalDataAccess(models.Model):
    """One read of personal data by a user: who, what record, which fields, when, through which channel."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    fields = models.CharField(max_length=300)
    channel = models.CharField(max_length=20, default="web")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "lượt xem dữ liệu cá nhân"
        verbose_name_plural = "nhật ký xem dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.user} xem {self.model}#{self.object_id} ({self.fields})"
