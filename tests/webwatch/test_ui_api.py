"""Sites in the UI and API: generic model tests, scoping by agency, the form, the site page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from canhgiac.core.testing import ModelTests, api_client, login
from canhgiac.webwatch import tasks
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.filtersets import SiteFilterSet
from canhgiac.webwatch.models import Site
from canhgiac.webwatch.services import add_site, record_scan


class TestSite(ModelTests):
    model = Site
    api_url = "/api/webwatch/sites/"
    ui_list = "webwatch:site_list"
    filterset_class = SiteFilterSet

    @staticmethod
    def create_data(world):
        return {
            "url": "https://soyte.example/",
            "name": "Cổng thông tin Sở Y tế",
            "owner_agency": world.agency("STTTT").pk,
        }

    @staticmethod
    def update_data(world, obj):
        return {"contact_phone": "0238 3844 111", "interval_hours": 12}


@pytest.fixture
def two_sites(world):
    officer = world.user("officer")
    mine = add_site(
        actor=officer, url="https://canloc.example/", name="Huyện Can Lộc", owner_agency=world.agency("UBND-CL")
    )
    other = add_site(
        actor=officer, url="https://hk.example/", name="Huyện Hương Khê", owner_agency=world.agency("UBND-HK")
    )
    record_scan(mine, _injected_result(mine.url))
    record_scan(other, _injected_result(other.url))
    return mine, other


def test_district_officer_sees_only_own_agency_sites(world, two_sites, client):
    mine, other = two_sites
    user = world.user("district_officer")
    login(client, user)
    listing = client.get(reverse("webwatch:site_list")).content.decode()
    assert mine.get_absolute_url() in listing and other.get_absolute_url() not in listing
    assert client.get(other.get_absolute_url()).status_code == 404
    findings = client.get(reverse("webwatch:finding_list")).content.decode()
    assert "Huyện Can Lộc" in findings and "Huyện Hương Khê" not in findings
    api = api_client(user)
    assert [s["id"] for s in api.get("/api/webwatch/sites/").json()["results"]] == [mine.pk]
    assert api.get(f"/api/webwatch/findings/?site={other.pk}").json()["count"] == 0
    assert api.get(f"/api/webwatch/runs/?site={other.pk}").json()["count"] == 0
    # and may not register a site for another agency
    response = api.post(
        "/api/webwatch/sites/", {"url": "https://x.example/", "name": "X", "owner_agency": other.owner_agency_id}
    )
    assert response.status_code == 403


def test_site_form_validates_url_and_shows_field_errors(world, client):
    login(client, world.user("officer"))
    data = {
        "url": "ftp://soyte.example/",
        "name": "Sở Y tế",
        "owner_agency": world.agency("STTTT").pk,
        "interval_hours": 24,
    }
    response = client.post(reverse("webwatch:site_add"), data)
    assert response.status_code == 200 and not Site.objects.exists()
    assert "http:// hoặc https://" in response.content.decode()
    data["url"] = "https://soyte.example/"
    response = client.post(reverse("webwatch:site_add"), data | {"active": "on"})
    site = Site.objects.get()
    assert response.url == site.get_absolute_url() and site.next_scan_at is not None


def test_site_page_shows_runs_and_open_findings(world, two_sites, client):
    mine, _ = two_sites
    login(client, world.user("officer"))
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "Có dấu hiệu" in page
    assert "Liên kết tới trang cờ bạc bị ẩn" in page and 'id="site-runs"' in page
    run = mine.runs.get()
    run_page = client.get(run.get_absolute_url()).content.decode()
    assert "a3f1" * 16 in run_page
    assert client.get(mine.get_absolute_url() + "history/").status_code == 200
    finding = mine.findings.get()
    assert "Phát hiện dấu hiệu mới" in client.get(finding.get_absolute_url() + "history/").content.decode()


def test_scan_now_button_queues_task_after_commit(
    world, two_sites, client, monkeypatch, django_capture_on_commit_callbacks
):
    mine, _ = two_sites
    queued = []
    monkeypatch.setattr(tasks.scan_site_task, "delay", lambda pk, queued_at: queued.append(pk))
    login(client, world.user("officer"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("webwatch:site_scan", args=[mine.pk]))
    assert response.status_code == 302 and queued == [mine.pk]
    login(client, world.user("viewer"))
    assert client.post(reverse("webwatch:site_scan", args=[mine.pk])).status_code == 403
