"""Helpers for tests that start real processes (web server, Celery worker, redis-server)."""

import os
import socket
import time

from django.conf import settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the test database this process uses, for child processes (web server, worker)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def child_env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url(), "CANHGIAC_VAR": str(settings.VAR_DIR), "DB_CONN_MAX_AGE": "0"})
    env.update(extra)
    return env


def wait_until(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def redis_answers(client) -> bool:
    try:
        return client.ping()
    except Exception:
        return False
