"""Login lockout: per account over all addresses, per address over all accounts, trusted proxies, back-off."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import RequestFactory
from django.utils import timezone

from canhgiac.core.lockout import client_ip, cool_off

PASSWORD = "mat-khau-thu-nghiem-2026"
PROXY = "10.9.0.2"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.9.0.0/24"]
    return settings


def _login(client, username, password, address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}
    return client.post("/login/", {"username": username, "password": password}, **extra)


def _request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_forwarded_header_believed_only_from_a_trusted_proxy(behind_proxy):
    assert client_ip(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"  # not a proxy: header ignored
    assert client_ip(_request(PROXY, "198.51.100.1")) == "198.51.100.1"
    # A client forging the header: the proxy appends the real address, which is what counts.
    assert client_ip(_request(PROXY, "1.2.3.4, 198.51.100.1")) == "198.51.100.1"
    assert client_ip(_request(PROXY, "198.51.100.1, 10.9.0.3")) == "198.51.100.1"  # two proxies in the chain
    assert client_ip(_request(PROXY, "rác")) == PROXY
    assert client_ip(_request(PROXY)) == PROXY


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("127.0.0.1", "198.51.100.1")) == "127.0.0.1"


def test_one_user_failing_behind_the_proxy_does_not_lock_everyone(world, client, behind_proxy):
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT):
        _login(client, "officer", "sai-mat-khau", PROXY, forwarded="198.51.100.1")
    assert _login(client, "officer", PASSWORD, PROXY, forwarded="198.51.100.1").status_code == 429
    # Another person behind the same proxy (and even the administrator) still signs in.
    assert _login(client, "inspector", PASSWORD, PROXY, forwarded="198.51.100.2").status_code == 302
    assert AccessAttempt.objects.filter(ip_address="198.51.100.1").exists()
    assert not AccessAttempt.objects.filter(ip_address=PROXY).exists()


def test_guessing_from_many_addresses_locks_the_account(world, client, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer", "sai-mat-khau", f"198.51.100.{i + 10}")
    locked = _login(client, "officer", PASSWORD, "198.51.100.200")
    assert locked.status_code == 429
    assert "phút" in locked.content.decode() and "tạm khoá" in locked.content.decode()


def test_one_address_trying_many_accounts_is_locked(world, client, settings):
    settings.LOCKOUT_ADDRESS_LIMIT = 8
    accounts = ["officer", "inspector", "leader", "viewer"]
    for i in range(settings.LOCKOUT_ADDRESS_LIMIT - 1):
        _login(client, accounts[i % len(accounts)], "sai-mat-khau", "203.0.113.50")
    # Below both limits: still allowed (each account has at most 2 failures).
    assert _login(client, "district_officer", PASSWORD, "203.0.113.50").status_code == 302
    client.post("/logout/")
    _login(client, "leader", "sai-mat-khau", "203.0.113.50")
    assert _login(client, "district_officer", PASSWORD, "203.0.113.50").status_code == 429
    assert _login(client, "district_officer", PASSWORD, "203.0.113.51").status_code == 302


def test_lockouts_back_off(world, settings):
    settings.LOCKOUT_BASE_MINUTES = 15
    request = RequestFactory().post("/login/", {"username": "officer", "password": "x"}, REMOTE_ADDR="198.51.100.9")
    request.axes_ip_address = "198.51.100.9"
    assert cool_off(request) == timedelta(minutes=15)

    def fail(times, address):
        for _ in range(times):
            AccessFailureLog.objects.create(
                username="officer", ip_address=address, user_agent="", path_info="/login/", attempt_time=timezone.now()
            )

    fail(settings.AXES_FAILURE_LIMIT, "198.51.100.1")
    assert cool_off(request) == timedelta(minutes=15)  # the first lockout
    fail(settings.AXES_FAILURE_LIMIT, "198.51.100.2")
    assert cool_off(request) == timedelta(minutes=30)  # the second in a day lasts twice as long
    fail(settings.AXES_FAILURE_LIMIT * 2, "198.51.100.3")
    assert cool_off(request) == timedelta(minutes=120)
    fail(settings.AXES_FAILURE_LIMIT * 40, "198.51.100.4")
    assert cool_off(request) == timedelta(minutes=settings.LOCKOUT_MAX_MINUTES)
