import pytest

from canhgiac.core.letters import parse_letter_number  # noqa: F401  (letters are registered below)
from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.core.services import register_document
from canhgiac.core.testing import ALL_ROLES, ModelTests, api_client
from canhgiac.secops.choices import RESPONDER_ROLES
from canhgiac.secops.filtersets import AlertFilterSet, IncidentFilterSet, NetworkFilterSet, WarningFilterSet
from canhgiac.secops.models import AgencyNetwork, Alert, Incident, IncidentEntry, SecurityWarning


class TestAlert(ModelTests):
    model = Alert
    api_url = "/api/secops/alerts/"
    ui_list = "secops:alert_list"
    filterset_class = AlertFilterSet

    @staticmethod
    def create_data(world):
        return {"day": "2026-11-03", "signature": "ET PHISHING Successful Microsoft Phish", "category": "phishing",
                "src_ip": "10.20.1.15", "dest_ip": "185.199.110.10", "connections": 3,
                "agency": world.agency("STTTT").pk}  # fmt: skip

    @staticmethod
    def update_data(world, obj):
        return {"malware_family": "Emotet"}


class TestAgencyNetwork(ModelTests):
    model = AgencyNetwork
    api_url = "/api/secops/networks/"
    ui_list = "secops:agencynetwork_list"
    filterset_class = NetworkFilterSet

    @staticmethod
    def create_data(world):
        return {"agency": world.agency("STTTT").pk, "network": "10.20.0.0/16"}

    @staticmethod
    def update_data(world, obj):
        return {"note": "Mạng nội bộ của Sở"}


class TestIncident(ModelTests):
    model = Incident
    api_url = "/api/secops/incidents/"
    ui_list = "secops:incident_list"
    filterset_class = IncidentFilterSet

    @staticmethod
    def create_data(world):
        return {"title": "Cổng thông tin bị chèn liên kết cá độ", "kind": "injected_links", "severity": "high",
                "agency": world.agency("STTTT").pk, "source": "webwatch", "detected_at": "2026-11-10T09:30:00+07:00",
                "responders": [world.user("inspector").pk]}  # fmt: skip

    @staticmethod
    def update_data(world, obj):
        return {"severity": "critical"}


class TestSecurityWarning(ModelTests):
    model = SecurityWarning
    api_url = "/api/secops/warnings/"
    ui_list = "secops:securitywarning_list"
    filterset_class = WarningFilterSet

    @staticmethod
    def create_data(world):
        return {"sent_on": "2026-11-12", "title": "Cảnh báo lỗ hổng tháng 11", "content": "Cập nhật bản vá ngay.",
                "agencies": [world.agency("UBND-CL").pk, world.agency("CAT-ANM").pk]}  # fmt: skip

    @staticmethod
    def update_data(world, obj):
        return {"title": "Cảnh báo lỗ hổng tháng 11 (bổ sung)"}


def _incident(world):
    response = api_client(world.user("officer")).post("/api/secops/incidents/", TestIncident.create_data(world),
                                                      format="json")  # fmt: skip
    assert response.status_code == 201, response.content
    return Incident.objects.get(pk=response.json()["id"])


def _expected(world, role, incident) -> int:
    user = world.user(role)
    if not can_write(user):
        return 403
    if not Incident.objects.visible_to(user).filter(pk=incident.pk).exists():
        return 404
    return 201 if has_global_scope(user) and role in RESPONDER_ROLES else 403


@pytest.mark.parametrize("role", ALL_ROLES)
def test_moving_an_incident_by_every_role(world, role):
    incident = _incident(world)
    response = api_client(world.user(role)).post(f"/api/secops/incidents/{incident.pk}/transition/",
                                                 {"to_status": "handling"}, format="json")  # fmt: skip
    expected = _expected(world, role, incident)
    assert response.status_code == expected, (role, response.content)
    incident.refresh_from_db()
    assert incident.status == ("handling" if expected == 201 else "open")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_timeline_entries_by_every_role(world, role):
    incident = _incident(world)
    url = f"/api/secops/incidents/{incident.pk}/entries/"
    body = {"text": "Cô lập máy chủ web", "at": "2026-11-10T10:15:00+07:00"}
    response = api_client(world.user(role)).post(url, body, format="json")
    expected = _expected(world, role, incident)
    if expected == 403 and can_write(world.user(role)) and has_global_scope(world.user(role)):
        expected = 201  # entries: every provincial writer; only status changes are the response team's
    assert response.status_code == expected, (role, response.content)
    assert IncidentEntry.objects.filter(text="Cô lập máy chủ web").count() == (1 if expected == 201 else 0)


