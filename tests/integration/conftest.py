import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


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


@pytest.fixture
def start_worker(transactional_db):
    """Start a real Celery worker process (``canhgiac worker``) with the given broker."""
    processes = []

    def start(broker_url: str | None = None):
        env = child_env(**({"CELERY_BROKER_URL": broker_url} if broker_url else {}))
        log = open(Path(settings.VAR_DIR) / f"worker-{len(processes)}.log", "wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "canhgiac.cli", "worker", "--pool=solo", "--concurrency=1", "--without-heartbeat"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        return process

    # Messages queued by earlier tests (whose rows are gone) must not reach this worker.
    queue = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}).get("data_folder_in")
    if queue:
        for message in Path(queue).glob("*.msg"):
            message.unlink(missing_ok=True)
    connection.close()
    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def redis_url():
    """A private redis-server on a free loopback port (Debian's redis-server; CI installs it)."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.path.exists(binary):
        raise AssertionError("redis-server is not installed: apt-get install redis-server (CI's .ci/run does)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    wait_until(lambda: _ping(redis.Redis.from_url(url)), 15, "redis-server")
    yield url
    process.terminate()
    process.wait(timeout=10)


def _ping(client) -> bool:
    try:
        return client.ping()
    except Exception:
        return False
