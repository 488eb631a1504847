"""The peer: how a Python engineer would do it without canhgiac — a Scrapy spider with BeautifulSoup running the same
vocabulary check (visible text, hidden-by-style text, anchors, title, meta) on every page, fetched as the same four
visitor identities. Bodies that are byte-identical across identities are parsed once, as ours are.

    python -m bench.webwatch.peer_spider URL[,URL…] MAX_PAGES_PER_SITE CONCURRENCY OUT.json
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time

import scrapy
from bs4 import BeautifulSoup
from scrapy.crawler import CrawlerProcess

from canhgiac.webwatch.engine.config import IDENTITIES
from canhgiac.webwatch.engine.vocab import default_vocabulary

HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|left\s*:\s*-\d{3,}|font-size\s*:\s*0", re.I)
VOCAB = default_vocabulary()


def check_page(html: str) -> dict:
    soup = BeautifulSoup(html, "lxml")
    hidden = [el.get_text(" ", strip=True) for el in soup.find_all(style=HIDDEN)]
    for el in soup(["script", "style", "noscript"]):
        el.decompose()
    anchors = [(a.get("href", ""), a.get_text(" ", strip=True)) for a in soup.find_all("a", href=True)]
    title = soup.title.get_text() if soup.title else ""
    metas = [m.get("content", "") for m in soup.find_all("meta", attrs={"name": ["description", "keywords"]})]
    text = soup.get_text(" ")
    flagged = any(VOCAB.scan(t).promotional() for t in hidden + [title, *metas] + [a for _, a in anchors])
    flagged = flagged or VOCAB.scan(text).promotional_page()
    return {"flagged": flagged, "links": [h for h, _ in anchors]}


class PeerSpider(scrapy.Spider):
    name = "peer"
    custom_settings = {
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "RETRY_TIMES": 2,
    }

    def __init__(self, starts: str, max_pages: int, **kw):
        super().__init__(**kw)
        self.starts, self.max_pages = starts.split(","), int(max_pages)
        self.seen: dict[str, set[str]] = {s: set() for s in self.starts}
        self.done: dict[str, int] = {}
        self.parsed: dict[str, dict] = {}
        self.pages = 0
        self.flagged = 0

    async def start(self):  # Scrapy ≥ 2.13
        for start in self.starts:
            for request in self._visit(start, start):
                yield request

    def _visit(self, site: str, url: str):
        seen = self.seen[site]
        if url in seen or len(seen) >= self.max_pages:
            return
        seen.add(url)
        for ident in IDENTITIES.values():
            yield scrapy.Request(
                url, headers=ident.headers(url), dont_filter=True, callback=self.parse, cb_kwargs={"site": site}
            )

    def parse(self, response, site: str):
        n = len(IDENTITIES)
        digest = hashlib.sha256(response.body).hexdigest()
        result = self.parsed.get(digest)
        if result is None:
            result = check_page(response.text)
            self.parsed[digest] = result
        self.done[response.url] = self.done.get(response.url, 0) + 1
        if self.done[response.url] == n:
            self.pages += 1
            self.flagged += result["flagged"]
            self.parsed.pop(digest, None)
            for href in result["links"]:
                url = response.urljoin(href).split("#", 1)[0]
                if url.startswith(site):
                    yield from self._visit(site, url)


def main() -> None:
    start, max_pages, concurrency, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    process = CrawlerProcess(
        {"CONCURRENT_REQUESTS": concurrency, "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0}
    )
    crawler = process.create_crawler(PeerSpider)
    began = time.perf_counter()
    process.crawl(crawler, starts=start, max_pages=max_pages)
    process.start()
    spider = crawler.spider
    with open(out, "w") as f:
        json.dump({"pages": spider.pages, "flagged": spider.flagged, "seconds": time.perf_counter() - began}, f)


if __name__ == "__main__":
    main()
