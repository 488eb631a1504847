"""Crawl of one site: the home page, pages linked from it and from its sitemap(s), to a depth and a page limit.

Each page is fetched as every configured identity at once, then analysed (parse + checks) in the same process.
Only the page records are kept, never the bodies, so memory stays flat over long runs.
"""

from __future__ import annotations

import asyncio
import gzip
import re
from urllib.parse import urljoin

from canhgiac.webwatch.checks.base import SiteContext
from canhgiac.webwatch.engine.analysis import Engine, PageJob, analyze, dedupe, same_site
from canhgiac.webwatch.engine.config import BROWSER, ScanConfig
from canhgiac.webwatch.engine.fetch import SiteFetcher
from canhgiac.webwatch.engine.parse import host_of
from canhgiac.webwatch.engine.results import PageResult, ScanError, SiteResult, now

_LOC = re.compile(rb"<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)", re.I)
MAX_SITEMAPS = 20


def normalise_start(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    if url.count("/") < 3:
        url += "/"
    return url


class SiteCrawl:
    def __init__(
        self,
        url: str,
        *,
        config: ScanConfig,
        engine: Engine,
        baseline: dict | None = None,
        global_sem: asyncio.Semaphore | None = None,
    ):
        self.start = normalise_start(url)
        self.config = config
        self.engine = engine
        self.baseline = baseline or {}
        self.fetcher = SiteFetcher(config, global_sem)
        self.identities = config.identity_objects()
        self.result = SiteResult(url=self.start)
        self.site_host = host_of(self.start)
        self.seen: set[str] = set()
        self.linked: set[str] = set()
        self.sitemap_urls: set[str] = set()
        self.queue: asyncio.Queue = asyncio.Queue()

    async def run(self) -> SiteResult:
        try:
            await self._run()
        finally:
            await self.fetcher.aclose()
            self.result.finished_at = now()
        return self.result

    async def _run(self) -> None:
        home = await self._page(self.start, 0, "start")
        if home is None or not home.views:
            self.result.errors.extend(home.errors if home else [])
            if home is not None and not home.errors:
                self.result.errors.append(ScanError(self.start, "empty", "Trang chủ không trả về nội dung."))
            return
        final = next((v.final_url for v in home.views if v.identity == "browser"), home.views[0].final_url)
        if registrable_eq(host_of(final), self.site_host):
            self.site_host = host_of(final)
        sitemap_task = asyncio.create_task(self._sitemaps()) if self.config.use_sitemaps else None
        workers = [asyncio.create_task(self._worker()) for _ in range(max(2, self.config.per_host_concurrency * 2))]
        if sitemap_task is not None:
            for url in await sitemap_task:
                self._enqueue(url, 1, "sitemap")
        await self.queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        self._site_checks()
        r = self.result
        r.stats = {
            "pages": len(r.pages),
            "requests": self.fetcher.requests,
            "sitemap_urls": len(self.sitemap_urls),
            "errors": len(r.errors) + len(r.page_errors()),
            "findings": sum(1 for f in r.all_findings() if f.alarm),
        }

    def _enqueue(self, url: str, depth: int, via: str) -> None:
        if via != "sitemap":
            self.linked.add(url)
        # Sitemap entries get a budget of their own so that doorway pages are reached even on link-heavy sites.
        budget = self.config.max_pages + (max(10, self.config.max_pages // 4) if via == "sitemap" else 0)
        if url in self.seen or depth > self.config.max_depth or len(self.seen) >= budget:
            return
        self.seen.add(url)
        self.queue.put_nowait((url, depth, via))

    async def _worker(self) -> None:
        while True:
            url, depth, via = await self.queue.get()
            try:
                await self._page(url, depth, via)
            except Exception as exc:  # noqa: BLE001 - one bad page never stops the site
                self.result.errors.append(ScanError(url, "other", f"Lỗi không mong đợi khi xử lý trang: {exc!r}"[:300]))
            finally:
                self.queue.task_done()

    async def _page(self, url: str, depth: int, via: str) -> PageResult | None:
        self.seen.add(url)
        fetched = list(await asyncio.gather(*(self.fetcher.fetch(url, i) for i in self.identities)))
        dedupe(fetched)
        job = PageJob(
            url=url,
            depth=depth,
            via=via,
            site_host=self.site_host,
            fetched=fetched,
            baseline=(self.baseline.get("pages") or {}).get(url) if self.baseline else None,
            want_links=depth < self.config.max_depth,
            fingerprint=depth <= self.config.baseline_depth,
        )
        page, links = analyze(job, self.engine)
        self.result.pages.append(page)
        self.linked.update(links)
        seen = self.seen
        for link in links:
            if link not in seen:  # most links of a page point at pages already seen: skip the call
                self._enqueue(link, depth + 1, "link")
        return page

    async def _sitemaps(self) -> list[str]:
        """Page URLs listed by robots.txt sitemaps and /sitemap.xml (sitemap indexes followed)."""
        origin = self.start.split("/", 3)
        origin = f"{origin[0]}//{origin[2]}"
        todo = [origin + "/sitemap.xml"]
        robots = await self.fetcher.fetch(origin + "/robots.txt", BROWSER)
        if robots.status == 200:
            for line in robots.body.decode("utf-8", "replace").splitlines():
                if line.lower().startswith("sitemap:"):
                    todo.insert(0, urljoin(origin + "/", line.split(":", 1)[1].strip()))
        pages: list[str] = []
        done: set[str] = set()
        while todo and len(done) < MAX_SITEMAPS and len(pages) < self.config.max_sitemap_urls:
            sm = todo.pop(0)
            if sm in done or not same_site(host_of(sm), host_of(origin)):
                continue
            done.add(sm)
            f = await self.fetcher.fetch(sm, BROWSER)
            if f.status != 200 or not f.body:
                continue
            body = f.body
            if body[:2] == b"\x1f\x8b":
                try:
                    body = gzip.decompress(body)[: self.config.max_bytes]
                except (OSError, EOFError):
                    continue
            index = b"<sitemapindex" in body[:2000]
            for m in _LOC.finditer(body):
                loc = m.group(1).decode("utf-8", "replace").replace("&amp;", "&")
                if index:
                    todo.append(loc)
                elif same_site(host_of(loc), self.site_host) or same_site(host_of(loc), host_of(origin)):
                    self.sitemap_urls.add(loc)
                    pages.append(loc)
        return pages[: self.config.max_sitemap_urls]

    def _site_checks(self) -> None:
        ctx = SiteContext(
            url=self.start,
            site_host=self.site_host,
            pages=self.result.pages,
            sitemap_urls=self.sitemap_urls,
            linked_urls=self.linked,
            vocabulary=self.engine.vocabulary,
            blocklist=self.engine.blocklist,
            baseline=self.baseline or None,
        )
        for check in self.engine.site_checks:
            findings, error, _ = check.execute(ctx)
            self.result.findings.extend(findings)
            if error is not None:
                self.result.errors.append(error)


def registrable_eq(a: str, b: str) -> bool:
    from canhgiac.webwatch.blocklist import registrable

    return registrable(a) == registrable(b)
