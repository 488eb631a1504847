"""API tokens: two-factor cannot be skipped with a token; users create, see and revoke their own token."""

import re

from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from canhgiac.core.models import SecurityEvent
from canhgiac.core.testing import login

AGENCY = {"name": "Cơ quan thử", "code": "THU", "kind": "authority"}


def _token_client(user):
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_token_of_an_administrator_without_totp_is_refused(world):
    administrator = world.user("administrator")
    client = _token_client(administrator)
    response = client.post("/api/agencies/", AGENCY, format="json")
    assert response.status_code == 403
    assert "xác thực hai lớp" in response.json()["detail"]
    assert client.get("/api/agencies/").status_code == 403


def test_unconfirmed_device_is_not_enough(world):
    administrator = world.user("administrator")
    TOTPDevice.objects.create(user=administrator, name="chưa xác nhận", confirmed=False)
    assert _token_client(administrator).get("/api/agencies/").status_code == 403


def test_token_of_an_enrolled_administrator_works(world):
    administrator = world.user("administrator")
    TOTPDevice.objects.create(user=administrator, name="điện thoại", confirmed=True)
    response = _token_client(administrator).post("/api/agencies/", AGENCY, format="json")
    assert response.status_code == 201, response.content


def test_token_of_a_role_without_totp_works(world):
    assert _token_client(world.user("officer")).get("/api/agencies/").status_code == 200


def test_user_creates_sees_once_and_revokes_own_token(world, client):
    officer = world.user("officer")
    login(client, officer)
    page = client.get("/account/tokens/")
    assert page.status_code == 200 and "Chưa có mã API" in page.content.decode()

    created = client.post("/account/tokens/", {"action": "create"})
    assert created.status_code == 200
    token = Token.objects.get(user=officer)
    assert token.key in created.content.decode()
    listing = client.get("/account/tokens/").content.decode()
    assert token.key not in listing and token.key[:6] in listing

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/agencies/").status_code == 200

    revoked = client.post("/account/tokens/", {"action": "revoke"}, follow=True)
    assert "Đã thu hồi mã API" in revoked.content.decode()
    assert not Token.objects.filter(user=officer).exists()
    assert api.get("/api/agencies/").status_code in (401, 403)
    event = SecurityEvent.objects.get(action="token_revoked")
    assert event.actor == officer and event.subject == officer.username and token.key[:6] in event.detail
    assert SecurityEvent.objects.filter(action="token_created", actor=officer).exists()


def test_a_second_token_replaces_the_first_with_a_trace(world, client):
    officer = world.user("officer")
    login(client, officer)
    client.post("/account/tokens/", {"action": "create"})
    first = Token.objects.get(user=officer).key
    page = client.post("/account/tokens/", {"action": "create"}).content.decode()
    second = Token.objects.get(user=officer).key
    assert first != second and second in page
    assert SecurityEvent.objects.filter(action="token_revoked", detail__contains=first[:6]).exists()


def test_token_page_requires_login(client):
    response = client.get("/account/tokens/")
    assert response.status_code == 302 and re.match(r"^/login/", response["Location"])
