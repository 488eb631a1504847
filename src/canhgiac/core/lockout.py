"""Login lockout that neither a reverse proxy nor many addresses defeat (django-axes configured here).

- The client's address is ``REMOTE_ADDR``; ``X-Forwarded-For`` is believed only when the request comes from a
  trusted proxy (``CANHGIAC_TRUSTED_PROXIES``: addresses or networks), read from the right and skipping the
  trusted proxies, so a forged header prepended by the client changes nothing.
- An account is locked after ``AXES_FAILURE_LIMIT`` failures from any addresses together; an address after
  ``LOCKOUT_ADDRESS_LIMIT`` failures over any accounts (higher: an office behind one NAT address shares it).
- Back-off: each new lockout of the same account or address within a day lasts twice as long as the previous
  one (from ``LOCKOUT_BASE_MINUTES`` up to ``LOCKOUT_MAX_MINUTES``), counted from the failure log that is kept.
"""

import ipaddress
from datetime import timedelta
from functools import lru_cache

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]):
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in spec if item.strip())


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address) -> bool:
    return address is not None and any(address in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    """The address of the client: the proxy chain in ``X-Forwarded-For`` walked back while it is trusted."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if not _trusted(remote):
        return str(remote) if remote else None
    hops = [_address(hop) for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:
            return str(remote)  # a malformed hop: the chain cannot be believed beyond it
        if not _trusted(hop):
            return str(hop)
    return str(remote)


def _recent_lockouts(request) -> int:
    """How many lockouts this account or address has had in the last day (from the kept failure log)."""
    if request is None:
        return 0
    since = timezone.now() - timedelta(days=1)
    username = get_client_username(request)
    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    account = AccessFailureLog.objects.filter(username=username, attempt_time__gte=since).count() if username else 0
    by_address = AccessFailureLog.objects.filter(Q(ip_address=address), attempt_time__gte=since).count()
    return max(account // settings.AXES_FAILURE_LIMIT, by_address // settings.LOCKOUT_ADDRESS_LIMIT)


def cool_off(request=None) -> timedelta:
    """The lockout length: doubled with each earlier lockout in the last day, within the configured bounds."""
    lockouts = max(_recent_lockouts(request) - 1, 0)
    minutes = min(settings.LOCKOUT_BASE_MINUTES * 2 ** min(lockouts, 16), settings.LOCKOUT_MAX_MINUTES)
    return timedelta(minutes=minutes)


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with separate limits: the account (``AXES_LOCKOUT_PARAMETERS[0]``, "username") and
    the address (``[1]``, "ip_address"). Axes compares one number with ``AXES_FAILURE_LIMIT``; the address count
    is shifted so that it reaches that limit exactly when it reaches ``LOCKOUT_ADDRESS_LIMIT``."""

    def get_failures(self, request, credentials=None) -> int:
        account, address = (self._sum(attempts) for attempts in self.get_user_attempts(request, credentials))
        return max(account, address - (settings.LOCKOUT_ADDRESS_LIMIT - settings.AXES_FAILURE_LIMIT))

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in forgives that account's own failures only: the address keeps the failures made
        there on other accounts (else one valid account would reset an address that is guessing passwords)."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count

    @staticmethod
    def _sum(attempts) -> int:
        return sum(attempts.values_list("failures_since_start", flat=True))


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (429) saying how long the lock lasts, in minutes."""
    minutes = max(int(cool_off(request).total_seconds() // 60), 1)
    return render(request, "core/locked_out.html", {"minutes": minutes}, status=429)
