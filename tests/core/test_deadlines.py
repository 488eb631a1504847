import datetime as dt

import pytest
from django.utils import timezone

from canhgiac.core.deadlines import DeadlineError, attach_deadline, close_deadline, remind_deadlines, rule_for
from canhgiac.core.models import Deadline, Event, Notification
from canhgiac.core.services import PermissionDenied
from canhgiac.core.tasks import raise_deadline_reminders
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case

from .workflow_fixtures import calendar, smtp_server, subject_of, wait_for_mail  # noqa: F401  (fixtures)

D = dt.date


def _today():
    return timezone.localdate()


def test_rule_versions_follow_the_start_date_and_keep_their_citation(calendar):  # noqa: F811
    old = rule_for("complaint_accept", D(2026, 6, 15))
    new = rule_for("complaint_accept", D(2026, 7, 10))
    assert (old.days, old.working_days, old.unverified) == (10, False, False)
    assert "Điều 27" in old.citation and "02/2011/QH13" in old.citation
    assert (new.days, new.working_days, new.unverified) == (7, True, True)
    assert "155/2026" in new.citation
    assert rule_for("subscriber_one_way", D(2026, 1, 5)).unverified is False
    with pytest.raises(DeadlineError, match="Không có quy tắc"):
        rule_for("subscriber_one_way", D(2024, 1, 5))


def test_deadline_from_a_rule_counts_working_days_and_lands_on_the_timeline(world, client, calendar):  # noqa: F811
    case = make_case(world)
    deadline = attach_deadline(
        case, "violation_record", actor=world.user("inspector"), start=D(2026, 2, 13), responsible=world.user("officer")
    )
    assert deadline.due_date == D(2026, 2, 24)  # two working days after Friday 13/02/2026, across Tết
    assert deadline.rule.citation == "Nghị định 118/2021/NĐ-CP, Điều 12 khoản 2"
    assert Notification.objects.get(recipient=world.user("officer")).verb == "deadline_set"
    login(client, world.user("viewer"))
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Lập biên bản vi phạm hành chính" in page and "24/02/2026" in page and "Đặt thời hạn" in page
    assert "Quá hạn" in page  # 24/02/2026 is past


def test_deadline_refused_for_records_the_actor_or_responsible_cannot_see(world, calendar):  # noqa: F811
    case = make_case(world)
    with pytest.raises(PermissionDenied):
        attach_deadline(case, "violation_record", actor=world.user("district_officer"))
    with pytest.raises(DeadlineError, match="không xem được"):
        attach_deadline(
            case, "violation_record", actor=world.user("inspector"), responsible=world.user("carrier_operator")
        )
    with pytest.raises(DeadlineError, match="quy tắc"):
        attach_deadline(case, "", actor=world.user("inspector"))
    assert not Deadline.objects.exists() and not Event.objects.exists()


def _due_cases(world):
    """One case overdue, one due tomorrow, one due in a month, one whose deadline is met."""
    inspector = world.user("inspector")
    today = _today()
    overdue = make_case(world, title="Vụ quá hạn")
    soon = make_case(world, title="Vụ sắp đến hạn")
    later = make_case(world, title="Vụ còn xa hạn")
    met = make_case(world, title="Vụ đã xong")
    for case, days in ((overdue, -2), (soon, 1), (later, 30), (met, -5)):
        start = min(today, today + dt.timedelta(days=days))
        attach_deadline(
            case, actor=inspector, label="Trả lời công văn", start=start, due_date=today + dt.timedelta(days=days)
        )
    close_deadline(Deadline.objects.get(object_id=met.pk), actor=inspector)
    return overdue, soon, later, met


def test_case_list_and_api_filter_due_and_overdue(world, client, calendar):  # noqa: F811
    overdue, soon, later, met = _due_cases(world)
    login(client, world.user("officer"))
    page = client.get("/cases/?due=overdue").content.decode()
    assert overdue.code in page and soon.code not in page and met.code not in page
    page = client.get("/cases/?due=soon").content.decode()
    assert soon.code in page and overdue.code not in page and later.code not in page
    api = api_client(world.user("officer"))
    assert [c["code"] for c in api.get("/api/cases/?due=overdue").json()["results"]] == [overdue.code]
    rows = api.get("/api/deadlines/?state=soon").json()["results"]
    assert [(r["target"].split(" — ")[0], r["overdue"]) for r in rows] == [(soon.code, False)]
    assert api.get("/api/cases/?due=late").status_code == 400


def test_dashboard_shows_due_soon_and_overdue_panels(world, client, calendar):  # noqa: F811
    overdue, soon, _later, _met = _due_cases(world)
    login(client, world.user("leader"))
    page = client.get("/").content.decode()
    assert "Quá hạn: 1" in page and "Sắp đến hạn: 1" in page
    assert overdue.code in page and soon.code in page


def test_other_agencies_see_neither_the_deadlines_nor_the_filtered_cases(world, calendar):  # noqa: F811
    _due_cases(world)
    carrier = api_client(world.user("carrier_operator"))
    assert carrier.get("/api/deadlines/").json()["count"] == 0
    assert carrier.get("/api/cases/?due=overdue").json()["count"] == 0
    deadline = Deadline.objects.filter(status="open").first()
    assert carrier.get(f"/api/deadlines/{deadline.pk}/").status_code == 404
    response = carrier.post(f"/api/deadlines/{deadline.pk}/close/", {"status": "met"})
    assert response.status_code in (403, 404)
    deadline.refresh_from_db()
    assert deadline.status == "open"


