"""The engine against a real local server: clean, injected, cloaked and hostile sites."""

from __future__ import annotations

from canhgiac.webwatch.engine import ScanConfig, scan_many, scan_site, site_baseline

FAST = dict(
    total_timeout=2.0,
    read_timeout=1.0,
    connect_timeout=1.0,
    retries=1,
    backoff=0.05,
    per_host_rate=0,
    allow_networks=("127.0.0.0/8",),  # the test servers listen on loopback, refused by default
)


def config(**kw) -> ScanConfig:
    return ScanConfig(**(FAST | {"max_bytes": 1024 * 1024} | kw))


def checks_of(result) -> set[str]:
    return {f.check for f in result.all_findings() if f.alarm}


def test_clean_site_with_gambling_news_is_clean(sites, blocklist_file):
    result = scan_site(sites["clean"], config=config(), blocklist_path=blocklist_file)
    assert result.status == "clean", [f.why for f in result.all_findings()]
    urls = {p.url for p in result.pages}
    assert sites["clean"] + "tin-tuc/canh-bao-ca-do.html" in urls
    news = next(p for p in result.pages if p.url.endswith("canh-bao-ca-do.html"))
    assert {f.check for f in news.findings} == {"gambling_text"}  # an informational mention only
    assert all(len(v.sha256) == 64 for p in result.pages for v in p.views)
    assert {v.identity for v in result.pages[0].views} == {"browser", "google_referrer", "googlebot", "mobile_google"}


def test_injected_site_hidden_links_doorway_and_token_file(sites, blocklist_file):
    result = scan_site(sites["injected"], config=config(), blocklist_path=blocklist_file)
    assert result.status == "findings"
    found = checks_of(result)
    assert {"hidden_links", "hidden_text", "doorway", "verification_file"} <= found
    doorway = next(f for f in result.findings if f.check == "doorway")
    assert doorway.url.endswith("/nha-cai-uy-tin-new88.html")
    assert "sitemap" in doorway.why
    hidden = next(f for p in result.pages for f in p.findings if f.check == "hidden_links")
    assert "new88-vip.com" in hidden.domains
    assert hidden.to_dict()["severity"] == "critical" and hidden.key


def test_cloaking_by_user_agent_and_referer(sites, blocklist_file):
    result = scan_site(sites["cloaked"], config=config(), blocklist_path=blocklist_file)
    cloaks = [f for f in result.all_findings() if f.check == "cloaking" and f.alarm]
    by_identity = {i for f in cloaks for i in f.identities}
    assert "googlebot" in by_identity  # the bot sees gambling links the browser does not
    assert {"google_referrer", "mobile_google"} <= by_identity  # visitors from Google are redirected away
    redirect = next(f for f in cloaks if "google_referrer" in f.identities)
    assert "new88-vip.com" in redirect.domains


def test_hostile_pages_are_recorded_as_errors_and_do_not_stop_the_run(sites, blocklist_file):
    results = scan_many(
        [sites["hostile"], sites["tls"], sites["dead"], sites["clean"]],
        config=config(max_bytes=256 * 1024),
        blocklist_path=blocklist_file,
    )
    by_url = {r.url: r for r in results}
    assert by_url[sites["clean"]].status == "clean"  # the good site is scanned despite the others
    hostile = by_url[sites["hostile"]]
    kinds: dict[str, set[str]] = {}
    for e in hostile.page_errors():
        kinds.setdefault(e.url.rsplit("/", 1)[1], set()).add(e.kind)
    assert "timeout" in kinds["slow"]
    assert "timeout" in kinds["drip"]
    assert "too_large" in kinds["endless"]
    assert "too_large" in kinds["huge"]
    assert "redirect_loop" in kinds["loop1"]
    assert "decode" in kinds["badenc"]
    assert "http_status" in kinds["busy"]
    ok = next(p for p in hostile.pages if p.url.endswith("/ok"))
    assert ok.views and not ok.errors
    assert by_url[sites["tls"]].status == "error"
    assert by_url[sites["tls"]].errors[0].kind in ("tls", "protocol", "connect")
    assert by_url[sites["dead"]].status == "error"
    assert by_url[sites["dead"]].errors[0].kind == "connect"


def test_baseline_marks_new_verification_token_and_replaced_page(sites, blocklist_file):
    first = scan_site(sites["clean"], config=config(), blocklist_path=blocklist_file)
    baseline = site_baseline(first)
    home = baseline["pages"][sites["clean"]]
    home["fp"] = [1, 2, 3, 4, 5]  # pretend the page used to say something else entirely
    home["title"] = "Tiêu đề cũ"
    again = scan_site(sites["clean"], config=config(), baseline=baseline, blocklist_path=blocklist_file)
    assert "defacement" in checks_of(again)


def test_sites_spread_over_processes_give_the_same_findings(sites, blocklist_file):
    urls = [sites["injected"], sites["clean"], sites["cloaked"]]
    inline = scan_many(urls, config=config(), blocklist_path=blocklist_file)
    pooled = scan_many(urls, config=config(workers=2), blocklist_path=blocklist_file)

    def keys(results):
        return sorted(f.key for r in results for f in r.all_findings())

    assert keys(inline) == keys(pooled) and keys(inline)
    assert {r.url: r.status for r in inline} == {r.url: r.status for r in pooled}


def test_a_page_queued_behind_a_slow_one_is_not_timed_out(sites):
    """Each identity has few pooled connections; waiting for one must not count against a page's own timeout."""
    import asyncio

    from canhgiac.webwatch.engine.config import IDENTITIES
    from canhgiac.webwatch.engine.fetch import SiteFetcher

    async def run():
        fetcher = SiteFetcher(config(retries=0, per_host_concurrency=4))
        browser = IDENTITIES["browser"]
        try:
            return await asyncio.gather(
                fetcher.fetch(sites["hostile"] + "slow", browser),
                fetcher.fetch(sites["hostile"] + "ok", browser),
            )
        finally:
            await fetcher.aclose()

    slow, ok = asyncio.run(run())
    assert slow.error is not None and slow.error.kind == "timeout"
    assert ok.error is None and ok.status == 200 and b"Trang b" in ok.body


def test_a_failing_worker_process_is_reported_on_its_own_site(sites, blocklist_file):
    """Whatever breaks inside a worker process comes back as an error of the site it was scanning."""
    urls = [sites["clean"], sites["injected"]]
    results = scan_many(urls, config=config(workers=2, checks=("no_such_check",)), blocklist_path=blocklist_file)
    assert sorted(r.url for r in results) == sorted(urls)
    for r in results:
        assert r.status == "error"
        assert r.errors[0].url == r.url and "Tiến trình quét bị lỗi" in r.errors[0].message
