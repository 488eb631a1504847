"""Site-level checks run after the crawl: doorway pages in the sitemap, verification files an intruder added."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from canhgiac.webwatch.checks.base import SiteCheck, SiteContext
from canhgiac.webwatch.engine.judge import judge
from canhgiac.webwatch.engine.results import Finding, Severity

TOKEN_FILE = re.compile(r"/google[0-9a-f]{12,32}\.html$|/yandex_[0-9a-f]{16}\.html$|/BingSiteAuth\.xml$", re.I)


def slug_text(url: str) -> str:
    path = unquote(urlsplit(url).path + " " + urlsplit(url).query)
    return re.sub(r"[-_/.=&+]+", " ", path)


class DoorwayCheck(SiteCheck):
    name = "doorway"
    title = "Trang cửa ngõ (doorway) quảng cáo cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: SiteContext) -> list[Finding]:
        out = []
        fetched = {p.url for p in ctx.pages}
        for page in ctx.pages:
            summary = page.summary or {}
            slug = ctx.vocabulary.scan(slug_text(page.url))
            spammy = summary.get("spam_page") or summary.get("gambling_domains")
            if not (spammy or slug.promotional()):
                continue
            only_sitemap = page.url in ctx.sitemap_urls and page.url not in ctx.linked_urls
            if not (only_sitemap or slug.promotional()):
                continue
            where = "chỉ có trong sitemap, không được trang nào liên kết tới" if only_sitemap else "có đường dẫn cờ bạc"
            out.append(
                self.finding(
                    f"Trang cửa ngõ {where}, nội dung quảng cáo cờ bạc"
                    + (f" (liên kết tới {', '.join(summary['gambling_domains'][:5])})" if spammy else "")
                    + ".",
                    url=page.url,
                    evidence=page.title,
                    domains=list(summary.get("gambling_domains", []))[:20],
                )
            )
        for url in sorted(ctx.sitemap_urls - fetched):
            if ctx.vocabulary.scan(slug_text(url)).promotional():
                out.append(
                    self.finding(
                        "Sitemap khai báo trang có đường dẫn quảng cáo cờ bạc (chưa tải do giới hạn số trang).",
                        url=url,
                        severity=Severity.MEDIUM,
                        evidence=url,
                    )
                )
        return out


class RepeatedHeadCheck(SiteCheck):
    """The same gambling line in the title or description of many pages of a site: text injected into the site's
    template, the strongest sign there is (an article about gambling has its own title on its own page)."""

    name = "repeated_head"
    title = "Cùng một dòng quảng cáo cờ bạc trên tiêu đề / mô tả của nhiều trang"
    severity = Severity.CRITICAL

    def run(self, ctx: SiteContext) -> list[Finding]:
        pages = [p for p in ctx.pages if p.summary and "title" in p.summary]
        lines: dict[str, list[str]] = {}
        for page in pages:
            for value in page.summary.get("head_gambling", ()):
                lines.setdefault(value, []).append(page.url)
        out = []
        for value, urls in lines.items():
            if len(urls) < max(2, len(pages) // 2):
                continue
            hits = ctx.vocabulary.scan(value)
            verdict = judge(hits)
            if not (verdict.promotes or hits.promotional()):
                continue
            out.append(
                self.finding(
                    f"Cùng một dòng chữ về cờ bạc xuất hiện ở tiêu đề hoặc mô tả của {len(urls)}/{len(pages)} trang: "
                    f"văn bản bị chèn vào khuôn mẫu chung của trang web, không thuộc về bài viết nào. "
                    f"{verdict.explain()}",
                    url=urls[0],
                    evidence=value,
                    links=urls[:20],
                )
            )
        return out


class VerificationFileCheck(SiteCheck):
    name = "verification_file"
    title = "Tệp xác minh Search Console mới"
    severity = Severity.MEDIUM

    def run(self, ctx: SiteContext) -> list[Finding]:
        files = {u for u in ctx.sitemap_urls | ctx.linked_urls if TOKEN_FILE.search(urlsplit(u).path)}
        files.update(u for p in ctx.pages for u in (p.summary or {}).get("token_files", []))
        known = set((ctx.baseline or {}).get("token_files", []))
        new = sorted(files - known)
        if not new:
            return []
        severity = Severity.HIGH if ctx.baseline else Severity.MEDIUM
        return [
            self.finding(
                f"Phát hiện tệp xác minh quyền sở hữu trang với công cụ tìm kiếm {'mới ' if ctx.baseline else ''}"
                f"({', '.join(new[:5])}); cần xác nhận đơn vị có tự tạo tệp này không, nếu không thì có thể kẻ "
                "xâm nhập đã chiếm quyền quản trị trang trên Google.",
                url=new[0],
                severity=severity,
                links=new,
                evidence=", ".join(new[:5]),
            )
        ]
