"""Deterministic labelled corpus of state-website pages: clean portals, clean news about gambling, injected variants.

``samples(seed, n, heldout=False)`` yields :class:`Sample` records; ``heldout=True`` uses another page template, other
anchor words, brands not in the shipped list and another half of the real domain list, so that the quality bench
measures checks on pages they were not tuned on. Bodies are 30–300 KB like real portal pages.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.webwatch import slotgen as sg
from bench.webwatch import textgen as tg
from bench.webwatch.injections import TECHNIQUES, inject

REPO = Path(__file__).resolve().parents[2]
IDENTITIES = ("browser", "google_referrer", "googlebot", "mobile_google")
CLEAN_KINDS = ("portal", "portal", "gambling_news", "gambling_news", "warning", "article", "mobile_variant", "research")


def shared_data_dir() -> Path:
    return Path(os.environ.get("CANHGIAC_SHARED_DATA", REPO.parent / "shared" / "data"))


def load_gambling_domains() -> list[str]:
    """Real gambling domains of ../shared/data/hostsvn; fails loudly when the data is missing."""
    base = shared_data_dir() / "hostsvn"
    files = [base / "gambling-domain-VN.txt", base / "gambling-domain.txt"]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"shared data missing (set CANHGIAC_SHARED_DATA): {', '.join(missing)}")
    out = []
    for f in files:
        out.extend(x.strip() for x in f.read_text(encoding="utf-8").splitlines() if x.strip() and x[0] != "#")
    return out


@dataclass
class Sample:
    name: str
    label: str  # "clean" or "injected"
    technique: str
    kind: str
    url: str
    views: dict[str, str]  # identity -> HTML
    via: str = "link"
    redirects: dict[str, str] = field(default_factory=dict)  # identity -> off-site redirect host
    baseline_html: str | None = None  # the page at its last clean scan, when the sample has one


@dataclass
class Domains:
    blocklisted: list[str]
    unknown: list[str]
    brands: list[str]


def domains_for(rng: random.Random, real: list[str], heldout: bool) -> Domains:
    half = real[1::2] if heldout else real[0::2]
    words = ["giaitri", "vuichoi", "thethao", "tinnhanh", "xemngay", "trangvang", "sieutoc", "hotnhat", "vip"]
    tlds = [".top", ".xyz", ".site", ".online", ".club", ".fun", ".live", ".pro"]
    unknown = [f"{rng.choice(words)}-{rng.choice(words)}{rng.randint(1, 99)}{rng.choice(tlds)}" for _ in range(200)]
    return Domains(
        blocklisted=rng.sample(half, min(2000, len(half))),
        unknown=unknown,
        brands=tg.HELDOUT_BRANDS if heldout else tg.BRANDS,
    )


def _news_items(rng: random.Random, host: str, n: int, gambling_share: float) -> list[tuple[str, str]]:
    items = []
    for i in range(n):
        pool = tg.GAMBLING_NEWS if rng.random() < gambling_share else tg.NEWS
        items.append((tg.fill(rng, rng.choice(pool)), f"/tin-tuc/bai-{rng.randint(1000, 99999)}-{i}.html"))
    return items


def _head(rng: random.Random, host: str, title: str, desc: str, path: str) -> str:
    token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-") for _ in range(43))
    return f"""<head><meta charset="utf-8"><title>{title}</title>
