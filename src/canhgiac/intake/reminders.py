"""Reminders beyond the officer in charge: the deadline engine tells the officer before and after a report's limit
(``core.deadlines.remind_deadlines``); this tells the heads once when a report's limit has passed."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from canhgiac.core.choices import AgencyKindChoices, RoleChoices
from canhgiac.core.models import Deadline, User
from canhgiac.core.notifications import notify
from canhgiac.intake.models import Report


def heads():
    return User.objects.filter(is_active=True, role=RoleChoices.LEADER, agency__kind=AgencyKindChoices.AUTHORITY)


def remind_heads_of_overdue(on=None) -> int:
    on = on or timezone.localdate()
    kind = ContentType.objects.get_for_model(Report)
    overdue = Deadline.objects.open().filter(content_type=kind, due_date__lt=on).values("object_id")
    told = 0
    leaders = list(heads())
    for report in Report.objects.filter(pk__in=overdue, head_reminded_at__isnull=True):
        with transaction.atomic():
            if not Report.objects.filter(pk=report.pk, head_reminded_at__isnull=True).update(
                head_reminded_at=timezone.now()
            ):
                continue
            notify(
                leaders,
                verb="deadline_overdue",
                text=f"Quá hạn xử lý: {report}",
                url=report.get_absolute_url(),
                obj=report,
            )
            told += 1
    return told


def set_missing_due_dates(ids=None, days: int = 3) -> int:
    """Set the processing due date of portal reports that have none (``ids``, else those of the last ``days``)."""
    from canhgiac.intake.services import set_due_date

    kind = ContentType.objects.get_for_model(Report)
    reports = Report.objects.filter(channel="portal", status="new")
    reports = (
        reports.filter(pk__in=ids)
        if ids is not None
        else reports.filter(received_at__gte=timezone.now() - dt.timedelta(days=days))
    )
    having = Deadline.objects.filter(content_type=kind).values("object_id")
    done = 0
    for report in reports.exclude(pk__in=having).order_by("pk"):
        with transaction.atomic():
            set_due_date(report)
        done += 1
    return done
