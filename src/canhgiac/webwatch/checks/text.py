"""Gambling vocabulary in hidden text, visible text, title and meta tags.

Words alone do not make an injection: a police report on a betting ring is full of them. Hidden text fires when it
advertises; visible text only when the whole page reads as an advertisement (promo and brand words, no news context).
"""

from __future__ import annotations

from canhgiac.webwatch.checks.base import PageCheck, PageContext, snippet
from canhgiac.webwatch.engine.judge import glued_name, judge, site_names
from canhgiac.webwatch.engine.results import Finding, Severity
from canhgiac.webwatch.engine.vocab import Hits, fold

META_FIELDS = (
    "description",
    "keywords",
    "og:title",
    "og:description",
    "og:site_name",
    "twitter:title",
    "twitter:description",
)


def _navigation(block) -> bool:
    """A hidden menu, tab or news list: its text is the anchors of links within the site (headlines, menu items)."""
    if not block.links or any(link.host for link in block.links):
        return False
    anchors = sum(len(link.text) for link in block.links)
    return anchors >= 0.7 * len(block.text)


class HiddenTextCheck(PageCheck):
    name = "hidden_text"
    title = "Văn bản ẩn quảng cáo cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            for block in doc.blocks:
                hits = ctx.hits(block.text)
                if not hits.promotional() or _navigation(block):
                    continue
                out.append(
                    self.finding(
                        f"Khối nội dung bị ẩn bằng “{block.reason}” chứa từ ngữ quảng cáo cờ bạc: "
                        f"{', '.join(hits.top_terms())}.",
                        url=ctx.url,
                        evidence=snippet(block.text),
                        links=[link.url for link in block.links if link.host][:20],
                        domains=sorted({link.host for link in block.links if link.host})[:20],
                        identities=identities,
                    )
                )
        return out


class VisibleTextCheck(PageCheck):
    name = "gambling_text"
    title = "Nội dung hiển thị quảng cáo cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        mentioned = None
        for doc, identities in ctx.distinct():
            hits = ctx.hits(doc.visible_text)
            if hits.promotional_page():
                out.append(
                    self.finding(
                        "Nội dung hiển thị của trang là quảng cáo cờ bạc (nhiều từ ngữ quảng cáo, tên nhà cái, "
                        f"không có ngữ cảnh tin tức): {', '.join(hits.top_terms())}.",
                        url=ctx.url,
                        evidence=snippet(doc.visible_text[:600]),
                        identities=identities,
                    )
                )
            elif hits.any_gambling and mentioned is None:
                mentioned = self.finding(
                    "Trang có nhắc tới cờ bạc trong nội dung hiển thị, trong ngữ cảnh tin tức hoặc cảnh báo "
                    f"(chỉ để tham khảo): {', '.join(hits.top_terms(5))}.",
                    url=ctx.url,
                    severity=Severity.INFO,
                    identities=identities,
                )
        if not out and mentioned is not None:
            out.append(mentioned)
        return out


class MetaTagsCheck(PageCheck):
    name = "gambling_meta"
    title = "Tiêu đề / thẻ meta quảng cáo cờ bạc"
    severity = Severity.HIGH

    def run(self, ctx: PageContext) -> list[Finding]:
        out = []
        for doc, identities in ctx.distinct():
            seen: set[str] = set()
            glued = glued_name(doc.title, site_names(ctx.site_host, doc.meta), ctx.vocabulary)
            article = bool(doc.h1) and len(doc.h1) > 10 and fold(doc.h1) in fold(doc.title)
            foreign = len(doc.visible_text) >= 200 and not ctx.hits(doc.visible_text).any_gambling
            selling, mentioning = Hits(), Hits()
            named: list[str] = []
            for name, value in [("title", doc.title)] + [(n, v) for n in META_FIELDS for v in doc.meta.get(n, ())]:
                if not value.strip() or value in seen:
                    continue
                seen.add(value)
                # The page's own headline is the article's subject; judge only what was written around it.
                rest = value.replace(doc.h1, " ") if doc.h1 and len(doc.h1) > 10 else value
                hits = ctx.hits(rest) if rest.strip() else None
                if hits is None or not hits.any_gambling:
                    continue
                named.append(name)
                own = judge(hits, glued=glued if name == "title" else "", article=article, foreign=foreign)
                (selling if own.promotes else mentioning).add(hits)
            if not named:
                continue
            if selling.any_gambling:
                verdict = judge(selling, glued=glued, article=article, foreign=foreign)
                verdict.promotes = True
                verdict.discussing += judge(mentioning).discussing
            else:
                verdict = judge(mentioning, article=article, foreign=foreign)
            evidence = snippet(" | ".join(f"{n}: {v}" for n in named for v in _values(doc, n)))
            if verdict.promotes:
                out.append(
                    self.finding(
                        f"Tiêu đề hoặc thẻ meta ({', '.join(named)}) quảng cáo cờ bạc. {verdict.explain()}",
                        url=ctx.url,
                        severity=Severity.CRITICAL if glued else Severity.HIGH,
                        evidence=evidence,
                        identities=identities,
                    )
                )
            else:
                out.append(
                    self.finding(
                        f"Tiêu đề hoặc thẻ meta ({', '.join(named)}) nhắc tới cờ bạc (chỉ để tham khảo). "
                        f"{verdict.explain()}",
                        url=ctx.url,
                        severity=Severity.INFO,
                        evidence=evidence,
                        identities=identities,
                    )
                )
        return out


def _values(doc, name: str) -> list[str]:
    return [doc.title] if name == "title" else list(doc.meta.get(name, ()))[:1]
