"""Scan configuration and the visitor identities each page is fetched as."""

from __future__ import annotations

from dataclasses import dataclass, field

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)


@dataclass(frozen=True, slots=True)
class Identity:
    """A kind of visitor: cloaking shows as a difference between what two identities receive."""

    name: str
    user_agent: str
    google_referer: bool = False
    bot: bool = False

    def headers(self, url: str) -> dict[str, str]:
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.6",
        }
        if self.google_referer:
            headers["Referer"] = "https://www.google.com/"
        return headers


BROWSER = Identity("browser", CHROME)
GOOGLE_REFERRER = Identity("google_referrer", CHROME, google_referer=True)
GOOGLEBOT_ID = Identity("googlebot", GOOGLEBOT, bot=True)
MOBILE_GOOGLE = Identity("mobile_google", ANDROID, google_referer=True)
IDENTITIES: dict[str, Identity] = {i.name: i for i in (BROWSER, GOOGLE_REFERRER, GOOGLEBOT_ID, MOBILE_GOOGLE)}


@dataclass(slots=True)
class ScanConfig:
    """Everything that shapes a scan. Defaults are polite to a small state web server."""

    identities: tuple[str, ...] = tuple(IDENTITIES)
    max_depth: int = 2
    max_pages: int = 200
    max_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0  # wall clock for one fetch, including slow-drip bodies
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5  # seconds; doubled at each retry
    per_host_concurrency: int = 4
    global_concurrency: int = 64
    per_host_rate: float = 8.0  # requests per second per host; 0 = unlimited
    verify_tls: bool = True
    use_sitemaps: bool = True
    max_sitemap_urls: int = 5000
    workers: int = 0  # processes sites are spread over; 0 = every site in this process
    checks: tuple[str, ...] = ()  # empty = all registered checks
    sites_in_parallel: int = 8
    baseline_depth: int = 1  # pages this close to the home page get a content fingerprint for defacement baselines
    # Networks the fetcher may reach although they are loopback, private, link-local, multicast or metadata
    # addresses (CIDRs); CANHGIAC_FETCH_ALLOW_NETWORKS adds to them. ``--allow-private`` puts netguard.PRIVATE here.
    allow_networks: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    def identity_objects(self) -> list[Identity]:
        return [IDENTITIES[name] for name in self.identities]
