"""Links: to gambling domains, hidden by CSS, or with gambling anchor text."""

from __future__ import annotations

from canhgiac.webwatch.checks.base import PageCheck, PageContext, snippet
from canhgiac.webwatch.engine.results import Finding, Severity

#: Hidden off-site links to this many distinct untrusted domains are suspicious even without gambling words.
HIDDEN_CLUSTER_DOMAINS = 3


class GamblingDomainLinkCheck(PageCheck):
    name = "gambling_domain_link"
    title = "Liên kết tới tên miền cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            bad = []
            for link in doc.links:
                if link.host and not link.hidden:
                    verdict = ctx.gambling_domain(link.host)
                    if verdict:
                        bad.append((link, verdict))
            if bad:
                domains = sorted({link.host for link, _ in bad})
                reasons = sorted({v for _, v in bad})
                out.append(
                    self.finding(
                        f"Trang có {len(bad)} liên kết/hình ảnh trỏ tới {len(domains)} tên miền cờ bạc "
                        f"({'; '.join(reasons)}): {', '.join(domains[:8])}.",
                        url=ctx.url,
                        evidence=snippet(" | ".join(f"{link.text} → {link.url}" for link, _ in bad[:6])),
                        links=[link.url for link, _ in bad][:30],
                        domains=domains,
                        identities=identities,
                    )
                )
        return out


class HiddenLinkCheck(PageCheck):
    name = "hidden_links"
    title = "Liên kết ẩn ra ngoài trang"
    severity = Severity.CRITICAL

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            gambling, untrusted = [], []
            for block in doc.blocks:
                for link in block.links:
                    if not ctx.offsite(link.host):
                        continue
                    verdict = ctx.blocklist.judge(link.host)
                    if verdict:
                        gambling.append((block, link, verdict))
                    elif ctx.blocklist.trusted(link.host):
                        continue
                    elif ctx.hits(link.text).any_gambling:
                        gambling.append((block, link, "văn bản liên kết về cờ bạc"))
                    else:
                        untrusted.append((block, link))
            if gambling:
                domains = sorted({link.host for _, link, _ in gambling})
                tricks = sorted({block.reason for block, _, _ in gambling})
                out.append(
                    self.finding(
                        f"{len(gambling)} liên kết bị ẩn bằng CSS ({', '.join(tricks)}) trỏ tới trang cờ bạc: "
                        f"{', '.join(domains[:8])}.",
                        url=ctx.url,
                        evidence=snippet(gambling[0][0].html, 400),
                        links=[link.url for _, link, _ in gambling][:30],
                        domains=domains,
                        identities=identities,
                    )
                )
            elif len({link.host for _, link in untrusted}) >= HIDDEN_CLUSTER_DOMAINS:
                domains = sorted({link.host for _, link in untrusted})
                out.append(
                    self.finding(
                        f"{len(untrusted)} liên kết bị ẩn bằng CSS trỏ ra {len(domains)} tên miền bên ngoài "
                        f"(dấu hiệu chèn liên kết SEO): {', '.join(domains[:8])}.",
                        url=ctx.url,
                        severity=Severity.MEDIUM,
                        evidence=snippet(untrusted[0][0].html, 400),
                        links=[link.url for _, link in untrusted][:30],
                        domains=domains,
                        identities=identities,
                    )
                )
        return out


class AnchorTextCheck(PageCheck):
    name = "gambling_anchor"
    title = "Văn bản liên kết quảng cáo cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            bad = []
            for link in doc.links:
                if link.hidden or not link.text or not ctx.offsite(link.host) or ctx.blocklist.trusted(link.host):
                    continue
                if ctx.blocklist.judge(link.host):
                    continue  # reported by gambling_domain_link
                if ctx.hits(link.text).promotional():
                    bad.append(link)
            if bad:
                domains = sorted({link.host for link in bad})
                out.append(
                    self.finding(
                        f"{len(bad)} liên kết ra ngoài có văn bản quảng cáo cờ bạc, trỏ tới: {', '.join(domains[:8])}.",
                        url=ctx.url,
                        evidence=snippet(" | ".join(f"{link.text} → {link.url}" for link in bad[:6])),
                        links=[link.url for link in bad][:30],
                        domains=domains,
                        identities=identities,
                    )
                )
        return out
