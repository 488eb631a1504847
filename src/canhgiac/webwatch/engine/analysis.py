"""Analysis of one page from the bodies its visitor identities received: decode, parse once per distinct body,
run every page check. Pure CPU work with picklable input and output, so it can run in worker processes."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field

from canhgiac.webwatch.blocklist import Blocklist
from canhgiac.webwatch.checks.base import PageContext, instantiate
from canhgiac.webwatch.checks.site import TOKEN_FILE
from canhgiac.webwatch.engine.parse import PageDoc, host_of, parse_page
from canhgiac.webwatch.engine.results import PageResult, ScanError, ViewInfo
from canhgiac.webwatch.engine.vocab import Vocabulary, default_vocabulary

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
# File extensions not crawled (a set: a path's last extension is looked up instead of trying thirty suffixes).
_SKIP_EXTENSIONS = frozenset(
    "." + ext
    for ext in "pdf doc docx xls xlsx ppt pptx zip rar 7z gz jpg jpeg png gif webp svg ico mp3 mp4 avi mov wmv flv "
    "css js xml txt exe".split()
)
VERIFICATION_METAS = ("google-site-verification", "msvalidate.01", "yandex-verification", "baidu-site-verification")


@dataclass(slots=True)
class Fetched:
    """One URL fetched as one identity."""

    identity: str
    url: str
    status: int = 0
    final_url: str = ""
    body: bytes = b""
    content_type: str = ""
    truncated: bool = False
    redirect_chain: list[str] = field(default_factory=list)
    offsite_redirect: str = ""
    error: ScanError | None = None
    sha256: str = ""  # set with an empty body when another identity received the same bytes
    size: int = 0


def dedupe(fetched: list[Fetched]) -> None:
    """Keep one copy of identical bodies (the others carry only the digest), so a body is sent and parsed once.
    A body equal to one already hashed takes its digest (a byte comparison costs a tenth of a SHA-256)."""
    kept: list[tuple[bytes, str]] = []
    for f in fetched:
        if f.body:
            f.size = len(f.body)
            digest = next((d for body, d in kept if body == f.body), None)
            if digest is not None:
                f.sha256, f.body = digest, b""
                continue
            f.sha256 = hashlib.sha256(f.body).hexdigest()
            kept.append((f.body, f.sha256))


@dataclass(slots=True)
class PageJob:
    url: str
    depth: int
    via: str
    site_host: str
    fetched: list[Fetched]
    baseline: dict | None = None
    want_links: bool = True
    fingerprint: bool = True


class Engine:
    """Vocabulary, blocklist and check instances, built once per process."""

    def __init__(self, blocklist: Blocklist | None = None, checks: tuple[str, ...] = (), vocabulary=None):
        self.vocabulary: Vocabulary = vocabulary or default_vocabulary()
        self.blocklist = blocklist or Blocklist.load()
        self.page_checks, self.site_checks = instantiate(checks)


def decode_body(body: bytes, content_type: str) -> tuple[str, ScanError | None]:
    """Text of a body: declared charset, then <meta charset>, then UTF-8; undecodable bytes replaced."""
    charset = ""
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";", 1)[0].strip(" \"'")
    if not charset:
        m = _CHARSET.search(body[:4096])
        charset = m.group(1).decode("ascii", "ignore") if m else "utf-8"
    try:
        return body.decode(charset), None
    except LookupError:
        text = body.decode("utf-8", errors="replace")
        return text, ScanError(url="", kind="decode", message=f"Bảng mã không hợp lệ “{charset[:40]}”; đọc theo UTF-8.")
    except UnicodeDecodeError:
        return body.decode(charset, errors="replace"), ScanError(
            url="", kind="decode", message=f"Nội dung không đúng bảng mã {charset[:40]}; đã thay các byte lỗi."
        )


def _is_html(f: Fetched) -> bool:
    ct = f.content_type.lower()
    if "html" in ct:
        return True
    return not ct and f.body.lstrip()[:1] == b"<" and b"<?xml" not in f.body[:100]


def same_site(host: str, site_host: str) -> bool:
    return host == site_host or host.removeprefix("www.") == site_host.removeprefix("www.")


def analyze(job: PageJob, engine: Engine | None = None) -> tuple[PageResult, list[str]]:
    """Analyse one page; returns its result and the same-site links to crawl next."""
    engine = engine or Engine()
    start = time.perf_counter()
    page = PageResult(url=job.url, depth=job.depth, via=job.via)
    docs: dict[str, PageDoc] = {}
    by_hash: dict[str, PageDoc | None] = {}
    views: dict[str, ViewInfo] = {}
    for f in job.fetched:
        if f.error is not None:
            page.errors.append(f.error)
        if f.error is not None and not f.body and not f.sha256:
            continue
        digest = f.sha256 or hashlib.sha256(f.body).hexdigest()
        views[f.identity] = ViewInfo(
            identity=f.identity,
            status=f.status,
            final_url=f.final_url or f.url,
            sha256=digest,
            size=f.size or len(f.body),
            truncated=f.truncated,
            redirect_chain=f.redirect_chain,
            offsite_redirect=f.offsite_redirect,
        )
        if digest not in by_hash:
            doc = None
            if f.body and _is_html(f):
                text, err = decode_body(f.body, f.content_type)
                if err is not None:
                    err.url, err.identity = job.url, f.identity
                    page.errors.append(err)
                doc = parse_page(text, f.final_url or f.url)
            by_hash[digest] = doc
        if by_hash[digest] is not None:
            docs[f.identity] = by_hash[digest]
    page.views = list(views.values())
    ctx = PageContext(
        url=job.url,
        site_host=job.site_host,
        views=views,
        docs=docs,
        vocabulary=engine.vocabulary,
        blocklist=engine.blocklist,
        via=job.via,
        baseline=job.baseline,
    )
    primary = ctx.primary
    for check in engine.page_checks:
        findings, error, _ = check.execute(ctx)
        page.findings.extend(findings)
        if error is not None:
            page.errors.append(error)
    links: list[str] = []
    if primary is not None:
        page.title = primary.title
        page.summary = _summary(ctx, page, primary, job.fingerprint or job.baseline is not None)
        if job.want_links:
            links = _follow(ctx, job.site_host)
    elif any(v.status == 200 for v in views.values()) and TOKEN_FILE.search(job.url):
        page.summary = {"token_files": [job.url]}
    page.parse_ms = (time.perf_counter() - start) * 1000
    return page, links


def _summary(ctx: PageContext, page: PageResult, doc: PageDoc, fp: bool) -> dict:
    tokens = sorted({(n, v.strip()) for n in VERIFICATION_METAS for v in doc.meta.get(n, ())})
    alarm_domains = sorted({d for f in page.findings if f.alarm for d in f.domains})
    token_files = sorted(
        {
            url
            for d, _ in ctx.distinct()
            if _may_name_token_file(d)
            for url in (link.url for link in d.links)
            if ("google" in url or "yandex_" in url or "BingSiteAuth" in url) and TOKEN_FILE.search(url)
        }
    )
    return {
        "title": doc.title,
        "text_len": len(doc.visible_text),
        "fp": ctx.fingerprint(doc.visible_text) if fp else [],
        "tokens": [list(t) for t in tokens],
        "spam_page": ctx.hits(doc.visible_text).promotional_page(),
        "head_gambling": _head_gambling(ctx, doc),
        "gambling_domains": alarm_domains,
        "token_files": token_files,
    }


def _may_name_token_file(doc: PageDoc) -> bool:
    """False when no link of the page can be a verification file: three searches of all its URLs at once instead of
    three per link (a portal page has hundreds of links, almost never one of these)."""
    urls = "\n".join(link.url for link in doc.links)
    return "google" in urls or "yandex_" in urls or "BingSiteAuth" in urls


def _head_gambling(ctx: PageContext, doc: PageDoc) -> list[str]:
    """The page's title and description when they name gambling (the site check compares them across pages)."""
    values = [doc.title] + doc.meta_values("description", "og:description")[:2]
    return [v[:300] for v in dict.fromkeys(values) if v and ctx.hits(v).any_gambling]


def _follow(ctx: PageContext, site_host: str) -> list[str]:
    seen: set[str] = set()
    for doc, _ in ctx.distinct():
        if not same_site(host_of(doc.url), site_host):
            continue
        for link in doc.links:
            url = link.url
            if url in seen or link.tag != "a" or (link.host and not same_site(link.host, site_host)):
                continue  # a page links to the same page many times (menus, footers): judge each URL once
            path = url.split("?", 1)[0]
            if path[path.rfind(".") :].lower() in _SKIP_EXTENSIONS and not TOKEN_FILE.search(path.lower()):
                continue
            seen.add(url)
            if len(seen) >= 1000:
                return list(seen)
    return list(seen)
