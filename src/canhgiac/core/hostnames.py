"""Domain parsing, set up once for every app: one public-suffix extractor (the snapshot bundled with tldextract,
never fetched at run time). Plain Python: the scanning engine uses it without Django."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import tldextract

EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_DOMAIN_RE = re.compile(r"^(?=.{3,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")
_IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$|^[0-9a-f:]+:[0-9a-f:]*$")


@lru_cache(maxsize=65536)
def split_host(host: str) -> tuple[str, str, str]:
    """(subdomain, domain label, public suffix) of a host name."""
    r = EXTRACT(host)
    return r.subdomain, r.domain, r.suffix


@lru_cache(maxsize=65536)
def registrable(host: str) -> str:
    """``www.soyte.hanoi.gov.vn`` -> ``hanoi.gov.vn``; an IP address or ``localhost`` stays as it is."""
    host = host.lower().rstrip(".")
    _, domain, suffix = split_host(host)
    return f"{domain}.{suffix}" if domain and suffix else host


def clean_domain(value: str) -> str | None:
    """The domain of one blocklist line, or None when the line holds no usable domain."""
    value = value.strip().lower()
    if value.startswith("||"):
        value = value[2:].split("^", 1)[0]
    if "://" in value:
        value = value.split("://", 1)[1]
    value = value.split("/", 1)[0].split(":", 1)[0].rstrip(".")
    if value.startswith("*."):
        value = value[2:]
    if not value or _IP_RE.match(value) or not _DOMAIN_RE.match(value):
        return None
    return value


@dataclass(slots=True)
class ParseReport:
    domains: set[str] = field(default_factory=set)
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def parse_domain_list(text: str) -> ParseReport:
    """Read a domain list: one domain a line, hosts-file lines (``0.0.0.0 a.com b.com``), ``#``/``!`` comments."""
    report = ParseReport()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("!") or line.startswith("["):
            continue
        words = line.split()
        if len(words) > 1 and _IP_RE.match(words[0]):
            words = words[1:]
        good = [d for d in (clean_domain(w) for w in words) if d and d not in ("localhost", "localhost.localdomain")]
        if not good and words and words[0] not in ("localhost", "broadcasthost", "local"):
            report.bad_lines.append((number, raw.strip()[:200]))
        report.domains.update(good)
    return report
