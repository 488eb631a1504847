"""Abuse control of the public portal without any outside service: follow-up codes nobody can guess, a per-address
rate limit, the address kept only as a keyed hash, and the content fingerprint that merges double submissions."""

import hashlib
import hmac
import re
import secrets
import time

from django.conf import settings
from django.core.cache import cache

from canhgiac.core.lockout import client_ip
from canhgiac.core.services import ServiceError
from canhgiac.intake import conf

# No 0/O, 1/I/L: a code read out on the telephone or copied by hand is not misread. 16 characters of 31: ~79 bits.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16


class RateLimited(ServiceError):
    """Too many requests of one kind from one address; the message says how long to wait."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def clean_code(text: str) -> str:
    """The code as stored, from what a person typed: case, spaces and dashes do not matter."""
    raw = re.sub(r"[\s\-]", "", str(text or "")).upper()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def address_hash(request) -> str:
    """The client's address as a keyed hash: enough to count requests, not to recover the address."""
    address = client_ip(request) or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def content_hash(*parts: str) -> str:
    text = "\n".join(" ".join(str(p).lower().split()) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _window(name: str, key: str) -> tuple[str, int, int]:
    count, seconds = conf.rate(name)
    window = int(time.time() // seconds)
    retry = seconds - int(time.time() % seconds)
    return f"intake:{name}:{key}:{window}", count, retry


def _wait_text(seconds: int) -> str:
    return f"{seconds} giây" if seconds < 120 else f"{(seconds + 59) // 60} phút"


MESSAGES = {
    "submit": "Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau {wait}.",
    "lookup": "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {wait}.",
    "code": "Mã tra cứu đã bị nhập sai quá nhiều lần. Vui lòng thử lại sau {wait}.",
}


def check_rate(name: str, key: str) -> None:
    """Count one request of kind ``name`` from ``key``; refuse once the window's allowance is used."""
    cache_key, allowed, retry = _window(name, key)
    cache.add(cache_key, 0, timeout=retry + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=retry + 1)
        used = 1
    if used > allowed:
        raise RateLimited(MESSAGES[name].format(wait=_wait_text(retry)), retry)


def check_blocked(name: str, key: str) -> None:
    """Refuse when the window's allowance of ``name`` (counted by :func:`count_failure`) is used, without counting."""
    cache_key, allowed, retry = _window(name, key)
    if (cache.get(cache_key) or 0) >= allowed:
        raise RateLimited(MESSAGES[name].format(wait=_wait_text(retry)), retry)


def count_failure(name: str, key: str) -> None:
    cache_key, _, retry = _window(name, key)
    cache.add(cache_key, 0, timeout=retry + 1)
    try:
        cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=retry + 1)
