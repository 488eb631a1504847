"""Defacement: a defacer's signature, or title and body replaced against the last clean baseline."""

from __future__ import annotations

from canhgiac.webwatch.checks.base import PageCheck, PageContext, snippet
from canhgiac.webwatch.engine.baseline import similarity
from canhgiac.webwatch.engine.results import Finding, Severity

#: Below this estimated word-set similarity to the baseline, the body counts as replaced.
REPLACED_BELOW = 0.2
#: A signature in the body of a short page is a defacement; in a long article it may be a quotation.
SHORT_PAGE = 3000


class DefacementCheck(PageCheck):
    name = "defacement"
    title = "Trang bị thay đổi giao diện (deface)"
    severity = Severity.CRITICAL

    def run(self, ctx: PageContext) -> list[Finding]:
        doc = ctx.primary
        if doc is None:
            return []
        title_hits = ctx.hits(doc.title)
        body_hits = ctx.hits(doc.visible_text)
        if title_hits.defacement or (body_hits.defacement and len(doc.visible_text.strip()) < SHORT_PAGE):
            return [
                self.finding(
                    "Trang mang dấu hiệu bị tin tặc thay giao diện: "
                    f"{', '.join((title_hits.top_terms() + body_hits.top_terms())[:4])}.",
                    url=ctx.url,
                    evidence=snippet(f"{doc.title} | {doc.visible_text[:400]}"),
                )
            ]
        base = ctx.baseline
        if not base or not base.get("fp"):
            return []
        sim = similarity(ctx.fingerprint(doc.visible_text), base["fp"])
        title_changed = bool(base.get("title")) and base["title"].strip() != doc.title.strip()
        if sim < REPLACED_BELOW and (title_changed or len(doc.visible_text) < base.get("text_len", 0) / 4):
            return [
                self.finding(
                    f"Nội dung trang thay đổi gần như toàn bộ so với lần quét sạch trước (độ giống {sim:.0%})"
                    + (f"; tiêu đề cũ “{base['title']}” nay là “{doc.title}”" if title_changed else "")
                    + ".",
                    url=ctx.url,
                    severity=Severity.HIGH,
                    evidence=snippet(f"{doc.title} | {doc.visible_text[:400]}"),
                )
            ]
        return []
