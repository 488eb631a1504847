"""A real local web server (127.0.0.1 only) with clean, injected, cloaked and hostile sites, one port per site."""

from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.webwatch.corpus import load_gambling_domains  # noqa: E402

GAMBLING = "new88-vip.com"  # a brand-named domain; the real list is loaded by the blocklist fixture


def page(title: str, body: str, head: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><nav><a href='/'>Trang chủ</a> <a href='/gioi-thieu.html'>Giới thiệu</a> "
        f"<a href='/tin-tuc/canh-bao-ca-do.html'>Cảnh báo cá độ</a></nav>{body}"
        f"<footer>Sở Thông tin và Truyền thông tỉnh Nghệ An</footer></body></html>"
    ).encode()


NEWS = page(
    "Công an tỉnh triệt phá đường dây cá độ bóng đá qua mạng",
    "<h1>Công an tỉnh triệt phá đường dây cá độ bóng đá qua mạng</h1><p>Các đối tượng dùng trang new88, jun88 để "
    "tổ chức cá độ, tài xỉu, game bài đổi thưởng. Cơ quan điều tra đã khởi tố vụ án tổ chức đánh bạc. Công an "
    "khuyến cáo người dân không tham gia cá cược, nổ hũ, bắn cá đổi thưởng.</p>"
    "<p>Xem thêm: <a href='https://vnexpress.net/phap-luat'>Cá độ bóng đá qua mạng: hậu quả khôn lường</a></p>",
)
ABOUT = page("Giới thiệu", "<h1>Giới thiệu</h1><p>Chức năng, nhiệm vụ của Sở.</p>")
SITEMAP = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>"""


def sitemap(*paths: str, port: int) -> bytes:
    return SITEMAP.format("".join(f"<url><loc>http://127.0.0.1:{port}{p}</loc></url>" for p in paths)).encode()


def clean_site(path: str, headers: dict, port: int):
    if path == "/":
        return 200, page("Cổng thông tin điện tử Sở TT&TT", "<h1>Tin tức</h1><p>Hội nghị chuyển đổi số.</p>")
    if path == "/gioi-thieu.html":
        return 200, ABOUT
    if path == "/tin-tuc/canh-bao-ca-do.html":
        return 200, NEWS
    if path == "/sitemap.xml":
        return 200, sitemap("/", "/gioi-thieu.html", "/tin-tuc/canh-bao-ca-do.html", port=port)
    return 404, b"not found"


def injected_site(path: str, headers: dict, port: int):
    hidden = (
        f'<div style="display:none"><a href="https://{GAMBLING}/">nhà cái uy tín</a> '
        '<a href="https://jun88.example.bet/">game bài đổi thưởng</a></div>'
    )
    if path == "/":
        return 200, page("Cổng thông tin điện tử UBND huyện", f"<h1>Tin tức</h1><p>Lịch công tác.</p>{hidden}")
    if path == "/nha-cai-uy-tin-new88.html":
        spam = " ".join(
            [
                "NEW88 nhà cái uy tín, link vào new88 mới nhất, đăng ký nhận 100k, nạp tiền rút tiền siêu tốc,"
                " tài xỉu, nổ hũ, bắn cá đổi thưởng."
            ]
            * 4
        )
        return 200, page(
            "Nhà cái uy tín NEW88", f"<h1>Nhà cái uy tín</h1><p>{spam}</p><a href='https://{GAMBLING}/'>Vào</a>"
        )
    if path == "/google1234567890abcdef.html":
        return 200, b"google-site-verification: google1234567890abcdef.html"
    if path in ("/gioi-thieu.html", "/tin-tuc/canh-bao-ca-do.html"):
        return 200, ABOUT if "gioi" in path else NEWS
    if path == "/sitemap.xml":
        return 200, sitemap("/", "/nha-cai-uy-tin-new88.html", "/google1234567890abcdef.html", port=port)
    return 404, b"not found"


def cloaked_site(path: str, headers: dict, port: int):
    ua = headers.get("User-Agent", "")
    referer = headers.get("Referer", "")
    if path == "/":
        if "Googlebot" in ua:
            return 200, page(
                "NEW88 - nhà cái uy tín | Cổng thông tin",
                f"<p>Đối tác: <a href='https://{GAMBLING}/'>nhà cái new88</a></p>",
            )
        return 200, page("Cổng thông tin điện tử Sở Y tế", "<h1>Tin tức</h1><p>Tiêm chủng mở rộng.</p>")
    if path == "/gioi-thieu.html":
        if "google." in referer:
            return 302, f"https://{GAMBLING}/?from=gov".encode()
        return 200, ABOUT
    if path == "/tin-tuc/canh-bao-ca-do.html":
        return 200, NEWS
    return 404, b"not found"


def hostile_site(path: str, headers: dict, port: int):
    links = "".join(f"<a href='{p}'>{p}</a> " for p in HOSTILE_PATHS)
    if path == "/":
        return 200, page("Trang thử nghiệm", f"<h1>Thử</h1>{links}")
    return None  # handled by the handler (streams, sleeps)


HOSTILE_PATHS = ["/slow", "/drip", "/endless", "/huge", "/loop1", "/badenc", "/busy", "/ok"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site = staticmethod(clean_site)

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: C901 - one branch per hostile behaviour
        path = self.path.split("?", 1)[0]
        port = self.server.server_address[1]
        result = self.site(path, dict(self.headers), port)
        try:
            if result is not None:
                status, body = result
                self.send_response(status)
                if status in (301, 302):
                    self.send_header("Location", body.decode())
                    body = b""
                ctype = "application/xml" if path.endswith(".xml") else "text/html; charset=utf-8"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self._hostile(path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _hostile(self, path: str):
        if path == "/slow":
            time.sleep(3)
            self._send(200, b"<html>late</html>")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>")
                self.wfile.flush()
                time.sleep(0.2)
        elif path in ("/endless", "/huge"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if path == "/huge":
                self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            for _ in range(1600):  # 100 MB at most
                self.wfile.write(chunk)
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop2" if path == "/loop1" else "/loop1")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/badenc":
            self._send(
                200,
                b"<html><head><title>\xff\xfe\xc3(</title></head><body>\x80\x81 ok</body></html>",
                "text/html; charset=klingon-8",
            )
        elif path == "/busy":
            self._send(503, b"busy")
        else:
            self._send(200, page("OK", "<p>Trang bình thường.</p>"))

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(site) -> tuple[ThreadingHTTPServer, str]:
    handler = type("SiteHandler", (Handler,), {"site": staticmethod(site)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _broken_tls() -> tuple[socket.socket, str]:
    """A port that accepts TCP and answers a TLS hello with garbage."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)

    def loop():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            try:
                conn.recv(1024)
                conn.sendall(b"HTTP/1.1 200 OK\r\nthis is not tls\r\n\r\n")
            finally:
                conn.close()

    threading.Thread(target=loop, daemon=True).start()
    return sock, f"https://127.0.0.1:{sock.getsockname()[1]}/"


