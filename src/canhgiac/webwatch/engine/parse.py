"""One parse of a page body (selectolax / Lexbor) into the features every check reads.

Hidden content is separated from visible content here: elements hidden by inline style, by simple rules of the
page's own <style> blocks, by the ``hidden`` attribute, or wrapped in <marquee>/<noscript>. The outermost hidden
element becomes a :class:`Block` with its text and links; it is then removed so that the remaining body text is what
a visitor sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

_HIDING = [
    (re.compile(r"display\s*:\s*none"), "display:none"),
    (re.compile(r"visibility\s*:\s*(?:hidden|collapse)"), "visibility:hidden"),
    (
        re.compile(r"(?:^|[;\s])(?:left|top|right|bottom|margin-left|margin-top|text-indent)\s*:\s*-\d{3,}"),
        "off-screen",
    ),
    (re.compile(r"font-size\s*:\s*[01](?:\.\d+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"), "font-size:0"),
    (re.compile(r"(?:^|[;\s])(?:max-)?(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$|!)"), "zero-size"),
    (re.compile(r"opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)"), "opacity:0"),
    (re.compile(r"clip(?:-path)?\s*:\s*(?:rect\(\s*0|inset\(\s*50%)"), "clip"),
    (re.compile(r"transform\s*:[^;]*(?:translate[xy]?\(\s*-\d{3,}|scale\(\s*0[\s,)])"), "transform"),
    (re.compile(r"line-height\s*:\s*0[^.]"), "line-height:0"),
]
_CSS_RULE = re.compile(r"([^{}@;]+)\{([^{}]*)\}")
# Everything parse_page reads, and the elements whose text is never visible (script, style, noscript, template,
# svg), in one walk of the tree; the kinds are told apart by tag name.
_ELEMENTS_QUERY = (
    "base[href], h1, meta, link[rel][href], style, script, iframe[src], frame[src], a[href], area[href], img[src], "
    "noscript, template, svg"
)
# Candidates for hidden blocks (inline style, hidden attribute, marquee, noscript), in one walk too.
_HIDDEN_QUERY = "body [style], body [hidden], marquee, body noscript"
_NON_PAGE = ("javascript:", "mailto:", "tel:", "data:", "#", "sms:", "skype:")


def hiding_reason(style: str) -> str:
    """The hiding trick of an inline style or CSS declaration block, or ""."""
    if not style:
        return ""
    style = style.lower()
    for pattern, reason in _HIDING:
        if pattern.search(style):
            return reason
    return ""


def host_of(url: str) -> str:
    rest = url.split("//", 1)[1] if "//" in url else url
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return host.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")


@dataclass(slots=True)
class Link:
    url: str
    host: str  # "" for a link within the same page host
    text: str
    tag: str = "a"
    hidden: str = ""  # the hiding trick when the link sits in a hidden block


@dataclass(slots=True)
class Block:
    """An outermost hidden element: its trick, text and links."""

    reason: str
    text: str
    html: str
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class Frame:
    src: str
    host: str
    hidden: str


@dataclass(slots=True)
class PageDoc:
    url: str
    title: str = ""
    h1: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)
    canonical: list[str] = field(default_factory=list)
    amphtml: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # inline script bodies
    script_srcs: list[str] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    visible_text: str = ""
    has_body: bool = False

    def meta_values(self, *names: str) -> list[str]:
        return [v for n in names for v in self.meta.get(n, ())]


class _Resolver:
    """Fast absolute URLs for the common href shapes; urljoin for the rest."""

    def __init__(self, base: str):
        self.base = base
        parts = urlsplit(base)
        self.scheme = parts.scheme or "http"
        self.origin = f"{self.scheme}://{parts.netloc}"

    def __call__(self, href: str) -> str | None:
        href = href.strip()
        if not href or href.lower().startswith(_NON_PAGE):
            return None
        if href.startswith(("http://", "https://")):
            url = href
        elif href.startswith("//"):
            url = f"{self.scheme}:{href}"
        elif href.startswith("/"):
            url = self.origin + href
        else:
            try:
                url = urljoin(self.base, href)
            except ValueError:
                return None
            if not url.startswith(("http://", "https://")):
                return None
        return url.split("#", 1)[0]


def _css_hidden_selectors(styles: list[str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for css in styles:
        for selectors, body in _CSS_RULE.findall(css[:200_000]):
            reason = hiding_reason(body)
            if not reason:
                continue
            for sel in selectors.split(","):
                sel = sel.strip()
                if sel and ":" not in sel and "[" not in sel and sel not in ("*", "html", "body"):
                    found.append((sel, reason))
                    if len(found) >= 60:
                        return found
    return found


def _in_body(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "body":
            return True
        parent = parent.parent
    return False


def _hidden_nodes(tree: LexborHTMLParser, styles: list[str]) -> list[tuple[object, str]]:
    """The outermost hidden elements, each with its hiding trick. Candidates are gathered in one pass over the tree
    (each ``css`` call is a walk of the whole tree); the first reason found for an element wins, in this order:
    inline style, the page's own CSS rules, the ``hidden`` attribute, <marquee>, <noscript>."""
    styled, flagged, marquees, noscripts = [], [], [], []
    seen: set[int] = set()
    for node in tree.css(_HIDDEN_QUERY):
        key = node.mem_id
        if key in seen:  # an element matching two selectors of the list is listed twice
            continue
        seen.add(key)
        attrs = node.attributes
        tag = node.tag
        # Every selector of the list but "marquee" is within <body>; a <marquee> is checked.
        if tag == "marquee":
            marquees.append(node)
            if ("style" in attrs or "hidden" in attrs) and not _in_body(node):
                continue
        elif tag == "noscript":
            noscripts.append(node)
        if "style" in attrs:
            styled.append((node, attrs["style"]))
        if "hidden" in attrs:
            flagged.append(node)
    nodes: dict[int, tuple[object, str]] = {}
    for node, style in styled:
        reason = hiding_reason(style or "")
        if reason:
            nodes.setdefault(node.mem_id, (node, reason))
    for sel, reason in _css_hidden_selectors(styles):
        try:
            matched = tree.css(sel)
        except Exception:  # noqa: BLE001 - hostile CSS must not stop a scan
            continue
        for node in matched:
            if node.tag not in ("html", "body"):
                nodes.setdefault(node.mem_id, (node, reason))
    for group, reason in ((flagged, "hidden"), (marquees, "marquee"), (noscripts, "noscript")):
        for node in group:
            nodes.setdefault(node.mem_id, (node, reason))
    outer = []
    for node, reason in nodes.values():
        parent = node.parent
        nested = False
        while parent is not None and parent.tag not in ("body", "html", "-undef"):
            if parent.mem_id in nodes:
                nested = True
                break
            parent = parent.parent
        if not nested:
            outer.append((node, reason))
    return outer


