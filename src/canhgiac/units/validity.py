"""Reference data versioned by date: a row is in force from ``valid_from`` to ``valid_to`` (both included; no
end date: still in force). A report of 2024 counts the rows in force in 2024 (``Model.objects.on(day)``).

The figures catalogue counts "snapshot" figures with ``<date_field>__lt=<the day after the period>``. Versioned
rows are counted with ``date_field="valid_from__in_force"``: that lookup also requires the row not to have ended
before the period's last day, so a figure (and its drill-down list, ``?on=<last day>``) counts exactly the rows in
force at the end of the period — in one SQL statement, like every other figure.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.expressions import Col

from canhgiac.core.models import BaseModel, BaseQuerySet


class InForceDay(models.DateField):
    """The output of the ``in_force`` transform: only its own ``lt`` lookup applies to it."""


class ValidFromField(models.DateField):
    """The first day a versioned row is in force (a plain date column; adds the ``in_force`` transform)."""


@ValidFromField.register_lookup
class InForce(models.Transform):
    lookup_name = "in_force"
    output_field = InForceDay()

    def as_sql(self, compiler, connection):
        return compiler.compile(self.lhs)


@InForceDay.register_lookup
class InForceBefore(models.Lookup):
    """``valid_from__in_force__lt=<day after D>``: in force on day D (started by D, not ended before D)."""

    lookup_name = "lt"

    def as_sql(self, compiler, connection):
        column = self.lhs.lhs
        valid_to = Col(column.alias, column.target.model._meta.get_field("valid_to"))
        start_sql, start_params = compiler.compile(column)
        end_sql, end_params = compiler.compile(valid_to)
        day_after = self.rhs
        if isinstance(day_after, dt.datetime):
            day_after = day_after.date()
        last_day = connection.ops.adapt_datefield_value(day_after - dt.timedelta(days=1))
        day_after = connection.ops.adapt_datefield_value(day_after)
        sql = f"({start_sql} < %s AND ({end_sql} IS NULL OR {end_sql} >= %s))"
        return sql, [*start_params, day_after, *end_params, *end_params, last_day]


class VersionedQuerySet(BaseQuerySet):
    def on(self, day):
        """The rows in force on ``day``."""
        return self.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day), valid_from__lte=day)


class Versioned(BaseModel):
    """A row of reference data with its validity dates."""

    valid_from = ValidFromField("hiệu lực từ ngày")
    valid_to = models.DateField(
        "hiệu lực đến hết ngày", null=True, blank=True, help_text="Để trống khi còn hiệu lực. Ví dụ 30/06/2025."
    )
    source = models.CharField("nguồn", max_length=200, blank=True)

    objects = VersionedQuerySet.as_manager()
    visible_to_all = True

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."})

    @property
    def in_force_text(self) -> str:
        end = f"{self.valid_to:%d/%m/%Y}" if self.valid_to else "nay"
        return f"{self.valid_from:%d/%m/%Y} – {end}"
