"""Result records of a scan: plain dataclasses, turned into plain dicts for JSON and for phase-2 models."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import IntEnum


class Severity(IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()


#: A finding at or above this severity makes a page "flagged" (CLI exit code 1, quality bench positive).
ALARM = Severity.MEDIUM


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Finding:
    """One thing a check found on a page (or on the site as a whole)."""

    check: str
    severity: Severity
    why: str  # Vietnamese explanation shown to the inspector
    url: str = ""
    evidence: str = ""  # a short snippet of the offending markup or text
    links: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    identities: list[str] = field(default_factory=list)  # the visitors that saw it

    @property
    def key(self) -> str:
        """Stable identity of the finding across scans, so a re-scan can mark it fixed when it is gone."""
        basis = "|".join([self.check, self.url, ",".join(sorted(self.domains)) or self.evidence[:120]])
        return hashlib.sha256(basis.encode()).hexdigest()[:24]

    @property
    def alarm(self) -> bool:
        return self.severity >= ALARM

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.label
        data["key"] = self.key
        return data


@dataclass(slots=True)
class ScanError:
    """Something that stopped a fetch: recorded, never raised out of a run."""

    url: str
    kind: (
        str  # timeout, tls, connect, forbidden_address, redirect_loop, too_large, http_status, decode, protocol, other
    )
    message: str  # Vietnamese
    identity: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class ViewInfo:
    """What one visitor identity received for a page."""

    identity: str
    status: int
    final_url: str
    sha256: str
    size: int
    truncated: bool = False
    redirect_chain: list[str] = field(default_factory=list)
    offsite_redirect: str = ""


@dataclass(slots=True)
class PageResult:
    url: str
    depth: int
    via: str  # "start", "link", "sitemap"
    fetched_at: datetime = field(default_factory=now)
    views: list[ViewInfo] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    title: str = ""
    parse_ms: float = 0.0
    # Summary used by site-level checks and baselines; not part of the public JSON.
    summary: dict = field(default_factory=dict, repr=False)

    @property
    def flagged(self) -> bool:
        return any(f.alarm for f in self.findings)

    @property
    def sha256(self) -> dict[str, str]:
        return {v.identity: v.sha256 for v in self.views}

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "depth": self.depth,
            "via": self.via,
            "fetched_at": self.fetched_at.isoformat(),
            "title": self.title,
            "views": [asdict(v) for v in self.views],
            "sha256": self.sha256,
            "flagged": self.flagged,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
        }


@dataclass(slots=True)
class SiteResult:
    url: str
    started_at: datetime = field(default_factory=now)
    finished_at: datetime | None = None
    pages: list[PageResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # site-level findings (doorways, tokens)
    errors: list[ScanError] = field(default_factory=list)  # site-level errors (home page unreachable…)
    stats: dict = field(default_factory=dict)

    def all_findings(self) -> list[Finding]:
        return [f for p in self.pages for f in p.findings] + self.findings

    @property
    def status(self) -> str:
        """``findings`` when any alarm was raised, ``error`` when the home page could not be fetched, else ``clean``."""
        return self.status_ignoring(frozenset())

    def status_ignoring(self, keys: set[str] | frozenset[str]) -> str:
        """:attr:`status`, with the alarms whose key is in ``keys`` (dismissed as false alarms) left out."""
        if any(f.alarm and f.key not in keys for f in self.all_findings()):
            return "findings"
        start = next((p for p in self.pages if p.via == "start"), None)
        if self.errors or start is None or not any(200 <= v.status < 400 for v in start.views):
            return "error"
        return "clean"

    def page_errors(self) -> list[ScanError]:
        return [e for p in self.pages for e in p.errors]

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "status": self.status,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "stats": self.stats,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
            "pages": [p.to_dict() for p in self.pages],
        }
