"""The admin cannot remove credentials or login logs without a trace."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from canhgiac.core.models import SecurityEvent, User
from canhgiac.core.testing import login


@pytest.fixture
def admin_client(world, client):
    superuser = User.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-thu-nghiem-2026")
    login(client, superuser)
    client.superuser = superuser
    return client


def test_deleting_a_token_in_admin_leaves_a_trace(world, admin_client):
    officer = world.user("officer")
    token = Token.objects.create(user=officer)
    listing = admin_client.get("/admin/authtoken/tokenproxy/").content.decode()
    assert token.key not in listing  # the admin does not show whole keys either
    response = admin_client.post(f"/admin/authtoken/tokenproxy/{officer.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=officer).exists()
    event = SecurityEvent.objects.get(action="token_revoked")
    assert event.actor == admin_client.superuser and event.subject == "officer" and token.key[:6] in event.detail


def test_admin_cannot_create_a_token_for_someone_else(world, admin_client):
    response = admin_client.post("/admin/authtoken/tokenproxy/add/", {"user": world.user("officer").pk})
    assert response.status_code == 403
    assert not Token.objects.exists()


def test_deleting_a_totp_device_leaves_a_trace_and_devices_cannot_be_added(world, admin_client):
    officer = world.user("officer")
    device = TOTPDevice.objects.create(user=officer, name="điện thoại cũ", confirmed=True)
    assert admin_client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    response = admin_client.post(
        "/admin/otp_totp/totpdevice/",
        {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    event = SecurityEvent.objects.get(action="device_deleted")
    assert event.subject == "officer" and "điện thoại cũ" in event.detail


def test_login_logs_cannot_be_deleted(world, admin_client):
    log = AccessLog.objects.create(username="officer", ip_address="10.0.0.1", user_agent="x", path_info="/login/")
    failure = AccessFailureLog.objects.create(
        username="officer", ip_address="10.0.0.1", user_agent="x", path_info="/login/", locked_out=False
    )
    assert admin_client.post(f"/admin/axes/accesslog/{log.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(f"/admin/axes/accessfailurelog/{failure.pk}/delete/", {"post": "yes"}).status_code == 403
    admin_client.post(
        "/admin/axes/accesslog/", {"action": "delete_selected", "_selected_action": [log.pk], "post": "yes"}
    )
    assert AccessLog.objects.filter(pk=log.pk).exists()
    assert AccessFailureLog.objects.filter(pk=failure.pk).exists()


def test_unlocking_leaves_a_trace(world, admin_client):
    attempt = AccessAttempt.objects.create(
        username="officer", ip_address="10.0.0.1", user_agent="x", path_info="/login/", failures_since_start=5
    )
    admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    event = SecurityEvent.objects.get(action="lockout_cleared")
    assert event.subject == "officer" and "5 lần sai" in event.detail


def test_security_events_are_read_only_in_admin(world, admin_client):
    Token.objects.create(user=world.user("officer"))
    admin_client.post(f"/admin/authtoken/tokenproxy/{world.user('officer').pk}/delete/", {"post": "yes"})
    event = SecurityEvent.objects.get()
    assert admin_client.get("/admin/core/securityevent/").status_code == 200
    assert admin_client.post(f"/admin/core/securityevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert SecurityEvent.objects.filter(pk=event.pk).exists()
