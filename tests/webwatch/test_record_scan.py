"""Recording scans of a real local site: runs, pages with SHA-256s, findings kept by key and marked fixed."""

from __future__ import annotations

import pytest

from canhgiac.webwatch.engine import ScanConfig
from canhgiac.webwatch.models import Finding, PageSnapshot, ScanRun
from canhgiac.webwatch.services import add_site
from canhgiac.webwatch.tasks import run_site_scan


@pytest.fixture
def site_for(world):
    def make(url, agency="UBND-CL"):
        return add_site(
            actor=world.user("officer"), url=url, name="Cổng thông tin huyện", owner_agency=world.agency(agency)
        )

    return make


@pytest.fixture
def scan(fast_scan, blocklist_file):
    def run(site):
        site.refresh_from_db()
        return run_site_scan(site, config=ScanConfig(**fast_scan), blocklist_path=blocklist_file)

    return run


def test_record_scan_stores_run_pages_with_sha256_and_findings(world, scan, switchable, site_for, blocklist_file):
    site = site_for(switchable.url)
    run = scan(site)
    assert run.status == "findings" and run.page_count >= 3
    home = PageSnapshot.objects.get(run=run, url=switchable.url)
    assert set(home.sha256) == {"browser", "google_referrer", "googlebot", "mobile_google"}
    assert all(len(digest) == 64 for digest in home.sha256.values())
    hidden = Finding.objects.get(site=site, check_name="hidden_links")
    assert hidden.status == "new" and hidden.severity == "critical"
    assert "new88-vip.com" in hidden.domains and hidden.first_seen_run == run == hidden.last_seen_run
    assert Finding.objects.filter(site=site, check_name="doorway").exists()
    site.refresh_from_db()
    assert site.last_status == "findings" and site.baseline == {}

    again = scan(site)  # still injected: the same findings, not new ones
    hidden.refresh_from_db()
    assert hidden.status == "new" and hidden.first_seen_run == run and hidden.last_seen_run == again
    assert Finding.objects.filter(site=site, check_name="hidden_links").count() == 1


def test_rescan_after_cleanup_marks_findings_fixed_and_stores_baseline(
    world, scan, switchable, site_for, blocklist_file
):
    site = site_for(switchable.url)
    scan(site)
    opened = set(Finding.objects.filter(site=site, status="new").values_list("check_name", flat=True))
    assert {"hidden_links", "doorway"} <= opened
    switchable.mode = "clean"
    run = scan(site)
    assert run.status == "clean"
    hidden = Finding.objects.get(site=site, check_name="hidden_links")
    assert hidden.status == "resolved" and hidden.fixed_at is not None
    assert not Finding.objects.filter(site=site, status="new").exists()  # incl. those of the removed doorway page
    assert hidden.history.first().history_change_reason == "Không còn thấy khi quét lại"
    site.refresh_from_db()
    assert site.last_status == "clean" and site.baseline["pages"]

    switchable.mode = "injected"  # injected again: the same finding reopens
    scan(site)
    hidden.refresh_from_db()
    assert hidden.status == "new" and hidden.fixed_at is None


def test_failed_scan_marks_nothing_fixed(world, scan, switchable, site_for, blocklist_file):
    site = site_for(switchable.url)
    scan(site)
    open_before = Finding.objects.filter(site=site, status="new").count()
    switchable.mode = "down"
    run = scan(site)
    assert run.status == "error" and run.errors
    assert any(e["kind"] == "http_status" for e in run.errors)
    assert Finding.objects.filter(site=site, status="new").count() == open_before
    site.refresh_from_db()
    assert site.last_status == "error"


def test_unreachable_site_is_an_error_run(world, scan, sites, site_for, blocklist_file):
    site = site_for(sites["dead"])
    run = scan(site)
    assert run.status == "error" and run.errors[0]["kind"] == "connect"
    assert ScanRun.objects.filter(site=site).count() == 1 and not site.findings.exists()
