import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from canhgiac.core.choices import AgencyKindChoices as K
from canhgiac.core.choices import RoleChoices as R
from canhgiac.core.models import Agency, User
from canhgiac.units.models import AdministrativeUnit
from tests.processes import child_env, free_port, redis_answers, wait_until

ROLE_AGENCY = {
    R.ADMINISTRATOR: "STTTT",
    R.LEADER: "STTTT",
    R.INSPECTOR: "TTRA",
    R.OFFICER: "STTTT",
    R.POLICE_LIAISON: "CAT-ANM",
    R.CARRIER_OPERATOR: "VIETTEL",
    R.DISTRICT_OFFICER: "UBND-CL",
    R.VIEWER: "STTTT",
}


class World:
    """Agencies and one user per role, as a provincial deployment has them."""

    def __init__(self):
        self.agencies = {}
        for code, kind in [
            ("STTTT", K.AUTHORITY),
            ("TTRA", K.AUTHORITY),
            ("CAT-ANM", K.POLICE),
            ("VIETTEL", K.CARRIER),
            ("VNPT", K.CARRIER),
            ("UBND-CL", K.DISTRICT),
            ("UBND-HK", K.DISTRICT),
            ("BAO", K.PRESS),
        ]:
            self.agencies[code] = Agency.objects.create(code=code, name=f"Cơ quan {code}", kind=kind)
        # The province and two communes (in force since 1 July 2025), as the agencies' "địa bàn".
        start = dt.date(2025, 7, 1)
        province = AdministrativeUnit.objects.create(code="99", name="Tỉnh Thử", kind="province", valid_from=start)
        self.units = {"STTTT": province, "TTRA": province}
        for code, number, name in [("UBND-CL", "99001", "Phường Một"), ("UBND-HK", "99002", "Xã Hai")]:
            self.units[code] = AdministrativeUnit.objects.create(
                code=number, name=name, kind="commune", parent=province, valid_from=start
            )
        for code, unit in self.units.items():
            Agency.objects.filter(pk=self.agencies[code].pk).update(unit=unit)
            self.agencies[code].unit = unit
        self._users = {}
        for role, code in ROLE_AGENCY.items():
            self._users[role] = User.objects.create_user(
                username=role, password="mat-khau-thu-nghiem-2026", role=role, agency=self.agencies[code]
            )
        self.counts = {}

    def user(self, role):
        return self._users[role]

    def agency(self, code):
        return self.agencies[code]


@pytest.fixture
def world(db):
    world = World()
    from canhgiac.cases.models import Case, Evidence, Indicator
    from canhgiac.core.models import Document

    world.counts = {
        model: model.objects.count() for model in (Agency, Document, Case, Indicator, Evidence, AdministrativeUnit)
    }
    return world


# What the data migrations put in the tables (holidays, legal deadline rules, agency kinds, outreach topics): the
# flush after a transactional test empties those tables, so they are put back for the tests that follow.
MIGRATION_SEEDS = (
    ("canhgiac.core.migrations.0003_workflow_deadlines_notifications", "load_reference_data"),
    ("canhgiac.core.migrations.0007_agency_kinds_and_units", "seed_kinds"),
    ("canhgiac.intake.migrations.0002_deadline_rules", "add_rules"),
    ("canhgiac.outreach.migrations.0002_topics", "add_topics"),
    ("canhgiac.petitions.migrations.0002_deadline_rules", "load_rules"),
)


def _flushes(item) -> bool:
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # every fixture is finalised by now, the transactional test's flush included
    if nextitem is None or not _flushes(item):  # after the last test the test database is gone already
        return
    import importlib

    from django.apps import apps
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for module, function in MIGRATION_SEEDS:
            getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher; tests create many users, so they hash with MD5.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def start_worker(transactional_db):
    """Start a real Celery worker process (``canhgiac worker``) with the given broker."""
    processes = []

    def start(broker_url: str | None = None, *, queues: str = "", **extra_env):
        env = child_env(**({"CELERY_BROKER_URL": broker_url} if broker_url else {}), **extra_env)
        log = open(Path(settings.VAR_DIR) / f"worker-{len(processes)}.log", "wb")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "canhgiac.cli",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "--without-heartbeat",
                f"--hostname=w{len(processes)}@%h",
                *([f"--queues={queues}"] if queues else []),
            ],
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

    wait_until(lambda: redis_answers(redis.Redis.from_url(url)), 15, "redis-server")
    yield url
    process.terminate()
    process.wait(timeout=10)
