"""Scale-out on real engines: workers on separate queues of a Redis broker, and a worker killed in the middle of a
website scan whose scan is then finished by another worker (acks_late, idempotent scan task)."""

from __future__ import annotations

import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from canhgiac.core.imports.kinds import get_kind
from canhgiac.core.imports.templates import template_xlsx
from canhgiac.core.models import ImportJob
from canhgiac.webwatch.models import ScanRun
from canhgiac.webwatch.services import add_site
from tests.processes import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.redis]

PAGE = b"<html><head><title>Cong thong tin xa</title></head><body><p>Tin tuc dia phuong.</p></body></html>"


class SlowSite:
    """A website on loopback whose home page takes ``delay`` seconds while ``slow`` is set."""

    def __init__(self):
        self.requests = 0
        self.slow = threading.Event()
        self.slow.set()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.requests += 1
                if self.path == "/" and site.slow.is_set():
                    time.sleep(6)
                body = PAGE if self.path == "/" else b""
                self.send_response(200 if self.path == "/" else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def slow_site():
    site = SlowSite()
    yield site
    site.server.shutdown()


def _log(n: int) -> str:
    return (Path(settings.VAR_DIR) / f"worker-{n}.log").read_text(errors="replace")


def test_tasks_are_routed_to_their_queues():
    from canhgiac.celery import app

    def queue(name: str) -> str:
        return app.amqp.router.route({}, name)["queue"].name

    assert queue("canhgiac.webwatch.tasks.scan_site_task") == "scans"
    assert queue("canhgiac.core.tasks.run_import_job") == "imports"
    assert queue("canhgiac.core.tasks.raise_deadline_reminders") == "celery"
    assert get_kind("content").queue == "classification" and get_kind("cases").queue == "imports"


def test_a_scan_whose_worker_dies_is_finished_by_another(world, start_worker, redis_url, slow_site):
    env = {"CANHGIAC_FETCH_ALLOW_NETWORKS": "127.0.0.0/8", "CELERY_VISIBILITY_TIMEOUT": "4"}
    importer = start_worker(redis_url, queues="imports,classification", **env)
    first = start_worker(redis_url, queues="scans", **env)
    officer = world.user("officer")
    site = add_site(actor=officer, url=slow_site.url, name="Cổng xã", owner_agency=world.agency("UBND-CL"))
    job = ImportJob(kind="cases", mode="all", original_name="mau.xlsx", created_by=officer)
    job.file.save("mau.xlsx", ContentFile(template_xlsx(get_kind("cases"))), save=False)
    job.save()
    sender = Celery(broker=redis_url, set_as_current=False)
    sender.send_task(
        "canhgiac.webwatch.tasks.scan_site_task", args=[site.pk, timezone.now().isoformat()], queue="scans"
    )
    sender.send_task("canhgiac.core.tasks.run_import_job", args=[job.pk], queue="imports")
    wait_until(lambda: slow_site.requests > 0, 60, "the first scan worker to start fetching the site")
    first.send_signal(signal.SIGKILL)  # dies mid-scan, its message unacknowledged
    first.wait(timeout=10)
    assert not ScanRun.objects.filter(site=site).exists()
    slow_site.slow.clear()
    start_worker(redis_url, queues="scans", **env)
    wait_until(lambda: ScanRun.objects.filter(site=site).exists(), 90, "another worker to finish the scan")
    wait_until(lambda: ImportJob.objects.get(pk=job.pk).status == "done", 60, "the import worker")
    time.sleep(5)  # past the visibility timeout: the finished scan's message is not run again
    assert ScanRun.objects.filter(site=site).count() == 1
    assert importer.poll() is None
    ran = "Task canhgiac.webwatch.tasks.scan_site_task["
    assert ran not in _log(0) and "Task canhgiac.core.tasks.run_import_job[" in _log(0)  # its own queues only
    assert ran in _log(1) and f"{ran}" in _log(2) and "succeeded" in _log(2)
