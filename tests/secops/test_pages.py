from django.urls import reverse

from canhgiac.core.testing import login
from canhgiac.posture.models import Endpoint
from canhgiac.secops.models import Incident, IncidentEntry, SecurityWarning


def test_incident_through_the_pages_add_move_and_log_a_step(world, client):
    login(client, world.user("inspector"))
    data = {"title": "Trang Sở bị thay giao diện", "kind": "defacement", "severity": "high",
            "agency": world.agency("STTTT").pk, "source": "external", "detected_at": "2026-11-20T08:00"}  # fmt: skip
    response = client.post(reverse("secops:incident_add"), data)
    incident = Incident.objects.get()
    assert response.status_code == 302 and response.url == incident.get_absolute_url()
    page = client.get(incident.get_absolute_url()).content.decode()
    assert 'id="transition-form"' in page and 'id="entry-form"' in page
    client.post(reverse("secops:incident_entry_add", args=[incident.pk]), {"text": "Khôi phục bản sao lưu"})
    client.post(reverse("secops:incident_transition", args=[incident.pk]), {"to_status": "resolved"})
    incident.refresh_from_db()
    assert incident.status == "open"  # no outcome: refused, nothing changed
    client.post(reverse("secops:incident_transition", args=[incident.pk]),
                {"to_status": "resolved", "outcome": "Đã khôi phục, vá lỗ hổng CMS"})  # fmt: skip
    incident.refresh_from_db()
    assert incident.status == "resolved" and incident.resolved_at is not None
    assert IncidentEntry.objects.filter(incident=incident).count() == 2
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Khôi phục bản sao lưu" in page and "Đã khôi phục, vá lỗ hổng CMS" in page


def test_a_commune_sees_its_incidents_and_warnings_but_cannot_write_them(world, client):
    login(client, world.user("inspector"))
    client.post(reverse("secops:securitywarning_add"), {"sent_on": "2026-11-12", "kind": "warning", "title": "Cảnh báo",
                "content": "Nội dung", "agencies": [world.agency("UBND-CL").pk]})  # fmt: skip
    warning = SecurityWarning.objects.get()
    login(client, world.user("district_officer"))
    assert client.get(warning.get_absolute_url()).status_code == 200
    response = client.post(reverse("secops:securitywarning_edit", args=[warning.pk]),
                           {"sent_on": "2026-11-12", "kind": "warning", "title": "Sửa", "content": "x",
                            "agencies": [world.agency("UBND-CL").pk]})  # fmt: skip
    assert response.status_code == 200 and "cấp tỉnh" in response.content.decode()
    warning.refresh_from_db()
    assert warning.title == "Cảnh báo"


def test_import_pages_and_templates_of_the_three_kinds(world, client):
    login(client, world.user("officer"))
    for url_name, kind in (("secops:alert_import", "soc-alerts"), ("posture:informationsystem_import", "systems"),
                           ("posture:endpoint_import", "endpoints")):  # fmt: skip
        assert client.get(reverse(url_name)).status_code == 200
        template = client.get(reverse("core:import_template", args=[kind, "csv"])).content.decode("utf-8-sig")
        assert template.splitlines()[0].split(",")[0] in ("Thời điểm", "Mã hệ thống", "Cơ quan")
    assert not Endpoint.objects.exists()
