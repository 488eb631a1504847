"""Network safety: the scanner refuses loopback, private, link-local, multicast and metadata addresses after DNS
resolution and at every redirect hop unless allowed; bodies, redirects and decompression stay within limits."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from canhgiac.webwatch.engine import ScanConfig, netguard, scan_site
from canhgiac.webwatch.engine.config import BROWSER
from canhgiac.webwatch.engine.fetch import SiteFetcher
from canhgiac.webwatch.engine.netguard import PRIVATE, parse_networks, refusal

BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB of zeros in ~64 KB


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    paths: list[str]

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.paths.append(self.path)
        if self.path == "/go-inside":
            self._reply(302, b"", [("Location", f"http://intranet.site.gov.vn:{self.server.server_address[1]}/secret")])
        elif self.path == "/bomb":
            self._reply(200, BOMB, [("Content-Encoding", "gzip")])
        else:
            self._reply(200, b"<html><head><title>Trang</title></head><body><p>Xin chao</p></body></html>", [])

    def _reply(self, status: int, body: bytes, headers: list[tuple[str, str]]):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    handler = type("H", (_Handler,), {"paths": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd, handler.paths
    httpd.shutdown()


def fetch(url: str, **config):
    async def go():
        fetcher = SiteFetcher(ScanConfig(retries=0, per_host_rate=0, total_timeout=5, **config))
        try:
            return await fetcher.fetch(url, BROWSER)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "nội bộ"),
        ("172.20.0.1", "nội bộ"),
        ("192.168.1.10", "nội bộ"),
        ("100.64.0.7", "nội bộ"),
        ("fd12::1", "nội bộ"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "dành riêng"),
    ],
)
def test_forbidden_addresses_are_refused_with_a_reason(address, why):
    assert why in refusal(address)


def test_public_addresses_and_allowed_networks_pass():
    assert refusal("8.8.8.8") == "" and refusal("2001:4860:4860::8888") == ""
    allowed = parse_networks(PRIVATE)
    assert refusal("127.0.0.1", allowed) == "" and refusal("192.168.1.10", allowed) == ""
    assert "metadata" in refusal("169.254.169.254", allowed)  # --allow-private does not open the metadata service
    assert refusal("169.254.169.254", parse_networks("169.254.169.254/32")) == ""
    with pytest.raises(ValueError, match="CANHGIAC_FETCH_ALLOW_NETWORKS"):
        parse_networks("10.0.0.0/8, mạng-lạ")


def test_loopback_site_is_not_fetched_unless_allowed(server):
    httpd, paths = server
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    refused = fetch(url)
    assert refused.error.kind == "forbidden_address" and "loopback" in refused.error.message
    assert "--allow-private" in refused.error.message and paths == []
    assert fetch(url, allow_networks=PRIVATE).status == 200 and paths == ["/"]


def test_a_name_resolving_to_loopback_is_refused_after_dns(server):
    httpd, paths = server
    refused = fetch(f"http://localhost:{httpd.server_address[1]}/")
    assert refused.error.kind == "forbidden_address" and paths == []


def test_the_environment_allows_networks(server, monkeypatch):
    httpd, paths = server
    monkeypatch.setenv("CANHGIAC_FETCH_ALLOW_NETWORKS", "127.0.0.1/32")
    assert fetch(f"http://127.0.0.1:{httpd.server_address[1]}/").status == 200


class _StubDns:
    """DNS of a test zone (the only double here: we cannot make a real DNS server answer for us)."""

    zone = {"www.site.gov.vn": "127.0.0.1", "intranet.site.gov.vn": "10.20.30.40"}

    async def resolve(self, host, port=0, family=0):
        return [{"hostname": host, "host": self.zone[host], "port": port, "family": 2, "proto": 0, "flags": 0}]

    async def close(self):
        pass


def test_every_redirect_hop_is_checked(server, monkeypatch):
    httpd, paths = server
    monkeypatch.setattr(netguard, "DefaultResolver", _StubDns)
    port = httpd.server_address[1]
    result = fetch(f"http://www.site.gov.vn:{port}/go-inside", allow_networks=("127.0.0.1/32",))
    assert paths == ["/go-inside"]  # the site itself was allowed and answered with a same-site redirect…
    assert result.error.kind == "forbidden_address" and "10.20.30.40" in result.error.message  # …inside: refused
    assert result.redirect_chain[-1].endswith("/secret")


def test_a_decompression_bomb_stops_at_the_byte_cap(server):
    httpd, _ = server
    started = time.monotonic()
    result = fetch(f"http://127.0.0.1:{httpd.server_address[1]}/bomb", allow_networks=PRIVATE, max_bytes=1024 * 1024)
    assert result.truncated and len(result.body) == 1024 * 1024 and result.error.kind == "too_large"
    assert time.monotonic() - started < 10


def test_a_refused_site_is_an_error_of_that_site(server):
    httpd, _ = server
    result = scan_site(f"http://127.0.0.1:{httpd.server_address[1]}/", config=ScanConfig(retries=0, per_host_rate=0))
    assert result.status == "error"
    assert "forbidden_address" in {e.kind for e in result.errors + result.page_errors()}
