"""Injection techniques seen on hacked state websites, applied to a clean page of the corpus."""

from __future__ import annotations

import base64
import json
import random
import re

from bench.webwatch import slotgen as sg
from bench.webwatch import textgen as tg

TECHNIQUES = (
    "hidden_div",
    "visibility",
    "offscreen",
    "font_zero",
    "zero_size",
    "overflow",
    "css_class",
    "marquee",
    "cloak_ua",
    "cloak_referer",
    "cloak_mobile",
    "js_docwrite",
    "js_atob",
    "js_redirect",
    "json_ld",
    "meta_refresh",
    "canonical",
    "amphtml",
    "iframe",
    "deface_sig",
    "deface_replaced",
    "doorway",
    "verification",
    "title_meta",
    "visible_links",
    "slot_title",
)
ALL = ("browser", "google_referrer", "googlebot", "mobile_google")


def spam_links(rng: random.Random, domains, heldout: bool, n: int | None = None) -> list[tuple[str, str]]:
    """(url, anchor text) pairs: real blocklisted domains, brand-named domains and unknown domains."""
    out = []
    anchors = tg.HELDOUT_ANCHORS if heldout else tg.ANCHORS
    for _ in range(n or rng.randint(2, 9)):
        r = rng.random()
        brand = rng.choice(domains.brands)
        if r < 0.4:
            domain = rng.choice(domains.blocklisted)
        elif r < 0.7:
            tld = rng.choice(["bet", "com", "vip", "net", "top"])
            domain = f"{brand}{rng.choice(['', 'vn', '-vip', 'link', 'com'])}.{tld}"
        else:
            domain = rng.choice(domains.unknown)
        anchor = tg.obfuscate(rng, tg.fill(rng, rng.choice(anchors), domains.brands))
        out.append((f"https://{domain}/{rng.choice(['', '?ref=gov', 'dang-ky', 'lien-ket'])}", anchor))
    return out


def links_html(links: list[tuple[str, str]]) -> str:
    return " ".join(f'<a href="{u}" title="{a}">{a}</a>' for u, a in links)


def spam_text(rng: random.Random, domains) -> str:
    return " ".join(tg.fill(rng, rng.choice(tg.SPAM_PARAS), domains.brands) for _ in range(rng.randint(2, 4)))


def _put(html: str, where: str, payload: str) -> str:
    return html.replace(f"<!--INJECT-{where}-->", payload, 1)


HIDERS = {
    "hidden_div": ['<div style="display:none">{x}</div>', '<div style="display: none !important;">{x}</div>'],
    "visibility": ['<div style="visibility:hidden;height:0">{x}</div>', '<span style="visibility: hidden">{x}</span>'],
    "offscreen": [
        '<div style="position:absolute;left:-9999px;top:-9999px">{x}</div>',
        '<div style="position: fixed; top: -3000px; left: 0">{x}</div>',
    ],
    "font_zero": ['<p style="font-size:0px">{x}</p>', '<div style="font-size: 0; line-height: 0">{x}</div>'],
    "zero_size": ['<div style="width:1px;height:1px;overflow:hidden">{x}</div>', '<div style="height: 0px">{x}</div>'],
    "overflow": [
        '<div style="height:0;overflow:hidden">{x}</div>',
        '<div style="max-height:0px;overflow:hidden">{x}</div>',
    ],
    "marquee": [
        '<marquee width="1" height="1">{x}</marquee>',
        '<marquee scrollamount="200" behavior="alternate">{x}</marquee>',
    ],
}


