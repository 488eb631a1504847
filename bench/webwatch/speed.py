"""Speed bench: ``canhgiac watch scan`` against a Scrapy + BeautifulSoup peer, same pages, same concurrency.

    PYTHONPATH=src:. .venv/bin/python -m bench.webwatch.speed [--pages 5000] [--concurrency 16] [--workers 2]

Generates a static site of portal pages (30–300 KB, some injected) in a temporary folder, serves it with Debian's
nginx on 127.0.0.1, crawls it with both tools fetching every page as the four visitor identities, and prints
pages/s, the ratio, the per-page parse-and-check cost for 100 KB pages, and the resident memory over the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.webwatch import textgen as tg
from bench.webwatch.corpus import REPO, Domains, page
from bench.webwatch.injections import HIDERS, links_html, spam_links

NGINX_CONF = """worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
  types {{ text/html html; application/xml xml; }}
  sendfile on; tcp_nopush on; keepalive_requests 1000000; keepalive_timeout 120;
{servers}
}}
"""
SERVER = "  server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}"
_HREF = re.compile(r'href="/[^"]*"')


def generate(root: Path, n: int, seed: int = 5) -> list[int]:
    """``n`` pages p0…p{n-1}.html plus index.html; every internal link points at an existing page."""
    rng = random.Random(seed)
    domains = Domains(
        blocklisted=["new88.com", "jun88.net", "789bet.com"], unknown=["giaitri-vip7.top"], brands=tg.BRANDS
    )
    sizes = []
    templates = {}
    for i in range(n):
        kind = rng.choice(["portal", "article", "gambling_news", "warning"])
        size = int(min(300, max(30, rng.lognormvariate(4.5, 0.55))))
        key = (kind, size // 10)
        if key not in templates:  # a few hundred distinct templates, links rewritten per page
            templates[key] = page(rng, "bench.gov.vn", kind, rng.choice(["portal", "school"]), size)[1]
        html = _HREF.sub(lambda _: f'href="/p{rng.randrange(n)}.html"', templates[key]).replace(
            "https://bench.gov.vn", ""
        )
        if rng.random() < 0.1:
            html = html.replace(
                "<!--INJECT-BODY-->",
                rng.choice(list(HIDERS.values()))[0].format(x=links_html(spam_links(rng, domains, False))),
            )
        (root / f"p{i}.html").write_text(html, encoding="utf-8")
        sizes.append(len(html.encode()))
    index = "".join(f'<a href="/p{i}.html">Trang {i}</a> ' for i in range(0, n, max(1, n // 200)))
    (root / "index.html").write_text(f"<html><head><title>Cổng thông tin</title></head><body>{index}</body></html>")
    return sizes


def wait_ready(port: int, tmp: Path) -> None:
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nginx did not start: " + (tmp / "error.log").read_text(errors="replace")[-2000:])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RSS:
    """Samples the resident memory of a process tree every 0.25 s."""

    def __init__(self, pid: int):
        self.pid, self.samples, self._stop = pid, [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            try:
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split())
            except OSError:
                pass
        return pids

    def _run(self):
        while not self._stop.is_set():
            total = 0
            for p in self._tree():
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            if total:
                self.samples.append(total)
            time.sleep(0.25)

    def stop(self) -> str:
        self._stop.set()
        self._thread.join()
        s = [x / 2**20 for x in self.samples] or [0]
        q = max(1, len(s) // 4)
        return f"RSS MB: first quarter max {max(s[:q]):.0f}, last quarter max {max(s[-q:]):.0f}, peak {max(s):.0f}"


def run(cmd: list[str], env: dict) -> tuple[float, str, subprocess.CompletedProcess]:
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = RSS(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - began
    return seconds, rss.stop(), subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def parse_cost(sizes_kb: tuple[int, int] = (95, 105), n: int = 30) -> tuple[float, float]:
    """Median ms to parse and check one ~100 KB page: the engine (selectolax + all checks) and the peer (bs4)."""
    from bench.webwatch.common import shared_engine
    from bench.webwatch.peer_spider import check_page

    from canhgiac.webwatch.engine import Fetched, PageJob, analyze

    engine = shared_engine()
    rng = random.Random(9)
    pages = []
    while len(pages) < n:
        html = page(rng, "a.gov.vn", rng.choice(["portal", "gambling_news"]), "portal", rng.randint(*sizes_kb))[1]
        if sizes_kb[0] * 1024 <= len(html.encode()) <= sizes_kb[1] * 1024 + 8000:
            pages.append(html)
    ours, peer = [], []
    for html in pages:
        body = html.encode()
        job = PageJob(
            "https://a.gov.vn/",
            1,
            "link",
            "a.gov.vn",
            [Fetched("browser", "https://a.gov.vn/", 200, body=body, content_type="text/html")],
        )
        t = time.perf_counter()
        analyze(job, engine)
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        check_page(html)
        peer.append((time.perf_counter() - t) * 1000)
    return statistics.median(ours), statistics.median(peer)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--sites", type=int, default=10, help="the pages are split over this many sites (ports)")
    ap.add_argument("--concurrency", type=int, default=32, help="requests in flight in total, both tools")
    ap.add_argument("--per-site", type=int, default=8, help="requests in flight per site (ours)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--no-peer", action="store_true", help="only our scanner (for long runs that show memory; no ratio printed)"
    )
    args = ap.parse_args(argv)
    if not shutil.which("nginx"):
        print("nginx is required (apt-get install nginx)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="webwatch-bench-"))
    tmp.chmod(0o755)  # nginx workers run as an unprivileged user
    (tmp / "www").mkdir()
    (tmp / "tmp").mkdir()
    t = time.perf_counter()
    per_site = args.pages // args.sites
    sizes, servers, urls = [], [], []
    for k in range(args.sites):
        root = tmp / "www" / f"s{k}"
        root.mkdir()
        sizes += generate(root, per_site, seed=5 + k)
        port = free_port()
        servers.append(SERVER.format(port=port, root=root))
        urls.append(f"http://127.0.0.1:{port}/")
    print(
        f"generated {args.sites} sites, {len(sizes)} pages, {sum(sizes) / 2**20:.0f} MB, sizes "
        f"{min(sizes) // 1024}–{max(sizes) // 1024} KB (median {statistics.median(sizes) // 1024} KB) "
        f"in {time.perf_counter() - t:.0f} s"
    )
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(d=tmp, servers="\n".join(servers)))
    nginx = subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)])
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]), "CANHGIAC_VAR": str(tmp / "var")}
    try:
        for u in urls:
            wait_ready(int(u.rsplit(":", 1)[1].strip("/")), tmp)
        ours_cmd = [
            sys.executable,
            "-m",
            "canhgiac.cli",
            "watch",
            "scan",
            *urls,
            "--json",
            "--depth",
            "50",
            "--max-pages",
            str(per_site),
            "--per-host",
            str(args.per_site),
            "--concurrency",
            str(args.concurrency),
            "--rate",
            "0",
            "--workers",
            str(args.workers),
            "--no-sitemap",
            "--allow-private",  # nginx listens on 127.0.0.1, refused by default
        ]
        secs, ours_rss, proc = run(ours_cmd, env)
        if proc.returncode not in (0, 1) or not proc.stdout.strip():
            print(proc.stderr[-3000:], file=sys.stderr)
            return 2
        results = json.loads(proc.stdout)
        ours_pages = sum(len(r["pages"]) for r in results)
        ours_flagged = sum(p["flagged"] for r in results for p in r["pages"])
        peer, peer_secs, peer_rss = None, 0.0, ""
        if not args.no_peer:
            peer_out = tmp / "peer.json"
            peer_cmd = [
                sys.executable,
                "-m",
                "bench.webwatch.peer_spider",
                ",".join(urls),
                str(per_site),
                str(args.concurrency),
                str(peer_out),
            ]
            peer_secs, peer_rss, proc = run(peer_cmd, env)
            if proc.returncode != 0:
                print(proc.stderr[-3000:], file=sys.stderr)
                return 2
            peer = json.loads(peer_out.read_text())
    finally:
        nginx.terminate()
        nginx.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    ours_rate = ours_pages / secs
    n_id = 4
    print(
        f"\nwebwatch speed — {args.sites} sites, {len(sizes)} pages × {n_id} visitor identities, "
        f"{args.concurrency} requests in flight, {os.cpu_count()} CPUs, nginx on 127.0.0.1"
    )
    print(
        f"  canhgiac watch scan (workers={args.workers}): {ours_pages} pages in {secs:.1f} s = {ours_rate:.0f} pages/s "
        f"({ours_rate * n_id:.0f} requests/s), {ours_flagged} flagged;  {ours_rss}"
    )
    if peer is None:
        print("  (peer not run: --no-peer)")
        return 0 if ours_rate >= 250 else 1
    ours_ms, peer_ms = parse_cost()
    peer_rate = peer["pages"] / peer_secs
    print(
        f"  Scrapy + BeautifulSoup peer:          {peer['pages']} pages in {peer_secs:.1f} s = {peer_rate:.0f} pages/s "
        f"({peer_rate * n_id:.0f} requests/s), {peer['flagged']} flagged;  {peer_rss}"
    )
    print(f"  ratio: {ours_rate / peer_rate:.1f}×  (target ≥ 3×; ≥ 250 pages/s)")
    print(
        f"  parse + check of a 100 KB page (median): selectolax engine, all checks {ours_ms:.1f} ms; "
        f"BeautifulSoup(lxml) + vocabulary {peer_ms:.1f} ms ({peer_ms / ours_ms:.1f}×)"
    )
    return 0 if ours_rate >= 250 and ours_rate >= 3 * peer_rate else 1


if __name__ == "__main__":
    sys.exit(main())
