"""Check plugins: one class per check. The base class owns name, registry, timing and error capture."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import ClassVar

from canhgiac.webwatch.blocklist import Blocklist, registrable
from canhgiac.webwatch.engine.baseline import sketch
from canhgiac.webwatch.engine.parse import PageDoc
from canhgiac.webwatch.engine.results import Finding, ScanError, Severity, ViewInfo
from canhgiac.webwatch.engine.vocab import Hits, Vocabulary, fold_words

REGISTRY: dict[str, type[Check]] = {}


def snippet(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(slots=True)
class PageContext:
    """What a page check sees: the page fetched as every identity, each distinct body parsed once."""

    url: str
    site_host: str
    views: dict[str, ViewInfo]
    docs: dict[str, PageDoc]  # identity -> parsed body (identical bodies share one PageDoc)
    vocabulary: Vocabulary
    blocklist: Blocklist
    via: str = "link"
    baseline: dict | None = None  # this page's entry of the site baseline
    _hits: dict[str, Hits] = field(default_factory=dict)
    _streams: dict[str, str] = field(default_factory=dict)
    _words: dict[str, list[bytes]] = field(default_factory=dict)
    _sketches: dict[str, list[int]] = field(default_factory=dict)
    _site: str = ""

    def __post_init__(self) -> None:
        self._site = registrable(self.site_host) if self.site_host else ""

    @property
    def primary(self) -> PageDoc | None:
        """The view of an ordinary browser (or the first view that has a body)."""
        return self.docs.get("browser") or next(iter(self.docs.values()), None)

    def distinct(self) -> list[tuple[PageDoc, list[str]]]:
        """Each distinct parsed body with the identities that received it."""
        out: dict[int, tuple[PageDoc, list[str]]] = {}
        for identity, doc in self.docs.items():
            out.setdefault(id(doc), (doc, []))[1].append(identity)
        return list(out.values())

    def hits(self, text: str) -> Hits:
        """Vocabulary hits of ``text``, computed once per distinct text."""
        cached = self._hits.get(text)
        if cached is None:
            cached = self.vocabulary.scan(text, self.stream(text))
            self._hits[text] = cached
        return cached

    def stream(self, text: str) -> str:
        """``fold(text)``, computed once per distinct text."""
        folded = self._streams.get(text)
        if folded is None:
            folded, self._words[text] = fold_words(text)
            self._streams[text] = folded
        return folded

    def fingerprint(self, text: str) -> list[int]:
        """``fingerprint(text)`` (:mod:`~canhgiac.webwatch.engine.baseline`) from the words folded once."""
        cached = self._sketches.get(text)
        if cached is None:
            self.stream(text)
            cached = self._sketches[text] = sketch(self._words[text])
        return cached

    def offsite(self, host: str) -> bool:
        """True when ``host`` belongs to another registrable domain than the scanned site."""
        return bool(host) and registrable(host) != self._site

    def gambling_domain(self, host: str) -> str | None:
        return self.blocklist.judge(host) if self.offsite(host) else None


class Check:
    """Base of every check. Subclasses set ``name``, ``title`` and ``severity`` and implement ``run``."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""  # Vietnamese, shown in reports
    severity: ClassVar[Severity] = Severity.HIGH
    scope: ClassVar[str] = "page"  # "page" or "site"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
                raise ValueError(f"duplicate check name {cls.name!r}")
            REGISTRY[cls.name] = cls

    def finding(self, why: str, *, url: str, severity: Severity | None = None, **kwargs) -> Finding:
        return Finding(
            check=self.name, severity=self.severity if severity is None else severity, why=why, url=url, **kwargs
        )

    def execute(self, ctx) -> tuple[list[Finding], ScanError | None, float]:
        """Run the check; a crash becomes a recorded error, never an exception out of the scan."""
        start = time.perf_counter()
        try:
            findings = self.run(ctx) or []
            error = None
        except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the run
            findings = []
            error = ScanError(url=getattr(ctx, "url", ""), kind="check", message=f"Lỗi kiểm tra {self.name}: {exc!r}")
        return findings, error, (time.perf_counter() - start) * 1000

    def run(self, ctx) -> list[Finding]:
        raise NotImplementedError


class PageCheck(Check):
    scope = "page"

    def run(self, ctx: PageContext) -> list[Finding]:
        raise NotImplementedError


@dataclass(slots=True)
class SiteContext:
    """What a site check sees after the crawl: every page's summary and the sitemap entries."""

    url: str
    site_host: str
    pages: list  # PageResult
    sitemap_urls: set[str]
    linked_urls: set[str]
    vocabulary: Vocabulary
    blocklist: Blocklist
    baseline: dict | None = None


class SiteCheck(Check):
    scope = "site"

    def run(self, ctx: SiteContext) -> list[Finding]:
        raise NotImplementedError


def instantiate(names: tuple[str, ...] | list[str] = ()) -> tuple[list[PageCheck], list[SiteCheck]]:
    """Instances of the registered checks (all of them, or those named)."""
    from canhgiac.webwatch import checks  # noqa: F401 - registers every check module

    chosen = [REGISTRY[n] for n in names] if names else list(REGISTRY.values())
    page = [c() for c in chosen if c.scope == "page"]
    site = [c() for c in chosen if c.scope == "site"]
    return page, site
