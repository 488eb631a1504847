"""``canhgiac watch …`` end to end, as a separate process, against the local server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FAST = ["--timeout", "3", "--retries", "0", "--rate", "0", "--allow-private"]


def watch(*args: str, var: Path) -> subprocess.CompletedProcess:
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
        "CANHGIAC_VAR": str(var),
    }
    return subprocess.run(
        [sys.executable, "-m", "canhgiac.cli", "watch", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_scan_clean_site_exits_0_and_prints_json(sites, blocklist_file, tmp_path):
    run = watch("scan", sites["clean"], "--json", "--blocklist", str(blocklist_file), *FAST, var=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data[0]["status"] == "clean" and data[0]["pages"]
    page = data[0]["pages"][0]
    assert set(page["sha256"]) == {"browser", "google_referrer", "googlebot", "mobile_google"}


def test_scan_injected_and_cloaked_sites_from_a_file_exit_1(sites, blocklist_file, tmp_path):
    listing = tmp_path / "sites.txt"
    listing.write_text(f"# danh sách\n{sites['injected']}\n{sites['cloaked']}\n{sites['dead']}\n", encoding="utf-8")
    run = watch("scan", "--file", str(listing), "--json", "--blocklist", str(blocklist_file), *FAST, var=tmp_path)
    assert run.returncode == 1, run.stderr
    by_url = {r["url"]: r for r in json.loads(run.stdout)}
    assert by_url[sites["injected"]]["status"] == "findings"
    assert by_url[sites["cloaked"]]["status"] == "findings"
    assert by_url[sites["dead"]]["status"] == "error"
    checks = {f["check"] for p in by_url[sites["injected"]]["pages"] for f in p["findings"]}
    assert "hidden_links" in checks


def test_scan_text_output_is_vietnamese(sites, blocklist_file, tmp_path):
    run = watch("scan", sites["injected"], "--blocklist", str(blocklist_file), *FAST, var=tmp_path)
    assert run.returncode == 1
    assert "CÓ DẤU HIỆU" in run.stdout and "liên kết bị ẩn" in run.stdout


def test_usage_errors_exit_2(tmp_path):
    assert watch("scan", var=tmp_path).returncode == 2
    assert watch("scan", "--depth", "x", "http://127.0.0.1:1/", var=tmp_path).returncode == 2
    assert watch("scan", "--file", str(tmp_path / "missing.txt"), var=tmp_path).returncode == 2
    assert watch("scan", "--identities", "robot", "http://127.0.0.1:1/", var=tmp_path).returncode == 2


def test_update_blocklist_stores_the_list_with_its_source_and_reports_bad_lines(world, tmp_path, real_domains, capsys):
    from django.core.management import call_command

    from canhgiac.core.models import DomainSource, ListedDomain

    source = tmp_path / "hosts.txt"
    source.write_text("# hosts\n0.0.0.0 " + "\n0.0.0.0 ".join(real_domains[:50]) + "\nnot a domain\n", encoding="utf-8")
    dest = tmp_path / "webwatch" / "blocklist.txt"
    args = ("watch", "update-blocklist", "--file", str(source), "--dest", str(dest), "--user", "inspector")
    with pytest.raises(SystemExit) as exit_code:
        call_command(*args, "--source", "hostsVN", "--licence", "MIT")
    assert exit_code.value.code == 1  # one bad line, reported
    out = capsys.readouterr()
    assert "thêm 50 tên miền" in out.out and "Dòng 52" in out.err
    stored = DomainSource.objects.get(name="hostsVN")
    assert (stored.licence, stored.domain_count) == ("MIT", 50)
    assert stored.history.first().history_user.username == "inspector"
    assert set(ListedDomain.objects.values_list("domain", flat=True)) == set(real_domains[:50])
    assert sorted(dest.read_text().split()) == sorted(set(real_domains[:50]))


def test_loopback_needs_allow_private(sites, blocklist_file, tmp_path):
    run = watch("scan", sites["clean"], "--json", "--blocklist", str(blocklist_file), "--retries", "0", var=tmp_path)
    data = json.loads(run.stdout)
    assert data[0]["status"] == "error"
    errors = data[0]["errors"] + [e for p in data[0]["pages"] for e in p["errors"]]
    assert any(e["kind"] == "forbidden_address" and "--allow-private" in e["message"] for e in errors)


def test_bad_allowed_network_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CANHGIAC_FETCH_ALLOW_NETWORKS", "10.0.0.0/8,nội-bộ")
    run = watch("scan", "http://127.0.0.1:1/", "--allow-private", var=tmp_path)
    assert run.returncode == 2 and "nội-bộ" in run.stderr
