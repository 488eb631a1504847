import datetime as dt

import pytest
from django.utils import timezone

from canhgiac.core.deadlines import attach_deadline
from canhgiac.core.models import Notification
from canhgiac.core.tasks import raise_deadline_reminders
from tests.cases.helpers import make_case
from tests.processes import wait_until

from .workflow_fixtures import calendar, smtp_server, subject_of, wait_for_mail  # noqa: F401  (fixtures)


@pytest.mark.worker
def test_a_real_worker_raises_reminders_and_mails_them_once(world, calendar, smtp_server, start_worker, monkeypatch):  # noqa: F811
    """The beat job as the worker runs it: reminders stored, e-mailed over SMTP after commit, never twice."""
    inspector = world.user("inspector")
    inspector.email = "thanhtra@example.vn"
    inspector.save(update_fields=["email"])
    today = timezone.localdate()
    case = make_case(world)
    attach_deadline(
        case,
        actor=world.user("leader"),
        label="Trả lời công văn",
        start=today - dt.timedelta(days=9),
        due_date=today - dt.timedelta(days=2),
        responsible=inspector,
    )
    from django.conf import settings

    monkeypatch.setenv("EMAIL_HOST", settings.EMAIL_HOST)
    monkeypatch.setenv("EMAIL_PORT", str(settings.EMAIL_PORT))
    worker = start_worker()
    raise_deadline_reminders.delay()
    message = wait_for_mail(smtp_server)[0]
    assert subject_of(message) == "[Cảnh giác] Quá hạn" and message.rcpt_tos == ["thanhtra@example.vn"]
    # A second run, with one more deadline now near: only the new one is reminded.
    attach_deadline(
        case,
        actor=world.user("leader"),
        label="Báo cáo kết quả",
        start=today,
        due_date=today + dt.timedelta(days=1),
        responsible=inspector,
    )
    raise_deadline_reminders.delay()
    messages = wait_for_mail(smtp_server, 2)
    assert sorted(subject_of(m) for m in messages) == ["[Cảnh giác] Quá hạn", "[Cảnh giác] Sắp đến hạn"]
    assert worker.poll() is None
    assert Notification.objects.filter(verb="deadline_overdue").count() == 1
    assert Notification.objects.filter(verb="deadline_soon").count() == 1
    wait_until(
        lambda: (
            not Notification.objects.filter(verb__startswith="deadline_", emailed_at__isnull=True)
            .exclude(verb="deadline_set")
            .exists()
        ),
        30,
        "the reminders marked as e-mailed",
    )
    assert len(smtp_server.messages) == 2
