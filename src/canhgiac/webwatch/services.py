"""Every write of webwatch: sites, recorded scans (runs, pages, findings) and escalation of a finding to a case."""

from __future__ import annotations

import datetime as dt
import html
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canhgiac.cases.triage import EscalatingTriage
from canhgiac.core.models import Agency
from canhgiac.core.models.agencies import province_wide_kinds
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import (
    FieldError,
    PermissionDenied,
    RecordService,
    ServiceError,
    require_write,
    set_history,
)
from canhgiac.webwatch.choices import MALWARE_CHECKS
from canhgiac.webwatch.choices import FindingStatusChoices as FS
from canhgiac.webwatch.models import Finding, PageSnapshot, ScanRun, Site


def _require_site_access(site: Site, actor) -> None:
    if has_global_scope(actor):
        return
    if actor.agency_id is None or site.owner_agency_id != actor.agency_id:
        raise PermissionDenied("Bạn chỉ quản lý được trang web của cơ quan mình.")


class SiteService(RecordService):
    """Watched sites: an agency registers and manages its own sites; provincial staff manage every site."""

    model = Site
    fields = (
        "url",
        "name",
        "owner_agency",
        "contact_name",
        "contact_phone",
        "contact_email",
        "active",
        "interval_hours",
        "next_scan_at",
    )
    verb = "trang web giám sát"
    denied = "Bạn chỉ quản lý được trang web của cơ quan mình."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor) or (actor.agency_id is not None and obj.owner_agency_id == actor.agency_id)

    def prepare(self, actor, obj, data, created):
        if obj.interval_hours is not None and obj.interval_hours < 1:
            raise FieldError("interval_hours", "Chu kỳ quét phải từ 1 giờ trở lên.")
        if created and obj.next_scan_at is None:
            obj.next_scan_at = timezone.now()  # due for its first scan at once
        if obj.owner_agency_id is not None:
            _require_site_access(obj, actor)  # moving a site to another agency is for authority staff only


sites = SiteService()


def add_site(*, actor, **fields) -> Site:
    """Register a site to watch; it is due for its first scan at once."""
    return sites.create(actor=actor, reason="Thêm trang web giám sát", **fields)


def update_site(site: Site, *, actor, **fields) -> Site:
    return sites.update(site, actor=actor, reason="Cập nhật trang web giám sát", **fields)


def _scanned_ok(page) -> bool:
    """The page was fetched by every visitor without error (or is gone: 404/410 for every visitor), so an absent
    finding there really is absent."""
    if not page.views:
        return False
    if all(v.status in (404, 410) for v in page.views):
        return True
    return not page.errors and all(200 <= v.status < 400 for v in page.views)


def pages_to_recheck(site: Site, result, limit: int = 20) -> list[str]:
    """Pages with open findings that this scan did not reach (a removed doorway page is no longer linked)."""
    if _site_failed(result):
        return []
    crawled = {p.url for p in result.pages}
    urls = (
        Finding.objects.filter(site=site, status=FS.NEW, site_level=False)
        .exclude(url="")
        .values_list("url", flat=True)
        .distinct()
    )
    return [u for u in urls if u not in crawled][:limit]


def _site_failed(result) -> bool:
    start = next((p for p in result.pages if p.via == "start"), None)
    return bool(result.errors) or start is None or not _scanned_ok(start)


