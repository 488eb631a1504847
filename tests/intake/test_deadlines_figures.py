"""Due dates through the shared deadline engine, reminders to the officer and the head, figures in the catalogue."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from canhgiac.core import figures
from canhgiac.core.deadlines import remind_deadlines
from canhgiac.core.models import Deadline, Notification
from canhgiac.core.testing import api_client, login
from canhgiac.intake.models import Report
from canhgiac.intake.reminders import remind_heads_of_overdue
from canhgiac.intake.services import submit_report
from tests.intake.helpers import staff_report

pytestmark = pytest.mark.django_db


def deadlines_of(report):
    return Deadline.objects.filter(content_type=ContentType.objects.get_for_model(Report), object_id=report.pk)


def test_staff_report_gets_its_processing_due_date_from_the_rule(world):
    report = staff_report(world)
    deadline = deadlines_of(report).get()
    assert deadline.rule.key == "intake_process" and deadline.rule.working_days and deadline.rule.days == 10
    assert deadline.responsible == world.user("inspector") and deadline.status == "open"
    assert deadline.due_date > timezone.localdate() + dt.timedelta(days=10)  # ten working days are two weeks


def test_portal_report_goes_to_the_duty_officer(world, settings):
    report, _ = submit_report({"content": "Lừa đảo", "consent": True}, source="x")
    assert deadlines_of(report).get().responsible == world.user("leader")
    settings.INTAKE_DUTY_OFFICER = "inspector"
    report, _ = submit_report({"content": "Lừa đảo khác", "consent": True}, source="x")
    assert deadlines_of(report).get().responsible == world.user("inspector")


def test_portal_due_date_set_by_the_worker_or_the_sweep(world, settings, django_capture_on_commit_callbacks):
    from canhgiac.intake.reminders import set_missing_due_dates

    settings.INTAKE_DUE_DATES_IN_WORKER = "1"
    with django_capture_on_commit_callbacks() as queued:
        report, _ = submit_report({"content": "Lừa đảo", "consent": True}, source="x")
    assert len(queued) == 1 and not deadlines_of(report).exists()  # the request only stored the report
    assert set_missing_due_dates() == 1  # what the task (or the sweep) does
    assert deadlines_of(report).get().rule.key == "intake_process"
    assert set_missing_due_dates() == 0


def test_reply_meets_the_due_date_escalation_sets_the_reply_one(world):
    report = staff_report(world)
    client = api_client(world.user("inspector"))
    client.post(f"/api/intake/reports/{report.pk}/escalate/", {}, format="json")
    rules = dict(deadlines_of(report).values_list("rule__key", "status"))
    assert rules == {"intake_process": "met", "intake_reply": "open"}
    client.post(f"/api/intake/reports/{report.pk}/reply/", {"reply": "Đã xử lý"}, format="json")
    assert set(deadlines_of(report).values_list("status", flat=True)) == {"met"}


def test_overdue_report_reminds_the_officer_and_the_head_once(world):
    report = staff_report(world)
    deadline = deadlines_of(report).get()
    later = deadline.due_date + dt.timedelta(days=1)
    assert remind_deadlines(on=later)["overdue"] == 1
    assert Notification.objects.filter(recipient=world.user("inspector"), verb="deadline_overdue").count() == 1
    assert remind_heads_of_overdue(on=later) == 1
    assert remind_heads_of_overdue(on=later) == 0
    assert Notification.objects.filter(recipient=world.user("leader"), verb="deadline_overdue").count() == 1


def test_list_filters_by_due_state(world, client):
    staff_report(world)
    login(client, world.user("inspector"))
    assert client.get("/intake/reports/?due=overdue").context["table"].rows.__len__() == 0
    Deadline.objects.update(due_date=timezone.localdate() - dt.timedelta(days=1))
    assert len(client.get("/intake/reports/?due=overdue").context["table"].rows) == 1


def test_figures_by_channel_type_and_outcome_match_their_drilldown(world, client):
    staff_report(world)
    staff_report(world, channel="in_person", report_type="fake_website", phones="", links="vi-du.vn")
    dismissed = staff_report(world)
    api_client(world.user("inspector")).post(
        f"/api/intake/reports/{dismissed.pk}/dismiss/", {"reason": "Sai"}, format="json"
    )
    today = timezone.localdate()
    window = figures.Window(today - dt.timedelta(days=1), today)
    values = figures.compute(
        window,
        [
            "intake_reports",
            "intake_channel_email",
            "intake_channel_in_person",
            "intake_type_fake_website",
            "intake_outcome_dismissed",
            "intake_outcome_pending",
            "intake_share_handled",
        ],
    )
    assert values["intake_reports"] == 3 and values["intake_channel_email"] == 2
    assert values["intake_channel_in_person"] == 1 and values["intake_type_fake_website"] == 1
    assert values["intake_outcome_dismissed"] == 1 and values["intake_outcome_pending"] == 2
    assert str(values["intake_share_handled"]) == "33.33"
    login(client, world.user("inspector"))
    for key in ("intake_reports", "intake_channel_email", "intake_outcome_pending", "intake_outcome_dismissed"):
        url = figures.get(key).drilldown_url(window)
        assert len(client.get(url).context["table"].rows) == values[key], key
