"""BaseModel: timestamps, author, change log (django-simple-history) and agency scoping for every record."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from canhgiac.core.scoping import has_global_scope
from canhgiac.core.search import keep_search_text


class HardDeleteError(Exception):
    """Records are closed or withdrawn, never deleted."""


class BaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rows this user may see: everything for authority staff, else rows tied to the user's agency."""
        if user is None or not user.is_authenticated:
            return self.none()
        if has_global_scope(user) or getattr(self.model, "visible_to_all", False):
            return self
        paths = getattr(self.model, "agency_paths", ())
        if not paths or user.agency_id is None:
            return self.none()
        query = models.Q()
        for path in paths:
            query |= models.Q(**{path: user.agency_id})
        return self.filter(query).distinct() if any("__" in p for p in paths) else self.filter(query)

    def delete(self):
        raise HardDeleteError("Không xoá dữ liệu: hãy đóng hoặc thu hồi bản ghi.")


class BaseModel(models.Model):
    """Common fields; subclasses declare ``agency_paths`` (lookups to an Agency id) for scoping."""

    created = models.DateTimeField("tạo lúc", auto_now_add=True)
    last_updated = models.DateTimeField("cập nhật lúc", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(inherit=True)

    objects = BaseQuerySet.as_manager()

    agency_paths: tuple[str, ...] = ()
    visible_to_all = False  # reference data (administrative units, legal rules): every signed-in user reads it
    personal_fields: tuple[str, ...] = ()
    # Fields folded into the model's ``search_text`` column on every save (``core.search``), when it has one.
    search_source: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        keep_search_text(self, kwargs)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HardDeleteError("Không xoá dữ liệu: hãy đóng hoặc thu hồi bản ghi.")