def inject(rng: random.Random, sample, html: str, domains, heldout: bool) -> None:
    """Fill ``sample.views`` (and via / redirects / baseline) with ``sample.technique`` applied to ``html``."""
    t = sample.technique
    links = spam_links(rng, domains, heldout)
    url0 = links[0][0]
    host0 = url0.split("/")[2]
    where = rng.choice(["FOOTER", "BODY"])
    views = None
    if t in HIDERS:
        tpl = HIDERS[t][1 if heldout else 0]
        payload = tpl.format(
            x=links_html(links) + (" " + tg.obfuscate(rng, spam_text(rng, domains)) if rng.random() < 0.5 else "")
        )
        html = _put(html, where, payload)
    elif t == "css_class":
        cls = rng.choice(["ft-x", "seo-box", "wp-lk", "lk-partner"])
        rule = f"#{cls}{{text-indent:-9999px;overflow:hidden}}" if heldout else f".{cls}{{display:none}}"
        attr = f'id="{cls}"' if heldout else f'class="{cls}"'
        html = _put(_put(html, "HEAD", f"<style>{rule}</style>"), where, f"<div {attr}>{links_html(links)}</div>")
    elif t == "cloak_ua":
        bot = html.replace("<title>", f"<title>{tg.fill(rng, rng.choice(tg.ANCHORS), domains.brands).title()} | ", 1)
        bot = _put(bot, "FOOTER", f'<div class="partner">{spam_text(rng, domains)} {links_html(links)}</div>')
        views = {i: html for i in ALL} | {"googlebot": bot}
    elif t == "cloak_referer":
        views = {i: html for i in ALL}
        if rng.random() < 0.5:
            sample.redirects = {"google_referrer": host0, "mobile_google": host0}
        else:
            js = f'<script>window.location.replace("{url0}");</script>'
            views["google_referrer"] = views["mobile_google"] = _put(html, "HEAD", js)
    elif t == "cloak_mobile":
        views = {i: html for i in ALL}
        views["mobile_google"] = _put(html, "HEAD", f'<meta http-equiv="refresh" content="0;url={url0}">')
    elif t == "js_docwrite":
        inner = f'<div style="position:absolute;left:-5000px">{links_html(links)}</div>'.replace('"', "'")
        html = _put(html, where, f'<script>document.write("{inner}");</script>')
    elif t == "js_atob":
        encoded = base64.b64encode((links_html(links) if heldout else url0).encode()).decode()
        js = (
            f'<script>document.write(atob("{encoded}"));</script>'
            if heldout
            else f'<script>var _0x1a=atob("{encoded}");if(document.referrer.indexOf("google")>-1)'
            f"{{window.location.href=_0x1a;}}</script>"
        )
        html = _put(html, where, js)
    elif t == "js_redirect":
        cond = (
            "/Android|iPhone/i.test(navigator.userAgent)"
            if heldout
            else "/google|bing|coccoc/i.test(document.referrer)"
        )
        html = _put(html, "HEAD", f'<script>if({cond}){{top.location.href="{url0}";}}</script>')
    elif t == "json_ld":
        data = {"@context": "https://schema.org", "@type": "Organization", "name": links[0][1], "url": url0}
        data["sameAs"] = [u for u, _ in links[1:4]]
        html = _put(html, "HEAD", f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    elif t == "meta_refresh":
        html = _put(html, "HEAD", f'<meta http-equiv="refresh" content="{rng.choice([0, 1, 3])}; url={url0}">')
    elif t == "canonical":
        html = html.replace('<link rel="canonical" href="https://', f'<link rel="canonical" href="https://{host0}/#', 1)
    elif t == "amphtml":
        html = _put(html, "HEAD", f'<link rel="amphtml" href="https://{host0}/amp/">')
    elif t == "iframe":
        style = 'style="display:none"' if heldout else 'width="0" height="0" frameborder="0"'
        html = _put(html, where, f'<iframe src="{url0}" {style}></iframe>')
    elif t == "deface_sig":
        who = rng.choice(["Mr.Kh4lid", "VN-Gh0st", "Sec7or Team", "AnonGhost"])
        msg = rng.choice([f"Hacked By {who}", f"h4ck3d by {who}", f"Defaced by {who}"])
        title = msg if rng.random() < 0.5 else "Trang chủ"
        html = (
            f"<html><head><title>{title}</title></head><body style='background:#000;color:#0f0'><center><h1>{msg}</h1>"
            f"<p>Your security is low. Greetz: {who}</p></center></body></html>"
        )
    elif t == "deface_replaced":
        sample.baseline_html = html
        title = rng.choice(
            ["Website tạm ngừng hoạt động", "Free Palestine", "We are legion", "Tuyển cộng tác viên online"]
        )
        body = " ".join(
            rng.choice(["We", "are", "watching", "you", "message", "to", "admin", "patch", "your", "system"])
            for _ in range(80)
        )
        html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
    elif t == "doorway":
        sample.via = "sitemap"
        title = tg.fill(rng, rng.choice(tg.ANCHORS), domains.brands).capitalize()
        paras = "".join(
            f"<p>{spam_text(rng, domains)} {links_html(spam_links(rng, domains, heldout, 3))}</p>" for _ in range(8)
        )
        head = f'<head><meta charset="utf-8"><title>{title}</title></head>'
        html = f"<html>{head}<body><h1>{title}</h1>{paras}</body></html>"
    elif t == "verification":
        token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(43))
        if heldout:
            sample.baseline_html = html
            name = rng.choice(["google-site-verification", "yandex-verification", "msvalidate.01"])
        else:
            name = "google-site-verification"
        html = _put(html, "HEAD", f'<meta name="{name}" content="{token}">')
    elif t == "title_meta":
        spam = tg.obfuscate(rng, tg.fill(rng, rng.choice(tg.ANCHORS + tg.HELDOUT_ANCHORS), domains.brands))
        brand = rng.choice(domains.brands).upper()
        html = html.replace("<title>", f"<title>{spam} {brand} - ", 1)
        html = html.replace('<meta name="description" content="', f'<meta name="description" content="{spam}. ', 1)
    elif t == "visible_links":
        banner = "".join(
            f'<a href="{u}"><img src="https://{u.split("/")[2]}/banner.gif" alt="{a}"></a>' for u, a in links[:3]
        )
        html = _put(html, "FOOTER", f'<div class="doi-tac">Đối tác: {links_html(links)} {banner}</div>')
    elif t == "slot_title":  # text-only injection: slot-game spam in the title and description, nothing else
        spam, desc = sg.slot_title(rng, heldout)
        host = sample.url.split("/")[2]
        if rng.random() < 0.5:  # the site's own name bent around the spam
            site = host.split(".")[0].upper()
            html = re.sub(r"<title>[^<]*</title>", f"<title>{spam} - {site}</title>", html, count=1)
        else:
            html = html.replace("<title>", f"<title>{spam} ", 1)
        meta = '<meta name="description" content="'
        html = re.sub(re.escape(meta) + r'[^"]*"', f'{meta}{desc}"', html, count=1)
    else:  # pragma: no cover - guarded by TECHNIQUES
        raise ValueError(t)
    sample.views = views or {i: html for i in ALL}
