"""A stored site is scanned as a Celery job by a real worker process, and its findings are stored."""

import pytest
from tests.processes import wait_until

from canhgiac.webwatch.models import Finding, ScanRun
from canhgiac.webwatch.services import add_site
from canhgiac.webwatch.tasks import scan_site_task

pytestmark = pytest.mark.worker


def test_worker_scans_injected_site_and_stores_findings(world, start_worker, sites, monkeypatch):
    monkeypatch.setenv("CANHGIAC_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")  # the worker inherits it; loopback is refused
    site = add_site(
        actor=world.user("officer"), url=sites["injected"], name="Cổng TTĐT thử", owner_agency=world.agency("STTTT")
    )
    worker = start_worker()
    scan_site_task.delay(site.pk)
    wait_until(lambda: ScanRun.objects.filter(site=site, finished_at__isnull=False).exists(), 120, "the scan job")
    assert worker.poll() is None
    run = ScanRun.objects.get(site=site)
    assert run.status == "findings"
    assert Finding.objects.filter(site=site, status="new").exists()
