"""Demo websites for ``canhgiac load_demo``: no scan at load time (no network); one recorded run is built by hand."""

import datetime as dt

from django.utils import timezone

from canhgiac.core.models import Agency, User
from canhgiac.webwatch.models import Site

# Addresses (kept from earlier demo data: they identify the sites) under the reserved ``.example`` top-level domain:
# a scheduled scan of them records a DNS error.
SITES = [
    (
        "https://stttt.tinh-demo.example/",
        "Cổng thông tin Sở Khoa học và Công nghệ (demo)",
        "STTTT",
        "Phòng CNTT",
        "0238 3844 000",
    ),
    (
        "https://canloc.tinh-demo.example/",
        "Cổng thông tin UBND phường Phố Hiến (demo)",
        "UBND-CL",
        "Văn phòng UBND",
        "",
    ),
    ("https://thpt-canloc.tinh-demo.example/", "Trường THPT Phố Hiến (demo)", "UBND-CL", "", ""),
]


def _injected_result(url: str):
    """A hand-built scan result of a home page with hidden gambling links, as the engine would report it."""
    from canhgiac.webwatch.engine import Finding, PageResult, Severity, SiteResult, ViewInfo

    now = timezone.now()
    page = PageResult(url=url, depth=0, via="start", fetched_at=now, title="Cổng thông tin UBND phường Phố Hiến")
    for identity in ("browser", "google_referrer", "googlebot", "mobile_google"):
        page.views.append(ViewInfo(identity, 200, url, "a3f1" * 16, 18_432))
    page.findings.append(
        Finding(
            check="hidden_links",
            severity=Severity.CRITICAL,
            why="Liên kết tới trang cờ bạc bị ẩn bằng CSS (display:none) trên trang chủ.",
            url=url,
            evidence='<div style="display:none"><a href="https://new88-vip.com/">nhà cái uy tín</a></div>',
            links=["https://new88-vip.com/"],
            domains=["new88-vip.com"],
            identities=["browser", "google_referrer", "googlebot", "mobile_google"],
        )
    )
    return SiteResult(url=url, started_at=now - dt.timedelta(minutes=2), finished_at=now, pages=[page])


def load(stdout) -> None:
    from canhgiac.webwatch.services import add_site, record_scan

    actor = User.objects.filter(username="chuyenvien").first()
    created = 0
    for url, name, code, contact, phone in SITES:
        agency = Agency.objects.filter(code=code).first()
        if agency is None or actor is None or Site.objects.filter(url=url).exists():
            continue
        site = add_site(
            actor=actor,
            url=url,
            name=name,
            owner_agency=agency,
            contact_name=contact,
            contact_phone=phone,
            next_scan_at=timezone.now() + dt.timedelta(hours=24),
        )
        if url.startswith("https://canloc."):
            record_scan(site, _injected_result(url))
        created += 1
    stdout.write(f"Giám sát website: {created} trang web mẫu mới.")