def test_closing_needs_the_outcome_then_records_it_and_reopening_clears_it(world, client):
    incident = _incident(world)
    api = api_client(world.user("inspector"))
    url = f"/api/secops/incidents/{incident.pk}/transition/"
    refused = api.post(url, {"to_status": "resolved", "reason": "xong"}, format="json")
    assert refused.status_code == 400 and "kết quả xử lý" in refused.json()["outcome"][0]
    incident.refresh_from_db()
    assert incident.status == "open" and incident.resolved_at is None
    body = {
        "to_status": "resolved",
        "outcome": "Đã gỡ liên kết, đổi mật khẩu",
        "resolved_at": "2026-11-11T16:00:00+07:00",
    }
    assert api.post(url, body, format="json").status_code == 201
    incident.refresh_from_db()
    assert incident.status == "resolved" and incident.outcome.startswith("Đã gỡ")
    assert incident.resolved_at.isoformat().startswith("2026-11-11T09:00")
    assert api.post(url, {"to_status": "handling", "reason": "Tái nhiễm"}, format="json").status_code == 201
    incident.refresh_from_db()
    assert (incident.status, incident.resolved_at, incident.outcome) == ("handling", None, "")
    timeline = api.get(f"/api/secops/incidents/{incident.pk}/entries/").json()
    assert [e["to_status"] for e in timeline] == ["resolved", "handling"]
    from canhgiac.core.testing import login

    page = login(client, world.user("viewer")).get(incident.get_absolute_url()).content.decode()
    assert "Đã khắc phục" in page and "Tái nhiễm" in page


def test_an_incident_detected_in_the_future_or_a_system_of_another_agency_is_refused(world):
    from canhgiac.posture.services import systems

    other = systems.create(actor=world.user("officer"), code="HTTT-CL", name="Trang xã", owner_level="commune",
                           owner_agency=world.agency("UBND-CL"), security_level=1)  # fmt: skip
    api = api_client(world.user("officer"))
    data = TestIncident.create_data(world) | {"system": other.pk}
    assert "system" in api.post("/api/secops/incidents/", data, format="json").json()
    data = TestIncident.create_data(world) | {"detected_at": "2099-01-01T00:00:00+07:00"}
    assert "detected_at" in api.post("/api/secops/incidents/", data, format="json").json()
    assert not Incident.objects.exists()


def test_a_warning_letter_must_be_outgoing_and_a_network_must_be_an_address(world):
    incoming = register_document(actor=world.user("officer"), notation="386/CAT-ANM", direction="in",
                                 date="2026-11-01", issuing_agency=world.agency("CAT-ANM"),
                                 receiving_agencies=[world.agency("STTTT")], summary="Đề nghị")  # fmt: skip
    api = api_client(world.user("officer"))
    data = TestSecurityWarning.create_data(world) | {"letter": incoming.pk}
    assert api.post("/api/secops/warnings/", data, format="json").json()["letter"] == [
        "Văn bản gửi cảnh báo phải là văn bản đi."
    ]
    data = TestAgencyNetwork.create_data(world) | {"network": "10.20.300.0/16"}
    assert "không phải địa chỉ" in api.post("/api/secops/networks/", data, format="json").json()["network"][0]
    assert not SecurityWarning.objects.exists() and not AgencyNetwork.objects.exists()


def test_a_negative_connection_count_is_refused(world):
    data = TestAlert.create_data(world) | {"connections": -3}
    response = api_client(world.user("officer")).post("/api/secops/alerts/", data, format="json")
    assert response.status_code == 400 and response.json()["connections"] == ["Số kết nối không được âm."]
    assert not Alert.objects.exists()


def test_the_same_alert_twice_is_refused(world):
    api = api_client(world.user("officer"))
    assert api.post("/api/secops/alerts/", TestAlert.create_data(world), format="json").status_code == 201
    again = api.post("/api/secops/alerts/", TestAlert.create_data(world), format="json")
    assert again.status_code == 400 and "Đã có cảnh báo" in again.json()["signature"][0]


def test_only_the_response_team_can_be_named_responders(world):
    data = TestIncident.create_data(world) | {"responders": [world.user("police_liaison").pk]}
    response = api_client(world.user("officer")).post("/api/secops/incidents/", data, format="json")
    assert response.status_code == 403 and "responders" in response.json()
    assert not Incident.objects.exists()
