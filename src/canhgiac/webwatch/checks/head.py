"""Head of the page: meta refresh, canonical / amphtml links to another site, search-console verification tags."""

from __future__ import annotations

import re

from canhgiac.webwatch.checks.base import PageCheck, PageContext
from canhgiac.webwatch.engine.parse import host_of
from canhgiac.webwatch.engine.results import Finding, Severity

_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s;]+)", re.I)
VERIFICATION_METAS = ("google-site-verification", "msvalidate.01", "yandex-verification", "baidu-site-verification")


class MetaRefreshCheck(PageCheck):
    name = "meta_refresh"
    title = "Thẻ meta refresh chuyển hướng ra ngoài"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            for content in doc.meta.get("refresh", ()):
                m = _REFRESH_URL.search(content)
                if not m:
                    continue
                host = host_of(m.group(1)) if "//" in m.group(1) else ""
                if not ctx.offsite(host):
                    continue
                verdict = ctx.blocklist.judge(host)
                out.append(
                    self.finding(
                        f"Thẻ meta refresh chuyển khách sang trang khác: {host} ({verdict or 'tên miền bên ngoài'}).",
                        url=ctx.url,
                        severity=Severity.CRITICAL if verdict else Severity.HIGH,
                        evidence=content,
                        links=[m.group(1)],
                        domains=[host],
                        identities=identities,
                    )
                )
        return out


class CanonicalCheck(PageCheck):
    name = "canonical"
    title = "Liên kết canonical / amphtml trỏ sang trang khác"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            targets = [("canonical", u) for u in doc.canonical] + [("amphtml", u) for u in doc.amphtml]
            targets += [("og:url", u) for u in doc.meta.get("og:url", ()) if u.startswith(("http://", "https://"))]
            for kind, url in targets:
                host = host_of(url)
                if not ctx.offsite(host):
                    continue
                verdict = ctx.blocklist.judge(host)
                if verdict:
                    severity = Severity.CRITICAL
                elif ctx.blocklist.trusted(host):
                    severity = Severity.LOW  # a republished article naming its source
                else:
                    severity = Severity.HIGH
                out.append(
                    self.finding(
                        f"Liên kết {kind} khai báo bản gốc của trang là {host} ({verdict or 'trang web khác'}): "
                        "máy tìm kiếm sẽ chuyển uy tín của trang sang đó.",
                        url=ctx.url,
                        severity=severity,
                        evidence=f"{kind}: {url}",
                        links=[url],
                        domains=[host],
                        identities=identities,
                    )
                )
        return out


class VerificationTagCheck(PageCheck):
    name = "verification_token"
    title = "Mã xác minh quyền sở hữu trang (Search Console) mới"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        doc = ctx.primary
        if doc is None:
            return []
        tokens = {
            (name, v.strip()) for d, _ in ctx.distinct() for name in VERIFICATION_METAS for v in d.meta.get(name, ())
        }
        if not tokens:
            return []
        known = {tuple(t) for t in (ctx.baseline or {}).get("tokens", [])}
        if ctx.baseline is not None and ctx.baseline.get("tokens") is not None:
            new = sorted(tokens - known)
            if new:
                return [
                    self.finding(
                        "Xuất hiện mã xác minh quyền sở hữu trang mới so với lần quét sạch trước: "
                        f"{', '.join(f'{n}={v}' for n, v in new)}. Có thể kẻ xâm nhập đã đăng ký trang với "
                        "công cụ quản trị tìm kiếm.",
                        url=ctx.url,
                        evidence="; ".join(f"{n}={v}" for n, v in new),
                    )
                ]
            return []
        google = sorted(v for n, v in tokens if n == "google-site-verification")
        if len(google) > 1:
            return [
                self.finding(
                    f"Trang có {len(google)} mã xác minh Google Search Console khác nhau; một trong số đó có thể do "
                    "kẻ xâm nhập thêm vào để chiếm quyền quản trị trang trên Google.",
                    url=ctx.url,
                    severity=Severity.MEDIUM,
                    evidence="; ".join(google),
                )
            ]
        return []