<meta name="description" content="{desc}"><meta name="keywords" content="cổng thông tin, {title[:40]}">
<meta property="og:title" content="{title}"><meta property="og:url" content="https://{host}{path}">
<meta name="google-site-verification" content="{token}">
<link rel="canonical" href="https://{host}{path}"><link rel="stylesheet" href="/css/style.css">
<style>.sub-menu{{display:none}} .tab-pane{{display:none}} .tab-pane.active{{display:block}}
.sr-only{{position:absolute;left:-10000px}} .modal{{display:none}}</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-{rng.randint(10**6, 10**7)}"></script>
<script>window.dataLayer=window.dataLayer||[];
function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"GovernmentOrganization","name":"{title}",
"url":"https://{host}/","sameAs":["https://www.facebook.com/{host.split(".")[0]}"]}}</script>
<!--INJECT-HEAD--></head>"""


def _menu(rng: random.Random, template: str) -> str:
    items = rng.sample(tg.MENU, 10)
    lis = []
    for item in items:
        subs = "".join(f'<li><a href="/{item[:6]}/{j}.html">{s}</a></li>' for j, s in enumerate(rng.sample(tg.MENU, 4)))
        if template == "ministry":
            lis.append(f'<li class="dropdown"><a href="#">{item}</a><ul class="dropdown-menu" hidden>{subs}</ul></li>')
        else:
            lis.append(f'<li><a href="/{item[:8]}.html">{item}</a><ul class="sub-menu">{subs}</ul></li>')
    return f'<nav class="menu"><ul>{"".join(lis)}</ul></nav>'


def _links_box(rng: random.Random) -> str:
    gov = [f"https://{p}.{rng.choice(['gov.vn', 'edu.vn'])}" for p in ["nghean", "thanhhoa", "hatinh", "moet", "mic"]]
    links = "".join(f'<li><a href="{u}" target="_blank">Cổng TTĐT {u[8:20]}</a></li>' for u in gov)
    return f'<div class="lien-ket"><h3>Liên kết website</h3><ul style="display:none" class="lk-list">{links}</ul></div>'


def _tabs(rng: random.Random, host: str, gambling_share: float) -> str:
    panes = []
    for i in range(3):
        items = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in _news_items(rng, host, 6, gambling_share))
        cls = "tab-pane active" if i == 0 else "tab-pane"
        style = "" if i == 0 else ' style="display:none"'
        panes.append(f'<div class="{cls}"{style}><ul>{items}</ul></div>')
    return f'<div class="tabs">{"".join(panes)}</div>'


def _footer(rng: random.Random, agency: str, province: str) -> str:
    return f"""<footer><p>Cơ quan chủ quản: {agency} tỉnh {province}. Địa chỉ: số {rng.randint(1, 300)} đường Lê Lợi,
