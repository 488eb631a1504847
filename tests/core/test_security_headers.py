"""Security headers on every kind of answer; HTTPS settings; ``check --deploy`` clean; no inline script."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import canhgiac
from canhgiac.core.testing import api_client, login

EXPECTED = {
    "Content-Security-Policy": None,
    "Permissions-Policy": "camera=()",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _assert_headers(response):
    for name, part in EXPECTED.items():
        assert name in response.headers, (name, response.request["PATH_INFO"])
        if part:
            assert part in response.headers[name]
    policy = dict(
        (d.strip().split(" ", 1) + [""])[:2] for d in response.headers["Content-Security-Policy"].split(";") if d
    )
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["object-src"] == "'none'"
    assert "'unsafe-inline'" not in policy.get("default-src", "")


def test_headers_on_pages_api_and_errors(world, client):
    _assert_headers(client.get("/login/"))
    login(client, world.user("officer"))
    for url in ("/", "/cases/", "/agencies/", "/api/docs/", "/khong-co-trang-nay/"):
        _assert_headers(client.get(url))
    _assert_headers(api_client(world.user("officer")).get("/api/cases/"))


def test_api_docs_need_no_inline_script(world, client):
    login(client, world.user("officer"))
    page = client.get("/api/docs/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", page)
    script = re.search(r'<script src="([^"]*script=[^"]*)"', page).group(1).replace("&amp;", "&")
    assert client.get(script).status_code == 200


def test_templates_have_no_inline_script_or_handler():
    root = Path(canhgiac.__file__).parent
    offenders = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)", text) or re.search(r"\son[a-z]+\s*=", text) or "javascript:" in text:
            offenders.append(str(template.relative_to(root)))
    assert offenders == []


def _settings_with(env: dict) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: getattr(s, k,"
        " None) for k in ('SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',"
        " 'SECURE_PROXY_SSL_HEADER')}))"
    )
    full = dict(os.environ, DJANGO_SETTINGS_MODULE="canhgiac.settings", **env)
    result = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_mode_turns_on_hsts_and_secure_cookies(tmp_path):
    plain = _settings_with({"CANHGIAC_VAR": str(tmp_path)})
    assert not plain["SESSION_COOKIE_SECURE"] and not plain["SECURE_HSTS_SECONDS"]
    https = _settings_with({"CANHGIAC_VAR": str(tmp_path), "CANHGIAC_HTTPS": "1", "CANHGIAC_BEHIND_PROXY": "1"})
    assert https["SECURE_HSTS_SECONDS"] >= 31536000
    assert https["SESSION_COOKIE_SECURE"] and https["CSRF_COOKIE_SECURE"] and https["SECURE_SSL_REDIRECT"]
    assert https["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_header_over_https(world, client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/login/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.slow
def test_check_deploy_is_clean_for_production_settings(tmp_path):
    env = dict(os.environ, CANHGIAC_VAR=str(tmp_path), CANHGIAC_HTTPS="1", DEBUG="0")
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "canhgiac.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
