"""Celery tasks run in-process (no worker): a scan stores a run; the beat task queues only due sites."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from canhgiac.webwatch import tasks
from canhgiac.webwatch.models import ScanRun, Site
from canhgiac.webwatch.services import add_site


def test_scan_site_task_stores_a_run(world, sites, settings, fast_scan):
    settings.WEBWATCH_SCAN = fast_scan
    site = add_site(actor=world.user("officer"), url=sites["clean"], name="Sở", owner_agency=world.agency("STTTT"))
    assert tasks.scan_site_task(site.pk) == "clean"
    run = ScanRun.objects.get(site=site)
    assert run.page_count >= 3 and run.status == "clean"
    site.refresh_from_db()
    assert site.last_status == "clean" and site.baseline["pages"]


def test_scan_site_task_stores_errors_of_hostile_site(world, sites, settings, fast_scan):
    settings.WEBWATCH_SCAN = fast_scan | {"max_bytes": 256 * 1024}
    site = add_site(actor=world.user("officer"), url=sites["hostile"], name="X", owner_agency=world.agency("STTTT"))
    tasks.scan_site_task(site.pk)
    run = ScanRun.objects.get(site=site)
    kinds = {e["kind"] for e in run.errors}
    assert {"timeout", "too_large", "redirect_loop"} <= kinds


def test_scan_due_sites_queues_only_due_active_sites(world, monkeypatch, django_capture_on_commit_callbacks):
    now = timezone.now()
    officer, agency = world.user("officer"), world.agency("STTTT")
    due = add_site(actor=officer, url="https://a.example/", name="A", owner_agency=agency, next_scan_at=now)
    later = add_site(
        actor=officer, url="https://b.example/", name="B", owner_agency=agency, next_scan_at=now + dt.timedelta(hours=3)
    )
    add_site(actor=officer, url="https://c.example/", name="C", owner_agency=agency, active=False)
    queued = []
    monkeypatch.setattr(tasks.scan_site_task, "delay", lambda pk, queued_at: queued.append(pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.scan_due_sites.apply().get() == 1
    assert queued == [due.pk]
    due.refresh_from_db()
    assert due.next_scan_at > now + dt.timedelta(hours=23)
    assert Site.objects.get(pk=later.pk).next_scan_at == later.next_scan_at
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.scan_due_sites.apply().get() == 0  # nothing due twice


def test_watch_command_scans_stored_site_and_records(world, sites, capsys):
    site = add_site(actor=world.user("officer"), url=sites["clean"], name="Sở", owner_agency=world.agency("STTTT"))
    fast = ["--rate", "0", "--timeout", "2", "--retries", "1", "--allow-private"]
    call_command("watch", "scan", "--site-id", str(site.pk), *fast)
    assert ScanRun.objects.get(site=site).status == "clean"
