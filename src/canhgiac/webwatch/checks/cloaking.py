"""Cloaking: a search-engine bot, a visitor from Google or a phone receives what an ordinary browser does not."""

from __future__ import annotations

from canhgiac.webwatch.checks.base import PageCheck, PageContext, snippet
from canhgiac.webwatch.checks.scripts import URL_RE
from canhgiac.webwatch.engine.parse import PageDoc
from canhgiac.webwatch.engine.results import Finding, Severity


def _offsite_hosts(ctx: PageContext, doc: PageDoc) -> set[str]:
    hosts = {link.host for link in doc.links if ctx.offsite(link.host)}
    hosts.update(f.host for f in doc.frames if ctx.offsite(f.host))
    return hosts | _redirect_hosts(ctx, doc)


def _redirect_hosts(ctx: PageContext, doc: PageDoc) -> set[str]:
    """Off-site hosts named in scripts, meta refresh and canonical links: where a view may send its visitor."""
    texts = [*doc.scripts, *doc.meta.get("refresh", ()), *doc.canonical, *doc.script_srcs]
    return {m.group(1).lower() for t in texts for m in URL_RE.finditer(t) if ctx.offsite(m.group(1).lower())}


def _spam_terms(ctx: PageContext, doc: PageDoc) -> set[str]:
    terms: set[str] = set()
    texts = [doc.title, doc.visible_text, *doc.meta_values("description", "keywords")] + [b.text for b in doc.blocks]
    for text in texts:
        hits = ctx.hits(text)
        if hits.spam:
            terms.update(t for t in hits.terms if t not in _enforcement(ctx))
    return terms


def _enforcement(ctx: PageContext) -> set[str]:
    return ctx.vocabulary.enforcement_terms


class CloakingCheck(PageCheck):
    name = "cloaking"
    title = "Che giấu nội dung theo loại khách truy cập (cloaking)"
    severity = Severity.CRITICAL

    def run(self, ctx: PageContext) -> list[Finding]:
        base_view = ctx.views.get("browser")
        base_doc = ctx.docs.get("browser")
        if base_view is None:
            return []
        out = []
        for identity, view in ctx.views.items():
            if identity == "browser":
                continue
            if view.offsite_redirect and view.offsite_redirect != base_view.offsite_redirect:
                verdict = ctx.blocklist.judge(view.offsite_redirect)
                out.append(
                    self.finding(
                        f"Khách “{identity}” bị chuyển hướng sang {view.offsite_redirect} "
                        f"({verdict or 'tên miền khác'}), trình duyệt thường thì không.",
                        url=ctx.url,
                        severity=Severity.CRITICAL if verdict else Severity.HIGH,
                        evidence=" → ".join(view.redirect_chain[-4:]),
                        domains=[view.offsite_redirect],
                        identities=[identity],
                    )
                )
                continue
            doc = ctx.docs.get(identity)
            if doc is None or base_doc is None or doc is base_doc:
                continue
            new_hosts = _offsite_hosts(ctx, doc) - _offsite_hosts(ctx, base_doc)
            new_terms = _spam_terms(ctx, doc) - _spam_terms(ctx, base_doc)
            gambling = sorted(h for h in new_hosts if ctx.blocklist.judge(h))
            untrusted = sorted(h for h in new_hosts if not ctx.blocklist.trusted(h))
            redirect = sorted(h for h in untrusted if h in _redirect_hosts(ctx, doc))
            if redirect and not gambling:
                out.append(
                    self.finding(
                        f"Khách “{identity}” nhận được mã chuyển hướng sang {', '.join(redirect[:5])} "
                        "mà trình duyệt thường không nhận.",
                        url=ctx.url,
                        severity=Severity.HIGH,
                        evidence=snippet(" | ".join(doc.scripts[:3] + doc.meta.get("refresh", [])), 400),
                        domains=redirect,
                        identities=[identity],
                    )
                )
            elif gambling or (new_terms and untrusted) or len(new_terms) >= 2:
                severity = Severity.CRITICAL if gambling or untrusted else Severity.HIGH
                why = f"Khách “{identity}” nhận được nội dung khác trình duyệt thường"
                if new_hosts:
                    why += f": thêm liên kết tới {', '.join(sorted(new_hosts)[:8])}"
                if new_terms:
                    why += f"; thêm từ ngữ cờ bạc: {', '.join(sorted(new_terms)[:8])}"
                out.append(
                    self.finding(
                        why + ".",
                        url=ctx.url,
                        severity=severity,
                        evidence=snippet(f"{doc.title} | {doc.visible_text[:300]}"),
                        domains=sorted(new_hosts)[:30],
                        identities=[identity],
                    )
                )
            elif untrusted:
                out.append(
                    self.finding(
                        f"Khách “{identity}” thấy thêm liên kết ra ngoài mà trình duyệt thường không thấy: "
                        f"{', '.join(untrusted[:8])}.",
                        url=ctx.url,
                        severity=Severity.LOW,
                        domains=untrusted[:30],
                        identities=[identity],
                    )
                )
        return out
