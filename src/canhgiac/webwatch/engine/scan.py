"""Public entry points of the scanning engine: one site, or many sites concurrently.

Within one process a site is crawled by one event loop that fetches and analyses its pages (bodies never cross a
process boundary). With ``config.workers > 0`` sites are spread over that many processes, each with its own event
loop, so a nightly run over many sites uses every core.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from canhgiac.webwatch.blocklist import Blocklist, default_path
from canhgiac.webwatch.engine.analysis import Engine
from canhgiac.webwatch.engine.config import ScanConfig
from canhgiac.webwatch.engine.crawl import SiteCrawl
from canhgiac.webwatch.engine.results import ScanError, SiteResult, now

_ENGINES: dict[tuple, Engine] = {}


def _engine(blocklist_path: Path | None, checks: tuple[str, ...]) -> Engine:
    key = (str(blocklist_path), checks)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(Blocklist.load(blocklist_path), checks)
    return _ENGINES[key]


def _quiet_gc() -> None:
    """In a scan worker: the engine's long-lived objects (vocabulary automaton, blocklist) are moved out of the
    collector's sight and collections run less often — a page allocates many short-lived objects, none in cycles
    that matter, and the default thresholds collected every few hundred allocations."""
    if not getattr(_quiet_gc, "done", False):
        gc.collect()
        gc.freeze()
        gc.set_threshold(100_000, 50, 100)
        _quiet_gc.done = True  # type: ignore[attr-defined]


async def _crawl(url, config, engine, baseline, global_sem) -> SiteResult:
    try:
        return await SiteCrawl(url, config=config, engine=engine, baseline=baseline, global_sem=global_sem).run()
    except Exception as exc:  # noqa: BLE001 - a site never stops the run
        result = SiteResult(url=url, finished_at=now())
        result.errors.append(ScanError(url, "other", f"Lỗi không mong đợi khi quét trang: {exc!r}"[:300]))
        return result


def _scan_in_process(url: str, config: ScanConfig, baseline: dict | None, blocklist_path: Path | None) -> SiteResult:
    """Worker-process entry: crawl one whole site with this process's own event loop and engine."""
    engine = _engine(blocklist_path, tuple(config.checks))
    _quiet_gc()

    async def run() -> SiteResult:
        return await _crawl(url, config, engine, baseline, asyncio.Semaphore(config.global_concurrency))

    return asyncio.run(run())


async def scan_many_async(
    urls: Iterable[str],
    *,
    config: ScanConfig | None = None,
    baselines: dict[str, dict] | None = None,
    blocklist_path: Path | None = None,
) -> AsyncIterator[SiteResult]:
    """Scan sites concurrently (``config.sites_in_parallel`` at a time); yields each result as it completes."""
    config = config or ScanConfig()
    blocklist_path = blocklist_path or default_path()
    baselines = baselines or {}
    urls = list(dict.fromkeys(urls))
    executor = None
    if config.workers > 0 and len(urls) > 1:
        per_process = replace(config, global_concurrency=max(1, config.global_concurrency // config.workers))
        executor = ProcessPoolExecutor(max_workers=config.workers, mp_context=multiprocessing.get_context("forkserver"))
        loop = asyncio.get_running_loop()

        async def one(url: str) -> SiteResult:
            try:
                return await loop.run_in_executor(
                    executor, _scan_in_process, url, per_process, baselines.get(url), blocklist_path
                )
            except Exception as exc:  # noqa: BLE001 - a crashed worker process is that site's error
                result = SiteResult(url=url, finished_at=now())
                result.errors.append(ScanError(url, "other", f"Tiến trình quét bị lỗi: {exc!r}"[:300]))
                return result

    else:
        engine = _engine(blocklist_path, tuple(config.checks))
        global_sem = asyncio.Semaphore(config.global_concurrency)
        site_sem = asyncio.Semaphore(max(1, config.sites_in_parallel))

        async def one(url: str) -> SiteResult:
            async with site_sem:
                return await _crawl(url, config, engine, baselines.get(url), global_sem)

    # Finished tasks are dropped as soon as their result is handed on, so a long run holds no finished site.
    pending = {asyncio.ensure_future(one(u)) for u in urls}
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            while done:
                yield done.pop().result()
    finally:
        for task in pending:
            task.cancel()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def scan_many(
    urls: Iterable[str],
    *,
    config: ScanConfig | None = None,
    baselines: dict[str, dict] | None = None,
    blocklist_path: Path | None = None,
    on_result: Callable[[SiteResult], None] | None = None,
    keep: bool = True,
) -> list[SiteResult]:
    """Blocking form of :func:`scan_many_async` (CLI, Celery task); ``on_result`` sees each site as it finishes.

    With ``keep=False`` the results are only handed to ``on_result`` and an empty list is returned."""

    async def collect() -> list[SiteResult]:
        out = []
        async for result in scan_many_async(urls, config=config, baselines=baselines, blocklist_path=blocklist_path):
            if on_result is not None:
                on_result(result)
            if keep:
                out.append(result)
        return out

    return asyncio.run(collect())


def scan_site(
    url: str, *, config: ScanConfig | None = None, baseline: dict | None = None, blocklist_path: Path | None = None
) -> SiteResult:
    """Scan one site and return its result (blocking)."""
    baselines = {url: baseline} if baseline else None
    return scan_many([url], config=config, baselines=baselines, blocklist_path=blocklist_path)[0]
