"""Suspicious iframes: hidden, or loading a gambling or unknown site."""

from __future__ import annotations

from canhgiac.webwatch.checks.base import PageCheck, PageContext
from canhgiac.webwatch.engine.results import Finding, Severity


class IframeCheck(PageCheck):
    name = "iframe"
    title = "Khung nhúng (iframe) đáng ngờ"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            for frame in doc.frames:
                if not ctx.offsite(frame.host):
                    continue
                verdict = ctx.blocklist.judge(frame.host)
                trusted = ctx.blocklist.trusted(frame.host)
                if verdict:
                    severity, why = Severity.CRITICAL, f"nhúng trang cờ bạc {frame.host} ({verdict})"
                elif frame.hidden and not trusted:
                    severity, why = Severity.HIGH, f"nhúng ẩn ({frame.hidden}) trang bên ngoài {frame.host}"
                elif not trusted:
                    severity, why = Severity.LOW, f"nhúng trang bên ngoài {frame.host}"
                else:
                    continue
                out.append(
                    self.finding(
                        f"Trang {why}.",
                        url=ctx.url,
                        severity=severity,
                        evidence=frame.src,
                        links=[frame.src],
                        domains=[frame.host],
                        identities=identities,
                    )
                )
        return out
