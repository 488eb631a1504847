"""Every check fires on the injection it is made for and stays silent on clean pages and news about gambling."""

from __future__ import annotations

from collections import defaultdict

import pytest
from bench.webwatch.common import analyze_sample, shared_engine
from bench.webwatch.corpus import IDENTITIES, Sample, samples
from bench.webwatch.injections import TECHNIQUES

from canhgiac.webwatch.checks import REGISTRY, PageCheck, PageContext, SiteCheck, SiteContext
from canhgiac.webwatch.engine.results import Finding, Severity

#: The page check(s) expected to fire on each injection technique of the corpus.
EXPECTED = {
    "hidden_div": {"hidden_links", "hidden_text"},
    "visibility": {"hidden_links", "hidden_text"},
    "offscreen": {"hidden_links", "hidden_text"},
    "font_zero": {"hidden_links", "hidden_text"},
    "zero_size": {"hidden_links", "hidden_text"},
    "overflow": {"hidden_links", "hidden_text"},
    "css_class": {"hidden_links", "hidden_text"},
    "marquee": {"hidden_links", "hidden_text"},
    "cloak_ua": {"cloaking"},
    "cloak_referer": {"cloaking"},
    "cloak_mobile": {"cloaking"},
    "js_docwrite": {"script_injection"},
    "js_atob": {"script_injection"},
    "js_redirect": {"script_injection"},
    "json_ld": {"structured_data"},
    "meta_refresh": {"meta_refresh"},
    "canonical": {"canonical"},
    "amphtml": {"canonical"},
    "iframe": {"iframe"},
    "deface_sig": {"defacement"},
    "deface_replaced": {"defacement"},
    "doorway": {"gambling_text", "gambling_domain_link"},
    "verification": {"verification_token"},
    "title_meta": {"gambling_meta"},
    "visible_links": {"gambling_domain_link", "gambling_anchor"},
    "slot_title": {"gambling_meta"},
}


@pytest.fixture(scope="module")
def engine():
    return shared_engine()


@pytest.fixture(scope="module")
def results(engine):
    out = []
    for heldout in (False, True):
        for sample in samples(seed=3, n=260, heldout=heldout):
            out.append((sample, analyze_sample(engine, sample)))
    return out


def test_every_technique_is_in_the_corpus_and_mapped():
    assert set(EXPECTED) == set(TECHNIQUES)


def test_each_technique_fires_its_check(results):
    fired = defaultdict(lambda: [0, 0])
    for sample, page in results:
        if sample.label != "injected":
            continue
        alarms = {f.check for f in page.findings if f.alarm}
        fired[sample.technique][0] += bool(alarms & EXPECTED[sample.technique])
        fired[sample.technique][1] += 1
    weak = {t: f"{hit}/{n}" for t, (hit, n) in fired.items() if hit < 0.85 * n}
    assert not weak, weak
    assert set(fired) == set(TECHNIQUES)


def test_clean_pages_and_gambling_news_raise_no_alarm(results):
    clean = [(s, p) for s, p in results if s.label == "clean"]
    assert {s.kind for s, _ in clean} >= {"portal", "gambling_news", "warning", "mobile_variant"}
    false_alarms = [(s.name, s.kind, [f.why for f in p.findings if f.alarm]) for s, p in clean if p.flagged]
    assert not false_alarms


def test_news_page_about_gambling_is_mentioned_but_not_flagged(results):
    sample, page = next((s, p) for s, p in results if s.kind == "gambling_news" and s.label == "clean")
    assert not page.flagged
    info = [f for f in page.findings if f.check == "gambling_text"]
    assert info and info[0].severity == Severity.INFO


def test_every_page_check_is_exercised_by_the_corpus(results):
    fired = {f.check for _, p in results for f in p.findings if f.alarm}
    page_checks = {name for name, cls in REGISTRY.items() if cls.scope == "page"}
    assert page_checks <= fired, page_checks - fired


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_check_subclass_is_well_formed(name, engine):
    cls = REGISTRY[name]
    assert issubclass(cls, PageCheck if cls.scope == "page" else SiteCheck)
    assert cls.name == name and cls.title and isinstance(cls.severity, Severity)
    check = cls()
    if cls.scope == "page":
        ctx = PageContext("http://a.gov.vn/", "a.gov.vn", {}, {}, engine.vocabulary, engine.blocklist)
    else:
        ctx = SiteContext("http://a.gov.vn/", "a.gov.vn", [], set(), set(), engine.vocabulary, engine.blocklist)
    findings, error, ms = check.execute(ctx)  # nothing fetched: nothing found, nothing raised
    assert findings == [] and error is None and ms >= 0


def test_a_crashing_check_is_recorded_not_raised(engine):
    class Broken(PageCheck):
        name = ""  # not registered

        def run(self, ctx):
            raise RuntimeError("boom")

    findings, error, _ = Broken().execute(
        PageContext("http://a.gov.vn/", "a.gov.vn", {}, {}, engine.vocabulary, engine.blocklist)
    )
    assert findings == [] and error.kind == "check" and "boom" in error.message


def test_finding_key_is_stable_and_json_ready():
    f = Finding("hidden_links", Severity.CRITICAL, "x", url="http://a.gov.vn/", domains=["b.com", "a.com"])
    g = Finding("hidden_links", Severity.HIGH, "y", url="http://a.gov.vn/", domains=["a.com", "b.com"])
    assert f.key == g.key and f.to_dict()["severity"] == "critical"


def test_stylised_dotted_and_unmarked_spam_in_hidden_text(engine):
    html = (
        "<html><head><title>Trang chủ</title></head><body><p>Tin tức</p>"
        '<div style="font-size:0">𝗡𝗛𝗔̀ 𝗖𝗔́𝗜 𝗨𝗬 𝗧𝗜́𝗡 n.e.w.8.8 — nha cai uy tin, củả lừá, slot gacor hari ini</div>'
        "</body></html>"
    )
    sample = Sample("s", "injected", "font_zero", "portal", "https://a.gov.vn/", {i: html for i in IDENTITIES})
    page = analyze_sample(engine, sample)
    hidden = next(f for f in page.findings if f.check == "hidden_text")
    assert "nha cai uy tin" in hidden.why and "new88" in hidden.why