@transaction.atomic
def record_scan(site: Site, result, *, actor=None) -> ScanRun:
    """Store one scan: the run, each page with its bodies' SHA-256, and the findings upserted by key.

    A finding seen again stays open (a fixed one reopens); an open finding absent from a successful re-scan of its
    page (or, for site-level findings, of the site) is marked fixed. A failed scan marks nothing fixed. After a
    clean scan the site's baseline is replaced by this scan's.
    """
    from canhgiac.webwatch.engine import site_baseline

    site = Site.objects.select_for_update().get(pk=site.pk)
    now = timezone.now()
    errors = [e.to_dict() for e in result.errors] + [e.to_dict() for e in result.page_errors()]
    alarms = [(f, f in result.findings) for f in result.all_findings() if f.alarm]
    # Findings a user dismissed as false alarms are still recorded as seen, but no longer make the site "findings".
    dismissed = set(Finding.objects.filter(site=site, status=FS.DISMISSED).values_list("key", flat=True))
    status = result.status_ignoring(dismissed)
    run = ScanRun(
        site=site,
        started_at=result.started_at,
        finished_at=result.finished_at or now,
        status=status,
        page_count=len(result.pages),
        finding_count=len({f.key for f, _ in alarms} - dismissed),
        errors=errors[:500],
        stats={**result.stats, "error_count": len(errors)},
        created_by=actor,
    )
    set_history(run, actor, "Ghi kết quả quét")
    run.save()
    PageSnapshot.objects.bulk_create(
        PageSnapshot(
            run=run,
            url=p.url[:2000],
            title=p.title[:500],
            fetched_at=p.fetched_at,
            sha256=p.sha256,
            views=[
                {
                    "identity": v.identity,
                    "status": v.status,
                    "sha256": v.sha256,
                    "size": v.size,
                    "final_url": v.final_url,
                }
                for v in p.views
            ],
            errors=[e.to_dict() for e in p.errors],
            created_by=actor,
        )
        for p in result.pages
    )
    existing = {f.key: f for f in Finding.objects.select_for_update().filter(site=site)}
    seen = set()
    for item, site_level in alarms:
        key = item.key
        if key in seen:
            continue
        seen.add(key)
        finding = existing.get(key)
        if finding is None:
            finding = Finding(site=site, key=key, first_seen_run=run, site_level=site_level, created_by=actor)
            reason = "Phát hiện dấu hiệu mới"
        elif finding.status == FS.RESOLVED:
            finding.status, finding.fixed_at = FS.NEW, None
            reason = "Dấu hiệu xuất hiện trở lại"
        else:
            continue  # still there: last_seen is moved below without a change-log row per scan
        finding.url = item.url[:2000]
        finding.check_name = item.check
        finding.severity = item.severity.label
        finding.why = item.why
        finding.evidence = item.evidence[:5000]
        finding.links, finding.domains, finding.identities = item.links[:200], item.domains[:200], item.identities
        finding.last_seen_run = run
        set_history(finding, actor, reason)
        finding.save()
    Finding.objects.filter(site=site, key__in=seen).update(last_seen_run=run)
    if not _site_failed(result):
        ok_pages = {p.url for p in result.pages if _scanned_ok(p)}
        for finding in existing.values():
            gone = finding.key not in seen and finding.status == FS.NEW
            if gone and (finding.site_level or finding.url in ok_pages):
                finding.status, finding.fixed_at = FS.RESOLVED, now
                set_history(finding, actor, "Không còn thấy khi quét lại")
                finding.save(update_fields=["status", "fixed_at", "last_updated"])
    site.last_status, site.last_scan_at = status, now
    update = ["last_status", "last_scan_at", "last_updated"]
    if status == "clean":
        site.baseline = site_baseline(result)
        update.append("baseline")
    set_history(site, actor, f"Quét: {run.get_status_display()}")
    site.save(update_fields=update)
    return run


def _lead_agency(actor) -> Agency:
    agency = getattr(actor, "agency", None)
    if agency is not None and agency.kind_info and agency.kind_info.province_wide:
        return agency
    kinds = province_wide_kinds()
    lead = Agency.objects.filter(kind__in=kinds, parent__isnull=True, is_active=True).order_by("id").first()
    lead = lead or Agency.objects.filter(kind__in=kinds, is_active=True).order_by("id").first()
    if lead is None:
        raise ServiceError("Chưa có cơ quan cấp tỉnh (loại cơ quan có phạm vi toàn tỉnh) để chủ trì vụ việc.")
    return lead


def evidence_text(finding: Finding) -> str:
    """The finding as a small HTML evidence file: URL, times, SHA-256 of each visitor's body, the snippet."""
    page = PageSnapshot.objects.filter(run=finding.last_seen_run, url=finding.url).first() if finding.url else None
    run = finding.last_seen_run
    rows = [
        ("Trang web", f"{finding.site.name} ({finding.site.url})"),
        ("Địa chỉ trang", finding.url or finding.site.url),
        ("Kiểm tra", f"{finding.check_name} — mức độ {finding.get_severity_display()}"),
        ("Lý do", finding.why),
        ("Phát hiện lần đầu", f"{finding.first_seen_run.started_at:%d/%m/%Y %H:%M:%S %Z}"),
        ("Thấy lần cuối", f"{run.started_at:%d/%m/%Y %H:%M:%S %Z}"),
    ]
    if page is not None:
        rows.append(("Tải trang lúc", f"{page.fetched_at:%d/%m/%Y %H:%M:%S %Z}"))
        rows += [(f"SHA-256 ({identity})", digest) for identity, digest in sorted(page.sha256.items())]
    rows += [("Loại khách thấy", ", ".join(finding.identities))]
    rows += [("Tên miền", ", ".join(finding.domains)), ("Liên kết", "\n".join(finding.links))]
    body = "".join(f"<tr><th>{html.escape(k)}</th><td><pre>{html.escape(str(v))}</pre></td></tr>" for k, v in rows)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Chứng cứ giám sát website</title></head>'
        f"<body><h1>Chứng cứ giám sát website</h1><table>{body}</table>"
        f"<h2>Trích đoạn</h2><pre>{html.escape(finding.evidence)}</pre></body></html>"
    )


