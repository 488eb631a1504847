"""Celery tasks: scan one stored site, and (from beat every 15 minutes) queue every site that is due."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

SCAN_SOFT_LIMIT = 30 * 60


def recheck_pages(site, result, *, config, blocklist_path=None) -> None:
    """Fetch the pages with open findings the crawl did not reach, one page each, and add them to ``result``."""
    from dataclasses import replace

    from canhgiac.webwatch.engine import scan_site
    from canhgiac.webwatch.services import pages_to_recheck

    one_page = replace(config, max_depth=0, max_pages=1, use_sitemaps=False)
    for url in pages_to_recheck(site, result):
        page = next((p for p in scan_site(url, config=one_page, blocklist_path=blocklist_path).pages), None)
        if page is not None and page.url == url:
            page.via = "recheck"
            result.pages.append(page)


def run_site_scan(site, *, actor=None, config=None, blocklist_path=None):
    """Scan a stored site with its baseline and record the result; an engine crash becomes the run's error."""
    from canhgiac.webwatch import services
    from canhgiac.webwatch.engine import ScanError, SiteResult, scan_site
    from canhgiac.webwatch.engine.results import now

    config = config or services.scan_config()
    try:
        result = scan_site(site.url, config=config, baseline=site.baseline or None, blocklist_path=blocklist_path)
        recheck_pages(site, result, config=config, blocklist_path=blocklist_path)
    except SoftTimeLimitExceeded:
        result = SiteResult(url=site.url, finished_at=now())
        result.errors.append(ScanError(site.url, "timeout", "Lần quét vượt quá thời gian cho phép, đã dừng."))
    except Exception as exc:  # noqa: BLE001 - a hostile site never stops the run; the error is stored
        result = SiteResult(url=site.url, finished_at=now())
        result.errors.append(ScanError(site.url, "other", f"Lỗi không mong đợi khi quét: {exc!r}"[:300]))
    return services.record_scan(site, result, actor=actor)


@shared_task(soft_time_limit=SCAN_SOFT_LIMIT, time_limit=SCAN_SOFT_LIMIT + 120)
def scan_site_task(site_id: int, queued_at: str | None = None) -> str:
    """Scan one site (reloaded by its key) and store the run; returns the run's status.

    Idempotent: a scan queued at ``queued_at`` is not repeated when the site has been scanned since (the message
    came back because a worker died after recording the run but before acknowledging it)."""
    import datetime as dt

    from canhgiac.webwatch.models import Site

    site = Site.objects.filter(pk=site_id).first()
    if site is None:
        return "missing"
    if queued_at and site.last_scan_at and site.last_scan_at >= dt.datetime.fromisoformat(queued_at):
        return "already-scanned"
    return run_site_scan(site).status


@shared_task(soft_time_limit=120, time_limit=180)
def scan_due_sites() -> int:
    """Queue a scan of every active site whose next scan time has come; returns how many were queued."""
    from canhgiac.webwatch.services import queue_due_sites

    return len(queue_due_sites())