def _link(node, resolve: _Resolver, page_host: str, tag: str, attr: str, hidden: str = "") -> Link | None:
    href = node.attributes.get(attr) or ""
    url = resolve(href)
    if url is None:
        return None
    relative = not href.lstrip().startswith(("http:", "https:", "//"))
    host = "" if relative else host_of(url)
    if host == page_host:
        host = ""
    text = ""
    if tag == "a" and (host or hidden):
        text = _anchor_text(node)
    return Link(url=url, host=host, text=text[:300], tag=tag, hidden=hidden)


def _anchor_text(node) -> str:
    """Anchor text, or an image's alt text, or the title attribute."""
    text = node.text(deep=True, separator=" ", strip=True)
    if not text:
        img = node.css_first("img[alt]")
        text = (img.attributes.get("alt") or "") if img is not None else (node.attributes.get("title") or "")
    return text


def _anchors(nodes, resolve: _Resolver, page_host: str, hidden_by_id: dict[int, str], hidden: str = "") -> list[Link]:
    """Links of <a>/<area> nodes. The hot loop of a parse (hundreds of links a page), so the common href shapes
    (absolute, root-relative) are resolved inline; anchor text is read only for off-site or hidden links, the only
    ones whose words matter."""
    out: list[Link] = []
    origin = resolve.origin
    for node in nodes:
        href = node.attributes.get("href")
        if not href:
            continue
        if href[0] == "/" and href[1:2] != "/":  # root-relative: same host
            url, host = origin + href, ""
        elif href.startswith(("http://", "https://")):
            url = href
            host = host_of(href)
            if host == page_host:
                host = ""
        else:
            full = resolve(href)
            if full is None:
                continue
            relative = not href.lstrip().startswith(("http:", "https:", "//"))
            url, host = full, ("" if relative else host_of(full))
            if host == page_host:
                host = ""
        if "#" in url:
            url = url.split("#", 1)[0]
        if " " in url or "\n" in url or "\t" in url:
            url = url.strip()
        why = hidden or hidden_by_id.get(node.mem_id, "")
        text = _anchor_text(node)[:300] if (host or why) else ""
        out.append(Link(url, host, text, "a", why))
    return out


