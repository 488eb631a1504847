import time
from email import message_from_bytes

import pytest
from django.db import transaction

from canhgiac.cases.services import transition_case, update_case
from canhgiac.core.models import Notification
from canhgiac.core.notifications import NotificationError, notify, set_preferences
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case

from .workflow_fixtures import smtp_server, wait_for_mail  # noqa: F401  (smtp_server is a fixture)
from .workflow_fixtures import subject_of as _subject


def _assigned_case(world, email="thanhtra@example.vn"):
    inspector = world.user("inspector")
    inspector.email = email
    inspector.save(update_fields=["email"])
    case = make_case(world)
    update_case(case, actor=world.user("officer"), assignee=inspector)
    return case, inspector


def test_status_change_is_e_mailed_through_a_real_smtp_server_after_commit(
    world,
    smtp_server,  # noqa: F811
    django_capture_on_commit_callbacks,  # noqa: F811
):
    case, inspector = _assigned_case(world)
    set_preferences(actor=inspector, email_verbs=["status_changed"])
    with django_capture_on_commit_callbacks(execute=True):
        transition_case(case, "verifying", actor=world.user("officer"), reason="Đề nghị xác minh")
        assert smtp_server.messages == []  # nothing leaves before the commit
    envelope = wait_for_mail(smtp_server)[0]
    assert envelope.rcpt_tos == ["thanhtra@example.vn"]
    assert _subject(envelope) == "[Cảnh giác] Thay đổi trạng thái hồ sơ"
    body = message_from_bytes(envelope.content).get_payload(decode=True).decode("utf-8")
    assert case.code in body and "Tiếp nhận → Đang xác minh" in body and f"/cases/{case.pk}/" in body
    assert Notification.objects.get(recipient=inspector).emailed_at is not None


def test_no_e_mail_and_no_notification_when_the_transaction_rolls_back(
    world,
    smtp_server,  # noqa: F811
    django_capture_on_commit_callbacks,  # noqa: F811
):
    case, inspector = _assigned_case(world)
    set_preferences(actor=inspector, email_verbs=["status_changed"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                transition_case(case, "verifying", actor=world.user("officer"), reason="Đề nghị xác minh")
                raise RuntimeError("lỗi sau khi chuyển trạng thái")
    time.sleep(0.5)
    assert callbacks == [] and smtp_server.messages == []
    assert not Notification.objects.exists()
    case.refresh_from_db()
    assert case.status == "received"


def test_in_application_only_preference_sends_no_e_mail(world, smtp_server, django_capture_on_commit_callbacks):  # noqa: F811
    case, inspector = _assigned_case(world)
    # status changes are in-app only by default; deadline reminders are e-mailed unless switched off
    with django_capture_on_commit_callbacks(execute=True):
        transition_case(case, "verifying", actor=world.user("officer"), reason="Xác minh")
    set_preferences(actor=inspector, email_verbs=[])
    with django_capture_on_commit_callbacks(execute=True):
        notify([inspector], verb="deadline_overdue", text="Quá hạn", url=case.get_absolute_url(), obj=case)
    time.sleep(0.5)
    assert smtp_server.messages == []
    assert Notification.objects.filter(recipient=inspector).count() == 2
    set_preferences(actor=inspector, email_verbs=["deadline_overdue"])
    with django_capture_on_commit_callbacks(execute=True):
        notify([inspector], verb="deadline_overdue", text="Quá hạn lần nữa", url=case.get_absolute_url(), obj=case)
    assert _subject(wait_for_mail(smtp_server)[0]) == "[Cảnh giác] Quá hạn"


def test_unknown_kind_is_refused(world):
    with pytest.raises(NotificationError, match="không hợp lệ"):
        notify([world.user("officer")], verb="spam", text="x")


def test_bell_counts_unread_and_the_page_marks_read(world, client):
    case, inspector = _assigned_case(world, email="")
    transition_case(case, "verifying", actor=world.user("officer"), reason="Xác minh")
    login(client, inspector)
    page = client.get("/").content.decode()
    assert 'id="unread-count">1<' in page
    listing = client.get("/notifications/").content.decode()
    assert case.code in listing and "Mới" in listing
    note = Notification.objects.get(recipient=inspector)
    response = client.get(f"/notifications/{note.pk}/open/")
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert 'id="unread-count"' not in client.get("/").content.decode()
    # Someone else's notification is not found, and stays unread for its owner.
    other = notify([world.user("leader")], verb="status_changed", text="Cho lãnh đạo")[0]
    assert client.get(f"/notifications/{other.pk}/open/").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    assert client.post("/notifications/", {"mark_all": "1"}).status_code == 302


def test_preferences_are_saved_from_the_notifications_page(world, client):
    officer = world.user("officer")
    login(client, officer)
    response = client.post("/notifications/", {"email_verbs": ["deadline_soon", "status_changed"]})
    assert response.status_code == 302
    from canhgiac.core.notifications import wants_email

    assert wants_email(officer, "status_changed") and not wants_email(officer, "deadline_overdue")
    assert client.post("/notifications/", {"email_verbs": ["spam"]}).status_code == 200


@pytest.mark.parametrize("role", ["officer", "viewer", "carrier_operator", "police_liaison"])
def test_api_lists_only_my_notifications_and_marks_them_read(world, role):
    me, other = world.user(role), world.user("leader")
    mine = notify([me], verb="status_changed", text="Của tôi")[0]
    theirs = notify([other], verb="status_changed", text="Của người khác")[0]
    api = api_client(me)
    rows = api.get("/api/notifications/").json()["results"]
    assert [r["text"] for r in rows] == ["Của tôi"] and rows[0]["read"] is False
    assert api.get(f"/api/notifications/{theirs.pk}/").status_code == 404
    assert api.post(f"/api/notifications/{theirs.pk}/read/").status_code == 404
    response = api.post(f"/api/notifications/{mine.pk}/read/")
    assert response.status_code == 200 and response.json()["read"] is True
    assert api.get("/api/notifications/?unread=true").json()["count"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert api.post("/api/notifications/read-all/").json() == {"marked": 0}
    assert api_client().get("/api/notifications/").status_code in (401, 403)
