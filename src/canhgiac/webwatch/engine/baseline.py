"""Baselines: what a page looked like at its last clean scan, to see defacement and new verification tokens."""

from __future__ import annotations

import zlib

from canhgiac.webwatch.engine.vocab import fold

SKETCH = 128


def fingerprint(text: str, stream: str | None = None) -> list[int]:
    """Bottom-k sketch of the page's word set: small, stable across runs, comparable by Jaccard estimate."""
    # The folded stream is ASCII: its bytes split into the same words, and need no encoding one by one.
    return sketch((stream if stream is not None else fold(text)).encode("ascii").split())


def sketch(words: list[bytes]) -> list[int]:
    """:func:`fingerprint` from the folded words (:func:`~canhgiac.webwatch.engine.vocab.fold_words`)."""
    return sorted(map(zlib.crc32, set(words)))[:SKETCH]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the word sets behind two sketches (1.0 for two empty pages)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    k = min(SKETCH, len(set(a) | set(b)))
    union_bottom = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / len(union_bottom)


def site_baseline(result) -> dict:
    """The baseline of a site from one of its scans (phase 2 stores it when the scan is clean)."""
    pages = {}
    tokens: set[tuple[str, str]] = set()
    for page in result.pages:
        summary = page.summary
        if not summary:
            continue
        pages[page.url] = {
            "title": summary.get("title", ""),
            "fp": summary.get("fp", []),
            "text_len": summary.get("text_len", 0),
            "tokens": summary.get("tokens", []),
        }
        tokens.update(tuple(t) for t in summary.get("tokens", []))
    token_files = sorted({u for p in result.pages for u in p.summary.get("token_files", [])})
    return {"version": 1, "url": result.url, "pages": pages, "tokens": sorted(tokens), "token_files": token_files}
