"""Plain-text rendering of scan results for the terminal (Vietnamese)."""

from __future__ import annotations

from canhgiac.webwatch.engine.results import Severity, SiteResult

SEVERITY_VI = {
    Severity.INFO: "thông tin",
    Severity.LOW: "thấp",
    Severity.MEDIUM: "trung bình",
    Severity.HIGH: "cao",
    Severity.CRITICAL: "nghiêm trọng",
}
STATUS_VI = {"clean": "SẠCH", "findings": "CÓ DẤU HIỆU BỊ CHÈN/XÂM NHẬP", "error": "LỖI KHI QUÉT"}


def render_site(result: SiteResult, *, show_info: bool = False) -> str:
    lines = [f"== {result.url}: {STATUS_VI[result.status]}"]
    stats = result.stats
    if stats:
        lines.append(
            f"   {stats.get('pages', 0)} trang, {stats.get('requests', 0)} yêu cầu, {stats.get('errors', 0)} lỗi"
        )
    for f in sorted(result.all_findings(), key=lambda f: -f.severity):
        if f.severity < Severity.LOW and not show_info:
            continue
        who = f" [{', '.join(f.identities)}]" if f.identities else ""
        lines.append(f" - [{SEVERITY_VI[f.severity]}] {f.check} {f.url}{who}")
        lines.append(f"   {f.why}")
        if f.evidence:
            lines.append(f"   Bằng chứng: {f.evidence[:200]}")
    for e in result.errors + result.page_errors():
        lines.append(f" ! {e.kind} {e.url} {e.identity}: {e.message}")
    return "\n".join(lines) + "\n"
