"""Script injections: links written by scripts, URLs hidden in base64 / char codes, redirects by referrer or device,
and JSON-LD structured data pointing at gambling sites."""

from __future__ import annotations

import base64
import binascii
import re

from canhgiac.webwatch.checks.base import PageCheck, PageContext, snippet
from canhgiac.webwatch.engine.parse import host_of
from canhgiac.webwatch.engine.results import Finding, Severity

URL_RE = re.compile(r"""(?:https?:)?//([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?::\d+)?[^\s"'<>)]*""", re.I)
_B64 = re.compile(r"""["'`]([A-Za-z0-9+/]{16,}={0,2})["'`]""")  # "https://r99.com/" is 24 with padding
_CHARCODES = re.compile(r"fromCharCode\(\s*((?:\d{2,3}\s*,\s*){6,}\d{2,3})\s*\)")
_HEX = re.compile(r"(?:\\x[0-9a-fA-F]{2}){8,}")
_WRITE = re.compile(
    r"document\.write(?:ln)?\s*\(|\.innerHTML\s*[+]?=|insertAdjacentHTML\s*\(|\.append\s*\(\s*['\"]<a", re.I
)
_REDIRECT = re.compile(
    r"(?:window\.|top\.|self\.|document\.)?location(?:\.href)?\s*=(?!=)|location\.(?:replace|assign)\s*\(", re.I
)
_CONDITION = re.compile(r"document\.referrer|navigator\.userAgent|navigator\.platform|matchMedia|innerWidth", re.I)


def _decoded_payloads(script: str) -> list[str]:
    """Strings a script hides: base64 literals, String.fromCharCode lists, \\x escapes."""
    out = []
    for m in _B64.finditer(script):
        raw = m.group(1)
        try:
            text = base64.b64decode(raw + "=" * (-len(raw) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if text.isprintable() or "<" in text or "http" in text:
            out.append(text)
    for m in _CHARCODES.finditer(script):
        try:
            out.append("".join(chr(int(n)) for n in m.group(1).split(",")))
        except ValueError:
            continue
    for m in _HEX.finditer(script):
        out.append(bytes.fromhex(m.group().replace("\\x", "")).decode("latin-1"))
    return out


class ScriptInjectionCheck(PageCheck):
    name = "script_injection"
    title = "Mã script chèn liên kết hoặc chuyển hướng"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            for src in doc.script_srcs:
                verdict = ctx.gambling_domain(host_of(src))
                if verdict:
                    out.append(
                        self.finding(
                            f"Trang nạp script từ tên miền cờ bạc ({verdict}).",
                            url=ctx.url,
                            severity=Severity.CRITICAL,
                            evidence=src,
                            links=[src],
                            domains=[host_of(src)],
                            identities=identities,
                        )
                    )
            for script in doc.scripts:
                finding = self._inspect(ctx, script, identities)
                if finding is not None:
                    out.append(finding)
        return out

    def _inspect(self, ctx: PageContext, script: str, identities: list[str]) -> Finding | None:
        payloads = _decoded_payloads(script)
        hidden = bool(payloads)
        texts = [script, *payloads]
        hosts = {m.group(1).lower() for text in texts for m in URL_RE.finditer(text)}
        offsite = {h for h in hosts if ctx.offsite(h)}
        gambling = sorted(h for h in offsite if ctx.blocklist.judge(h))
        untrusted = sorted(h for h in offsite if not ctx.blocklist.trusted(h))
        writes = bool(_WRITE.search(script)) or any("<a" in p.lower() for p in payloads)
        redirects = bool(_REDIRECT.search(script)) or any("location" in p for p in payloads)
        conditional = bool(_CONDITION.search(script))
        spam = any(ctx.hits(p).promotional() for p in payloads) or ctx.hits(script).promotional()
        reasons = []
        if gambling:
            reasons.append(f"chứa địa chỉ trang cờ bạc {', '.join(gambling[:5])}")
        if untrusted and redirects and conditional:
            reasons.append("chuyển hướng ra ngoài tùy theo Referer/thiết bị của khách")
        elif untrusted and redirects and hidden:
            reasons.append("chuyển hướng ra ngoài tới địa chỉ được mã hóa")
        if untrusted and writes and hidden:
            reasons.append("ghi liên kết ra ngoài từ chuỗi được mã hóa (base64/atob, mã ký tự)")
        if spam and (writes or hidden):
            reasons.append("ghi nội dung quảng cáo cờ bạc vào trang")
        if not reasons:
            return None
        severity = Severity.CRITICAL if gambling else Severity.HIGH
        return self.finding(
            "Script nội tuyến " + "; ".join(reasons) + ".",
            url=ctx.url,
            severity=severity,
            evidence=snippet(script, 400),
            domains=(gambling or untrusted)[:20],
            identities=identities,
        )


class StructuredDataCheck(PageCheck):
    name = "structured_data"
    title = "Dữ liệu cấu trúc (JSON-LD) trỏ tới trang cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            for data in doc.jsonld:
                hosts = {m.group(1).lower() for m in URL_RE.finditer(data)}
                gambling = sorted(h for h in hosts if ctx.gambling_domain(h))
                untrusted = [h for h in hosts if ctx.offsite(h) and not ctx.blocklist.trusted(h)]
                spam = bool(untrusted) and ctx.hits(data).promotional()
                if gambling or spam:
                    out.append(
                        self.finding(
                            "Khối JSON-LD khai báo với máy tìm kiếm "
                            + (f"các địa chỉ cờ bạc {', '.join(gambling[:5])}" if gambling else "nội dung cờ bạc")
                            + ".",
                            url=ctx.url,
                            evidence=snippet(data, 400),
                            domains=gambling,
                            identities=identities,
                        )
                    )
        return out
