"""Due dates come from the rule table, in the version in force on the day the petition was received, counted as
the law counts them (working days across Tết, calendar days moved off a day off)."""

import datetime as dt

import pytest

from canhgiac.core.deadlines import remind_deadlines, today
from canhgiac.core.models import Deadline, DeadlineRule, Notification
from canhgiac.petitions import services, steps
from canhgiac.petitions.steps import extend_petition, take_step
from tests.petitions.helpers import make_letter, make_petition

D = dt.date


def deadlines_of(petition):
    return list(Deadline.objects.filter(object_id=petition.pk, content_type__model="petition").order_by("id"))


def test_complaint_received_before_1_july_2026_is_accepted_within_10_days_law_2011(world):
    petition = make_petition(world, received_on=D(2026, 6, 29))
    (deadline,) = deadlines_of(petition)
    assert deadline.due_date == D(2026, 7, 9)  # 10 calendar days (Art. 27)
    assert (deadline.rule.days, deadline.rule.working_days, deadline.rule.unverified) == (10, False, False)
    assert "Điều 27" in deadline.rule.citation
    assert petition.accept_due == D(2026, 7, 9)


def test_complaint_received_from_1_july_2026_is_accepted_within_7_working_days_decree_155(world):
    petition = make_petition(world, received_on=D(2026, 7, 1))
    (deadline,) = deadlines_of(petition)
    assert deadline.due_date == D(2026, 7, 10)  # Thu 2 … Fri 10: seven working days
    assert deadline.rule.working_days and deadline.rule.unverified  # flagged for checking against the original
    assert "155/2026" in deadline.rule.citation


def test_old_rule_across_tet_2026_calendar_days_end_moved_off_the_weekend(world):
    petition = make_petition(world, received_on=D(2026, 2, 12))
    assert petition.accept_due == D(2026, 2, 23)  # 22/02 is a Sunday after Tết: the next working day


def test_denunciation_working_days_skip_tet_2026(world):
    petition = make_petition(world, kind="denunciation", received_on=D(2026, 2, 12), respondent="Cơ sở X")
    assert petition.accept_due == D(2026, 3, 2)  # 13/02, then 23–27/02, then 02/03: Tết 16–20/02 not counted


def test_new_rule_across_tet_2027_working_days(world, monkeypatch):
    # The day the officer records it is 03/02/2027 (the clock of the service, not of the test machine).
    monkeypatch.setattr(services, "today", lambda: D(2027, 2, 3))
    petition = make_petition(world, received_on=D(2027, 2, 3))
    assert petition.accept_due == D(2027, 2, 19)  # Tết 04–10/02/2027 off: 11, 12, 15, 16, 17, 18, 19


def test_resolution_limit_follows_the_received_date_not_the_acceptance_date(world):
    petition = make_petition(world, received_on=D(2026, 6, 30))
    take_step(petition, "accept", actor=world.user("inspector"), on=D(2026, 7, 3))
    petition.refresh_from_db()
    resolve = deadlines_of(petition)[-1]
    assert resolve.rule.effective_to == D(2026, 6, 30)  # the 2011 version, received before 1 July 2026
    assert resolve.start_date == D(2026, 7, 3) and resolve.due_date == D(2026, 8, 3)  # 02/08 is a Sunday
    assert petition.resolve_due == D(2026, 8, 3)
    assert deadlines_of(petition)[0].status == "met"


def test_remote_area_and_second_instance_take_their_own_limits(world):
    remote = make_petition(world, received_on=D(2026, 3, 2), remote_area=True)
    take_step(remote, "accept", actor=world.user("inspector"), on=D(2026, 3, 5))
    remote.refresh_from_db()
    assert remote.resolve_days == 45 and remote.resolve_due == D(2026, 4, 20)  # 19/04 Sunday
    second = make_petition(world, received_on=D(2026, 3, 2), second_instance=True)
    assert second.accept_due == D(2026, 3, 12)  # Art. 36: 10 days
    take_step(second, "accept", actor=world.user("inspector"), on=D(2026, 3, 5))
    second.refresh_from_db()
    assert second.resolve_days == 45


def test_denunciation_extensions_within_the_law_then_refused(world):
    inspector = world.user("inspector")
    petition = make_petition(world, kind="denunciation", received_on=D(2026, 11, 2), respondent="Cơ sở X")
    take_step(petition, "accept", actor=inspector, on=D(2026, 11, 5))
    petition.refresh_from_db()
    assert petition.resolve_due == D(2026, 12, 7)  # 30 days → Sat 05/12 → Mon 07/12
    letter = make_letter(world, on=D(2026, 11, 20))
    deadline = extend_petition(petition, actor=inspector, days=30, reason="Phức tạp", letter=letter, on=D(2026, 11, 20))
    assert deadline.due_date == D(2027, 1, 4)  # 60 days from 05/11 = 04/01/2027
    assert "Điều 30" in deadline.rule.citation
    petition.refresh_from_db()
    assert (petition.resolve_days, petition.resolve_extensions) == (60, 1)


def test_reminders_go_to_the_officer_and_the_head_before_and_after(world):
    officer, head = world.user("officer"), world.user("leader")
    petition = make_petition(world, received_on=D(2026, 7, 1), assignee=officer, head=head)
    assert remind_deadlines(on=D(2026, 7, 9))["soon"] == 1  # two working days before 10/07
    assert remind_deadlines(on=D(2026, 7, 13))["overdue"] == 1
    for user in (officer, head):
        verbs = set(Notification.objects.filter(recipient=user, object_id=petition.pk).values_list("verb", flat=True))
        assert {"deadline_soon", "deadline_overdue"} <= verbs
    petition.refresh_from_db()
    assert petition.overdue_on == D(2026, 7, 11)  # recorded late: the mark is set when it is stored


def test_the_hourly_job_marks_a_petition_that_ran_past_its_limit(world):
    petition = make_petition(world, received_on=today())
    assert petition.overdue_on is None
    assert steps.flag_overdue_petitions(on=petition.accept_due) == 0
    assert steps.flag_overdue_petitions(on=petition.accept_due + dt.timedelta(days=1)) == 1
    petition.refresh_from_db()
    assert petition.overdue_on == petition.accept_due + dt.timedelta(days=1)
    assert steps.flag_overdue_petitions(on=petition.accept_due + dt.timedelta(days=2)) == 0  # once


@pytest.mark.parametrize("key", ["complaint_accept", "denunciation_resolve", "petition_process"])
def test_every_rule_used_has_a_citation_and_a_version_for_today(world, key):
    rows = DeadlineRule.objects.filter(key=key)
    assert rows and all(r.citation for r in rows)
    assert rows.filter(effective_to__isnull=True).count() == 1


def test_correcting_the_kind_before_acceptance_recounts_the_limit(world):
    petition = make_petition(world, received_on=D(2026, 2, 12))
    services.petitions.update(petition, actor=world.user("officer"), kind="denunciation", respondent="Cơ sở X")
    petition.refresh_from_db()
    first, second = deadlines_of(petition)
    assert first.status == "cancelled" and first.rule.key == "complaint_accept"
    assert second.rule.key == "denunciation_handle" and petition.accept_due == second.due_date == D(2026, 3, 2)
