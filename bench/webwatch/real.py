"""Real corpus: titles and snippets of real search results (../shared/data/judol-serp-2025), each served as its own
site with an otherwise plain page, labelled by the review in ``real_review.csv``.

The data set is read at bench time and never copied into the repository; the review file holds only a row key
(SHA-1 of url, title and snippet), the host, the query label, our label and why. Rows are split into a development
part and a held-out part by the host (SHA-1 of the host name, one in three held out), so rows of one site never sit
on both sides; the checks were tuned on the development part only.
"""

from __future__ import annotations

import csv
import hashlib
import html
from pathlib import Path
from urllib.parse import urlsplit

from bench.webwatch.corpus import IDENTITIES, Sample, shared_data_dir

REVIEW = Path(__file__).resolve().parent / "real_review.csv"
DATASET = "judol-serp-2025/serp.csv"


def row_key(url: str, title: str, text: str) -> str:
    return hashlib.sha1(f"{url}\x00{title}\x00{text}".encode()).hexdigest()[:12]


def heldout_host(host: str) -> bool:
    return hashlib.sha1(host.encode()).digest()[0] % 3 == 0


def load_review() -> dict[str, dict]:
    with REVIEW.open(encoding="utf-8", newline="") as f:
        return {row["key"]: row for row in csv.DictReader(f)}


def plain_page(url: str, title: str, description: str) -> str:
    """The row's title and snippet as the page's <title> and meta description around a plain institutional body."""
    host = urlsplit(url).hostname or ""
    t, d = html.escape(title), html.escape(description, quote=True)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{t}</title>'
        f'<meta name="description" content="{d}"><meta property="og:title" content="{t}"></head>'
        f'<body><header><a href="/">Beranda</a> <a href="/profil">Profil</a> <a href="/kontak">Kontak</a></header>'
        f"<main><p>Selamat datang di laman resmi {html.escape(host)}. Informasi layanan, pengumuman dan kegiatan "
        "terbaru dapat dilihat pada menu di atas.</p></main>"
        f"<footer><p>Hak cipta {html.escape(host)}</p></footer></body></html>"
    )


def real_samples(part: str = "all") -> list[Sample]:
    """Reviewed rows as samples; ``part`` is "dev", "heldout" or "all". Fails loudly without the data set."""
    path = shared_data_dir() / DATASET
    if not path.exists():
        raise FileNotFoundError(f"shared data missing (set CANHGIAC_SHARED_DATA): {path}")
    review = load_review()
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            url, title, text = row["url"], row["title"], row["description_or_text"]
            verdict = review.get(row_key(url, title, text))
            if verdict is None or verdict["label"] == "exclude":
                continue
            host = urlsplit(url).hostname or ""
            held = heldout_host(host)
            if (part == "dev" and held) or (part == "heldout" and not held):
                continue
            page = plain_page(url, title, text)
            label = "injected" if verdict["label"] == "injected" else "clean"
            kind = "query-" + verdict["query_label"]
            out.append(
                Sample(f"real-{verdict['key']}", label, "real", kind, url, {ident: page for ident in IDENTITIES})
            )
    missing = len(review) - sum(1 for _ in out) - sum(1 for r in review.values() if r["label"] == "exclude")
    if missing > 0 and part == "all":
        raise ValueError(f"{missing} reviewed rows not found in {path}: the data set changed")
    return out
