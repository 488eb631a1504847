"""The multi-machine web tier: two `canhgiac serve` processes behind Debian's nginx using the shipped proxy snippet
(`deploy/nginx/canhgiac-proxy.conf`). Requests are spread over both servers on one database, sessions and tokens
work through either, and the login lockout counts the real client's address, not the proxy's."""

import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import httpx
import pytest

from tests.processes import child_env, free_port, wait_until

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CLIENT = "203.0.113.7"  # the address a client's own proxy or the citizen's network put in X-Forwarded-For


def _up(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


@pytest.fixture
def web_tier(transactional_db, tmp_path):
    from django.db import connection

    if not Path(NGINX).exists():
        raise AssertionError(f"nginx not found at {NGINX}: run scripts/provision (apt-get install nginx)")
    connection.close()
    processes, ports, logs = [], [], []
    for n in range(2):
        port, log = free_port(), tmp_path / f"access-{n}.log"
        env = child_env(CANHGIAC_TRUSTED_PROXIES="127.0.0.1", ACCESS_LOG=str(log))
        command = [sys.executable, "-m", "canhgiac.cli", "serve", f"--bind=127.0.0.1:{port}", "--workers=1"]
        out = open(tmp_path / f"serve-{n}.log", "wb")
        processes.append(subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT))
        ports.append(port)
        logs.append(log)
    for port in ports:
        wait_until(lambda port=port: _up(f"http://127.0.0.1:{port}/login/"), 60, "a web server")

    listen = free_port()
    snippet = (ROOT / "deploy" / "nginx" / "canhgiac-proxy.conf").read_text(encoding="utf-8")
    upstream = "".join(f"        server 127.0.0.1:{port};\n" for port in ports)
    (tmp_path / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi; uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
    upstream canhgiac {{
{upstream}        keepalive 4;
    }}
    server {{
        listen 127.0.0.1:{listen};
        location / {{
{snippet}
        }}
    }}
}}
""",
        encoding="utf-8",
    )
    proxy = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{listen}"
    wait_until(lambda: _up(url + "/login/"), 30, "nginx")
    yield url, logs
    proxy.terminate()
    proxy.wait(timeout=20)
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def test_two_web_servers_behind_nginx_share_one_database(world, web_tier):
    from canhgiac.cases.models import Case
    from canhgiac.core.security import create_token

    url, logs = web_tier
    officer = world.user("officer")
    token = create_token(actor=officer).key
    headers = {"Authorization": f"Token {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        for n in range(8):
            body = {
                "title": f"Lừa đảo qua nginx {n}",
                "category": "fraud",
                "source": "citizen",
                "received_on": "2026-11-20",
                "lead_agency": officer.agency_id,
            }
            answer = client.post("/api/cases/", json=body)
            assert answer.status_code == 201, answer.text
        listed = client.get("/api/cases/", params={"search": "qua nginx"}).json()
    assert listed["count"] == 8 == Case.objects.filter(title__startswith="Lừa đảo qua nginx").count()
    served = [log.read_text(encoding="utf-8").count("/api/cases/") for log in logs]
    assert all(count > 0 for count in served), served  # nginx spread the requests over both web servers


def test_the_lockout_counts_the_client_behind_the_proxy_not_the_proxy(world, web_tier):
    from axes.models import AccessAttempt

    url, _ = web_tier
    with httpx.Client(base_url=url, timeout=30, headers={"X-Forwarded-For": CLIENT}) as client:
        for _ in range(2):  # a session cookie and a CSRF token, as a browser has them
            page = client.get("/login/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            answer = client.post(
                "/login/",
                data={"csrfmiddlewaretoken": token, "username": "officer", "password": "sai-mat-khau"},
                headers={"Origin": url, "Referer": url + "/login/"},
            )
            assert answer.status_code == 200 and "/login/" in str(answer.url)  # refused, still on the login page
    assert AccessAttempt.objects.filter(username="officer", ip_address=CLIENT).exists()
    assert not AccessAttempt.objects.filter(ip_address="127.0.0.1").exists()