class FindingTriage(EscalatingTriage):
    model = Finding
    denied = "Bạn không có quyền với dấu hiệu này."
    item_name = "dấu hiệu"

    def indicators(self, item):
        return [("domain", domain) for domain in item.domains]

    def case_data(self, items, actor):
        first = items[0]
        site, owner = first.site, first.site.owner_agency
        lines = [
            f"Giám sát website phát hiện trên {f.site.name} ({f.url or f.site.url}): {f.why}\n"
            f"Kiểm tra: {f.check_name}, mức độ: {f.get_severity_display()}."
            for f in items
        ]
        return {
            "title": f"Website {site.name}: {first.why}"[:300],
            "description": "\n".join(lines),
            "category": "malware" if first.check_name in MALWARE_CHECKS else "gambling",
            "source": "webwatch",
            "received_on": timezone.localdate(),
            "lead_agency": _lead_agency(actor),
            # The site owner's commune (its agency's "địa bàn" below the province), whose officers then see the case.
            "locality": owner.unit if owner.unit_id and owner.unit.parent_id else None,
            "addressed_agencies": sorted({f.site.owner_agency for f in items}, key=lambda a: a.pk),
        }

    def evidence(self, item):
        return (
            f"webwatch-dau-hieu-{item.pk}.html",
            evidence_text(item).encode("utf-8"),
            f"Trang {item.url or item.site.url} khi quét",
        )


findings = FindingTriage()


def escalate_finding(finding: Finding, *, actor, case=None):
    """Open a case from the finding (its domains as indicators, the page as evidence), or add it to ``case``."""
    return findings.escalate([finding], actor=actor, case=case)


def dismiss_finding(finding: Finding, *, actor, reason: str) -> Finding:
    """Mark a finding as a false alarm (e.g. a partner's legitimate link): kept, logged with the reason, and no
    longer counted against the site while re-scans keep seeing it."""
    return findings.dismiss(finding, actor=actor, reason=reason)


def reopen_finding(finding: Finding, *, actor) -> Finding:
    """Undo a dismissal: the finding counts again from the next scan."""
    return findings.reopen(finding, actor=actor)


@transaction.atomic
def queue_scan(site: Site, *, actor=None) -> None:
    """Queue a scan of ``site`` once the current transaction commits ("Quét ngay")."""
    from canhgiac.webwatch.tasks import scan_site_task

    if actor is not None:
        require_write(actor)
        _require_site_access(site, actor)
        # The scheduled scan moves one interval on from now: a scan asked for now is not repeated within hours.
        Site.objects.filter(pk=site.pk).update(next_scan_at=timezone.now() + dt.timedelta(hours=site.interval_hours))
    queued_at = timezone.now().isoformat()
    transaction.on_commit(lambda: scan_site_task.delay(site.pk, queued_at))


@transaction.atomic
def queue_due_sites(now: dt.datetime | None = None) -> list[int]:
    """Queue every active site whose next scan is due and move its next scan one interval on."""
    from canhgiac.webwatch.tasks import scan_site_task

    now = now or timezone.now()
    due = Site.objects.select_for_update().filter(Q(next_scan_at__isnull=True) | Q(next_scan_at__lte=now), active=True)
    ids = []
    for site in due:
        # Scheduling only: a queryset update, so the change log does not grow every night.
        Site.objects.filter(pk=site.pk).update(next_scan_at=now + dt.timedelta(hours=site.interval_hours))
        ids.append(site.pk)
    for pk in ids:
        transaction.on_commit(partial(scan_site_task.delay, pk, now.isoformat()))
    return ids


def scan_config():
    """The engine configuration for scheduled scans (``settings.WEBWATCH_SCAN`` overrides the defaults)."""
    from canhgiac.webwatch.engine import ScanConfig

    return ScanConfig(**getattr(settings, "WEBWATCH_SCAN", {}))
