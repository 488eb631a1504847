"""Helpers shared by the benches and the tests: an engine with the real domain list, samples run through it."""

from __future__ import annotations

from bench.webwatch.corpus import Sample, load_gambling_domains

from canhgiac.webwatch.blocklist import Blocklist
from canhgiac.webwatch.engine import Engine, Fetched, PageJob, PageResult, analyze
from canhgiac.webwatch.engine.parse import host_of
from canhgiac.webwatch.engine.vocab import DATA_DIR, Vocabulary


def shared_engine(checks: tuple[str, ...] = (), *, without_seen_brands: bool = False) -> Engine:
    """An Engine whose blocklist holds the real gambling domains of ../shared/data/hostsvn; ``without_seen_brands``
    leaves out the brand stems learned from the real corpus (to measure the shapes alone)."""
    vocabulary = None
    if without_seen_brands:
        text = (DATA_DIR / "vocabulary.txt").read_text(encoding="utf-8")
        start, end = text.index("# brand stems first seen in the judol-serp-2025"), text.index("# end of seen brands")
        vocabulary = Vocabulary.from_text(text[:start] + text[end:])
    return Engine(Blocklist(set(load_gambling_domains())), checks, vocabulary=vocabulary)


def _job(sample: Sample, views: dict[str, str], baseline: dict | None = None) -> PageJob:
    fetched = []
    for identity, html in views.items():
        f = Fetched(identity=identity, url=sample.url, status=200, final_url=sample.url)
        if identity in sample.redirects:
            f.status, f.offsite_redirect = 302, sample.redirects[identity]
            f.redirect_chain = [sample.url, f"https://{sample.redirects[identity]}/"]
        else:
            f.body, f.content_type = html.encode("utf-8"), "text/html; charset=utf-8"
        fetched.append(f)
    return PageJob(
        sample.url, depth=1, via=sample.via, site_host=host_of(sample.url), fetched=fetched, baseline=baseline
    )


def analyze_sample(engine: Engine, sample: Sample) -> PageResult:
    """Run every page check on a sample as if its views had been fetched (baseline from its older version)."""
    baseline = None
    if sample.baseline_html is not None:
        old, _ = analyze(_job(sample, {"browser": sample.baseline_html}), engine)
        s = old.summary
        baseline = {"title": s["title"], "fp": s["fp"], "text_len": s["text_len"], "tokens": s["tokens"]}
    page, _ = analyze(_job(sample, sample.views, baseline), engine)
    return page