def test_api_sets_a_deadline_from_a_rule_and_closes_it(world, calendar):  # noqa: F811
    case = make_case(world)
    api = api_client(world.user("inspector"))
    response = api.post(
        "/api/deadlines/",
        {"model": "cases.case", "object_id": case.pk, "rule_key": "sanction_payment", "start_date": "2026-12-02"},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["due_date"] == "2026-12-14"  # 10 days → Saturday 12/12 → next working day Monday 14/12
    assert body["rule"]["citation"] == "Luật Xử lý vi phạm hành chính, Điều 73 khoản 1"
    closed = api.post(f"/api/deadlines/{body['id']}/close/", {"status": "cancelled"}, format="json")
    assert closed.status_code == 400 and "lý do" in closed.json()["detail"]
    closed = api.post(f"/api/deadlines/{body['id']}/close/", {"status": "met"}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "met"
    missing = api.post("/api/deadlines/", {"model": "cases.case", "object_id": 999999, "rule_key": "x"}, format="json")
    assert missing.status_code == 404
    viewer = api_client(world.user("viewer")).post(
        "/api/deadlines/", {"model": "cases.case", "object_id": case.pk, "rule_key": "sanction_payment"}, format="json"
    )
    assert viewer.status_code == 403


def test_web_form_sets_a_deadline_on_a_case(world, client, calendar):  # noqa: F811
    case = make_case(world)
    login(client, world.user("officer"))
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'id="deadline-form"' in page
    from django.contrib.contenttypes.models import ContentType

    type_id = ContentType.objects.get_for_model(case).pk
    response = client.post(
        f"/deadlines/add/{type_id}/{case.pk}/",
        {"label": "Báo cáo kết quả xác minh", "due_date": "2026-12-20", "start": "2026-12-02"},
    )
    assert response.status_code == 302
    assert Deadline.objects.get().label == "Báo cáo kết quả xác minh"
    client.post(f"/deadlines/add/{type_id}/{case.pk}/", {"rule": "complaint_accept", "start": "2026-07-10"})
    by_rule = Deadline.objects.get(rule__isnull=False)
    assert by_rule.due_date == dt.date(2026, 7, 21) and by_rule.rule.unverified  # 7 working days, new version
    client.post(f"/deadlines/add/{type_id}/{case.pk}/", {"start": "2026-07-10"})
    assert Deadline.objects.count() == 2
    login(client, world.user("viewer"))
    assert 'id="deadline-form"' not in client.get(case.get_absolute_url()).content.decode()


def test_reminders_are_raised_once_before_and_once_after_the_limit(world, calendar):  # noqa: F811
    overdue, soon, later, _met = _due_cases(world)
    from canhgiac.celery import app

    assert "core-deadline-reminders" in app.conf.beat_schedule
    assert app.conf.beat_schedule["core-deadline-reminders"]["task"] == raise_deadline_reminders.name
    first = raise_deadline_reminders()
    assert first == {"soon": 1, "overdue": 1}
    assert remind_deadlines() == {"soon": 0, "overdue": 0}
    reminders = Notification.objects.filter(verb__in=["deadline_soon", "deadline_overdue"])
    assert sorted(n.verb for n in reminders) == ["deadline_overdue", "deadline_soon"]
    assert all(n.recipient == world.user("inspector") for n in reminders)
    # Days later the one that was "soon" is overdue: one more reminder, the other stays quiet.
    assert remind_deadlines(_today() + dt.timedelta(days=3)) == {"soon": 0, "overdue": 1}


def test_reminder_task_is_registered_with_celery_and_e_mails_by_default(
    world,
    calendar,  # noqa: F811
    smtp_server,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    from canhgiac.celery import app

    app.loader.import_default_modules()
    assert "canhgiac.core.tasks.raise_deadline_reminders" in app.tasks
    inspector = world.user("inspector")
    inspector.email = "thanhtra@example.vn"
    inspector.save(update_fields=["email"])
    overdue, *_ = _due_cases(world)
    with django_capture_on_commit_callbacks(execute=True):
        raise_deadline_reminders()
    subjects = sorted(subject_of(m) for m in wait_for_mail(smtp_server, 2))
    assert subjects == ["[Cảnh giác] Quá hạn", "[Cảnh giác] Sắp đến hạn"]
    assert all(m.rcpt_tos == ["thanhtra@example.vn"] for m in smtp_server.messages)


def test_deadline_list_page_filters_and_exports(world, client, calendar):  # noqa: F811
    overdue, soon, _later, _met = _due_cases(world)
    login(client, world.user("inspector"))
    page = client.get("/deadlines/?state=overdue").content.decode()
    assert overdue.code in page and soon.code not in page and 'id="result-count">1 kết quả' in page
    export = client.get("/deadlines/?state=soon&_export=csv")
    assert export.status_code == 200 and soon.code in export.content.decode("utf-8-sig")


def test_rules_and_calendar_are_readable_through_the_api_and_not_writable(world, calendar):  # noqa: F811
    api = api_client(world.user("carrier_operator"))
    rules = api.get("/api/deadline-rules/?key=subscriber_one_way").json()["results"]
    assert [(r["days"], r["working_days"], r["unverified"]) for r in rules] == [(15, False, False)]
    assert "163/2024" in rules[0]["citation"]
    days = api.get("/api/holidays/?date__gte=2026-08-20&date__lte=2026-09-05").json()["results"]
    assert [(d["date"], d["kind"]) for d in days] == [
        ("2026-08-22", "work"),
        ("2026-08-31", "off"),
        ("2026-09-01", "off"),
        ("2026-09-02", "off"),
    ]
    admin = api_client(world.user("administrator"))
    assert admin.post("/api/holidays/", {"date": "2026-12-04", "name": "x"}).status_code == 405
    assert api_client().get("/api/holidays/").status_code in (401, 403)