@pytest.fixture(scope="session")
def sites():
    servers, urls = [], {}
    for name, fn in [
        ("clean", clean_site),
        ("injected", injected_site),
        ("cloaked", cloaked_site),
        ("hostile", hostile_site),
    ]:
        server, url = _serve(fn)
        servers.append(server)
        urls[name] = url
    tls_sock, urls["tls"] = _broken_tls()
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))
    urls["dead"] = f"http://127.0.0.1:{dead.getsockname()[1]}/"
    dead.close()
    yield urls
    for server in servers:
        server.shutdown()
    tls_sock.close()


@pytest.fixture(scope="session")
def real_domains() -> list[str]:
    """The real gambling domains of ../shared/data/hostsvn (fails loudly when absent)."""
    return load_gambling_domains()


@pytest.fixture(scope="session")
def blocklist_file(tmp_path_factory, real_domains) -> Path:
    path = tmp_path_factory.mktemp("var") / "blocklist.txt"
    path.write_text("\n".join(real_domains), encoding="utf-8")
    return path


class Switchable:
    """A site whose content a test switches: ``injected`` (hidden gambling links, doorway), ``clean`` or ``down``."""

    def __init__(self):
        self.mode = "injected"
        self.server, self.url = _serve(self.respond)

    def respond(self, path: str, headers: dict, port: int):
        if self.mode == "down":
            return 503, b"busy"
        return (injected_site if self.mode == "injected" else clean_site)(path, headers, port)


@pytest.fixture
def switchable():
    site = Switchable()
    yield site
    site.server.shutdown()


@pytest.fixture
def fast_scan() -> dict:
    """Engine settings for tests against the local server: short timeouts, no politeness delay, loopback allowed."""
    return dict(
        total_timeout=2.0,
        read_timeout=1.0,
        connect_timeout=1.0,
        retries=1,
        backoff=0.05,
        per_host_rate=0,
        allow_networks=("127.0.0.0/8",),
    )