thành phố {province}. Điện thoại: 0{rng.randint(200, 299)}.{rng.randint(3000000, 3999999)}.</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này. © <script>document.write(new Date().getFullYear())
</script></p><!--INJECT-FOOTER--></footer>
<iframe src="https://www.youtube.com/embed/{rng.randint(10**9, 10**10)}" width="560" height="315"></iframe>
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0"
style="display:none;visibility:hidden"></iframe></noscript>"""


def page(rng: random.Random, host: str, kind: str, template: str, size_kb: int) -> tuple[str, str]:
    """A clean page of ``kind``; returns (path, html)."""
    province, agency = rng.choice(tg.PROVINCES), rng.choice(tg.AGENCIES)
    gambling_share = 0.25 if kind != "article" else 0.05
    if kind in ("gambling_news", "warning"):
        pool = tg.GAMBLING_NEWS
        title = tg.fill(rng, rng.choice(pool))
        if kind == "warning":
            title = f"Cảnh báo: {title}"
        path = f"/tin-tuc/{rng.randint(10**5, 10**6)}.html"
    elif kind == "article":
        title = tg.fill(rng, rng.choice(tg.NEWS))
        path = f"/tin-tuc/{rng.randint(10**5, 10**6)}.html"
    elif kind == "research":  # a thesis, study or seminar page: gambling discussed in words not in its headline
        title, research_desc = sg.discussion(rng)
        path = f"/nghien-cuu/{rng.randint(10**5, 10**6)}.html"
    else:
        title, path = f"Cổng thông tin điện tử {agency} tỉnh {province}", "/"
    desc = title if kind != "portal" else f"Thông tin chính thức của {agency} tỉnh {province}"
    head_title = title
    if kind == "research":
        desc, head_title = research_desc, f"{title} | {agency} tỉnh {province}"
    body = [_menu(rng, template)]
    if template != "school":
        body.append(f'<marquee scrollamount="3">Chào mừng kỷ niệm ngày thành lập tỉnh {province}</marquee>')
    body.append('<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>')
    if kind in ("gambling_news", "warning", "article", "research"):
        body.append(f"<article><h1>{title}</h1>")
        pool = tg.CRACKDOWN if kind != "article" else tg.SENTENCES
        for _ in range(rng.randint(6, 14)):
            body.append(f"<p>{' '.join(tg.fill(rng, rng.choice(pool)) for _ in range(rng.randint(2, 5)))}</p>")
        refs = ["https://congan.nghean.gov.vn/tin/1.html", "https://vnexpress.net/phap-luat", "https://cand.com.vn/"]
        body.append(
            '<p class="lien-quan">Tin liên quan: '
            + " · ".join(f'<a href="{u}">{tg.fill(rng, rng.choice(tg.GAMBLING_NEWS))}</a>' for u in refs)
            + "</p></article>"
        )
    body.append(_tabs(rng, host, gambling_share))
    body.append(_links_box(rng))
    html_len = 0
    while html_len < size_kb * 1024 - 4000:
        items = _news_items(rng, host, 10, gambling_share)
        block = "".join(
            f'<div class="news-item"><a href="{u}"><img src="/images/{rng.randint(1, 999)}.jpg" alt="{t}"></a>'
            f'<h3><a href="{u}">{t}</a></h3><p>{tg.fill(rng, rng.choice(tg.SENTENCES))}</p></div>'
            for t, u in items
        )
        body.append(f'<section class="news-list">{block}</section>')
        html_len += len(block.encode())
    body.append(_footer(rng, agency, province))
    cls = {"portal": "portal", "school": "wp-site", "ministry": "container-fluid"}[template]
    html = f'<!DOCTYPE html><html lang="vi">{_head(rng, host, head_title, desc, path)}<body class="{cls}">'
    html += "\n".join(body) + "<!--INJECT-BODY--></body></html>"
    return path, html


def mobile_layout(html: str) -> str:
    """The same page as a responsive site serves it to a phone: another wrapper, same content and links."""
    return html.replace('<body class="', '<body class="mobile ').replace("<marquee", '<div class="ticker"><marquee')


def samples(seed: int = 1, n: int = 400, *, heldout: bool = False, real_domains: list[str] | None = None):
    """Yield ``n`` labelled samples, about 45% clean (a third of those news about gambling) and 55% injected."""
    rng = random.Random(seed)
    domains = domains_for(rng, real_domains if real_domains is not None else load_gambling_domains(), heldout)
    templates = ("ministry",) if heldout else ("portal", "school")
    for i in range(n):
        template = rng.choice(templates)
        unit = rng.choice(["soyte", "stttt", "ubnd", "thpt-lqd", "sogd", "tnmt"])
        host = f"{unit}{i}.{rng.choice(['nghean', 'quangninh'])}.gov.vn"
        size = rng.randint(30, 300)
        if rng.random() < 0.45:
            kind = rng.choice(CLEAN_KINDS)
            path, html = page(rng, host, "portal" if kind == "mobile_variant" else kind, template, size)
            views = {ident: html for ident in IDENTITIES}
            baseline_html = None
            if kind == "mobile_variant":
                views["mobile_google"] = mobile_layout(html)
            elif rng.random() < 0.25:
                baseline_html = html.replace("Hội nghị", "Hội thảo", 3).replace("<section", "<section hidden", 1)
            yield Sample(
                f"clean-{i}", "clean", "none", kind, f"https://{host}{path}", views, baseline_html=baseline_html
            )
            continue
        technique = TECHNIQUES[i % len(TECHNIQUES)]
        kind = rng.choice(("portal", "portal", "gambling_news", "article"))
        path, html = page(rng, host, kind, template, size)
        sample = Sample(f"inj-{i}", "injected", technique, kind, f"https://{host}{path}", {})
        inject(rng, sample, html, domains, heldout)
        yield sample
