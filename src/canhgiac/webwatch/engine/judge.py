"""Promotion or discussion: does a text sell gambling (brands, calls to play or deposit, amounts, slot games, a brand
glued to the site's own name) or talk about it (news, law, research, warnings)? The answer carries its reasons, in
Vietnamese, for the inspector reading the finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from canhgiac.webwatch.engine.vocab import Hits, Vocabulary, fold

# Words of a host name that do not name the site itself.
_GENERIC_LABELS = frozenset(
    "www www2 m mobile web portal gov go ac edu sch desa mil or org net com co id vn br in info site online "
    "kab kota prov jurnal journal ejournal ojs repository repo library lib digilib lms elearning".split()
)
_SEPARATORS = re.compile(r"\s+[-|–—:»>#*•·~+/]+\s+|\s*[|»>#•·~]\s*|:\s+")


_DISCUSSION = "thảo luận về cờ bạc (tin tức, pháp luật, nghiên cứu, cảnh báo)"


@dataclass(slots=True)
class Verdict:
    promotes: bool
    selling: list[str] = field(default_factory=list)  # reasons it promotes
    discussing: list[str] = field(default_factory=list)  # reasons it discusses

    def explain(self) -> str:
        verdict = "quảng cáo cờ bạc" if self.promotes else _DISCUSSION
        parts = [f"Đánh giá: {verdict}."]
        if self.selling:
            parts.append("Dấu hiệu quảng cáo: " + "; ".join(self.selling) + ".")
        if self.discussing:
            parts.append("Dấu hiệu thảo luận: " + "; ".join(self.discussing) + ".")
        return " ".join(parts)


def judge(hits: Hits, *, glued: str = "", article: bool = False, foreign: bool = False) -> Verdict:
    """Weigh what sells against what discusses. ``glued``: the site's name found glued to a gambling phrase in the
    title (the strongest sign of an injected title); ``article``: the page has its own article headline;
    ``foreign``: the page's own visible text never mentions gambling, so the gambling words do not belong to it."""
    v = Verdict(promotes=False)
    if hits.brand:
        v.selling.append("tên nhà cái / thương hiệu cờ bạc: " + ", ".join(hits.terms_of("brand")))
    if hits.promo:
        v.selling.append("lời mời chơi, nạp tiền, số tiền: " + ", ".join(hits.terms_of("promo")))
    if hits.game:
        v.selling.append("tên trò chơi slot / nhà cung cấp game: " + ", ".join(hits.terms_of("game")))
    if hits.context and (hits.promo or hits.brand or hits.game):
        v.selling.append("từ ngữ, hình dạng đi kèm quảng cáo: " + ", ".join(hits.terms_of("context")))
    if glued:
        v.selling.append(f"tên của chính trang (“{glued}”) bị ghép với cụm từ cờ bạc — kiểu tiêu đề bị chèn")
    if foreign and hits.any_gambling:
        v.selling.append("nội dung hiển thị của trang không hề nhắc tới cờ bạc: dòng chữ này không thuộc về trang")
    if hits.enforcement:
        words = ", ".join(hits.terms_of("enforcement"))
        v.discussing.append(f"từ ngữ tin tức, pháp luật, nghiên cứu, cảnh báo: {words}")
    if article:
        v.discussing.append("trang có tiêu đề bài viết riêng trùng với tiêu đề trang")
    if glued:
        v.promotes = True
        return v
    sell = hits.promo + hits.brand + hits.game
    if not sell and hits.gambling + hits.context < 2:
        return v  # a gambling word named, nothing sold
    selling = 2 * hits.promo + 2 * hits.brand + hits.game + hits.gambling + hits.context / 2 + (1 if foreign else 0)
    discussing = 2 * hits.enforcement + (1 if article else 0)
    v.promotes = selling > discussing
    return v


def site_names(host: str, doc_meta: dict[str, list[str]] | None = None) -> list[str]:
    """Folded words that name the site: labels of its host name and its declared og:site_name."""
    names = []
    for label in host.lower().split("."):
        for part in label.split("-"):
            if len(part) >= 4 and part not in _GENERIC_LABELS and not part.isdigit():
                names.append(part)
    for value in (doc_meta or {}).get("og:site_name", ()):
        folded = fold(value).strip()
        if 4 <= len(folded) <= 60:
            names.append(folded)
    return names


def glued_name(title: str, names: list[str], vocab: Vocabulary) -> str:
    """The site name when the title is "<gambling phrase> <separator> <site name>" (or the other way round)."""
    if not names:
        return ""
    segments = [s for s in _SEPARATORS.split(title) if s and s.strip()]
    if len(segments) < 2:
        return ""
    named, selling = "", False
    for segment in segments:
        stream = fold(segment)
        hit = next((n for n in names if f" {n} " in stream or f" {n.replace(' ', '')} " in stream), "")
        if hit:
            named = hit
            continue
        hits = vocab.scan(segment, stream)
        if hits.promotional() and hits.enforcement == 0:
            selling = True
    return named if named and selling else ""