def parse_page(body: str, url: str) -> PageDoc:
    """Extract everything the checks need from one HTML body. The elements read are gathered by one ``css`` call
    (a walk of the whole tree each) and sorted by tag; each kind keeps document order."""
    tree = LexborHTMLParser(body)
    doc = PageDoc(url=url)
    base = h1 = None
    metas, rels, style_nodes, script_nodes, frame_nodes, anchor_nodes, img_nodes, unseen = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    for node in tree.css(_ELEMENTS_QUERY):
        tag = node.tag
        if tag == "a" or tag == "area":
            anchor_nodes.append(node)
        elif tag == "img":
            img_nodes.append(node)
        elif tag == "meta":
            metas.append(node)
        elif tag == "script":
            script_nodes.append(node)
        elif tag == "style":
            style_nodes.append(node)
        elif tag == "link":
            rels.append(node)
        elif tag == "iframe" or tag == "frame":
            frame_nodes.append(node)
        elif tag == "h1":
            if h1 is None:
                h1 = node
        elif tag == "base":
            if base is None:
                base = node
        elif tag == "noscript" or tag == "template" or tag == "svg":
            unseen.append(node)
    resolve = _Resolver(urljoin(url, base.attributes.get("href") or "") if base is not None else url)
    page_host = host_of(url)
    title = tree.css_first("title")
    doc.title = title.text(strip=True)[:500] if title is not None else ""
    doc.h1 = h1.text(separator=" ", strip=True)[:500] if h1 is not None else ""
    for node in metas:
        attrs = node.attributes
        name = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").strip().lower()
        if name:
            doc.meta.setdefault(name, []).append((attrs.get("content") or "")[:2000])
    for node in rels:
        rel = (node.attributes.get("rel") or "").lower().split()
        href = resolve(node.attributes.get("href") or "")
        if href and "canonical" in rel:
            doc.canonical.append(href)
        elif href and "amphtml" in rel:
            doc.amphtml.append(href)
    styles = [n.text() for n in style_nodes]
    for node in script_nodes:
        attrs = node.attributes
        src = attrs.get("src")
        if src:
            full = resolve(src)
            if full:
                doc.script_srcs.append(full)
            continue
        text = node.text()
        if (attrs.get("type") or "").lower() == "application/ld+json":
            doc.jsonld.append(text[:100_000])
        elif text.strip():
            doc.scripts.append(text[:500_000])
    body_node = tree.body
    doc.has_body = body_node is not None and bool(body_node.child)
    hidden_links: dict[int, str] = {}
    hidden_frames: dict[int, str] = {}
    hidden = _hidden_nodes(tree, styles) if doc.has_body else []
    total = 0  # length of the whole body's text, read only for a long hidden block (a walk of the whole body)
    kept = []
    for node, reason in hidden:
        text = node.text(separator=" ", strip=True)
        if reason in ("display:none", "visibility:hidden", "opacity:0") and len(text) > 2000:
            total = total or len(body_node.text(separator=" ", strip=True)) or 1
            if len(text) > total / 2:
                continue  # the whole page hidden until a script reveals it: not a hiding place for injections
        kept.append(node)
        block = Block(reason=reason, text=text[:20_000], html=node.html[:4000])
        anchors = node.css("a[href], area[href]")
        for a in anchors:
            hidden_links[a.mem_id] = reason
        block.links = _anchors(anchors, resolve, page_host, {}, reason)
        for f in node.css("iframe, frame"):
            hidden_frames[f.mem_id] = reason
        doc.blocks.append(block)
    for node in frame_nodes:
        src = resolve(node.attributes.get("src") or "")
        if not src:
            continue
        attrs = node.attributes
        trick = hidden_frames.get(node.mem_id) or hiding_reason(attrs.get("style") or "")
        if not trick and {(attrs.get(a) or "").strip() for a in ("width", "height")} & {"0", "1", "0px", "1px"}:
            trick = "zero-size"
        host = host_of(src)
        doc.frames.append(Frame(src=src, host="" if host == page_host else host, hidden=trick))
    doc.links = _anchors(anchor_nodes, resolve, page_host, hidden_links)
    for node in img_nodes:
        src = node.attributes.get("src") or ""
        if src.startswith(("http://", "https://", "//")):
            link = _link(node, resolve, page_host, "img", "src")
            if link is not None and link.host:
                link.text = (node.attributes.get("alt") or "")[:300]
                doc.links.append(link)
    # Unlinked, not destroyed: an element inside one unlinked before stays valid and is safe to unlink in turn (the
    # script, style, noscript, template and svg elements were gathered before the hidden blocks were removed).
    for node in kept:
        node.decompose(recursive=False)
    for group in (script_nodes, style_nodes, unseen):
        for node in group:
            node.decompose(recursive=False)
    if tree.body is not None:
        doc.visible_text = tree.body.text(separator=" ")
    return doc
