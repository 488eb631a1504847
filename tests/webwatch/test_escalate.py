"""A finding becomes a case: domain indicators, the page as evidence, one click in the UI."""

from __future__ import annotations

import pytest
from django.urls import reverse

from canhgiac.cases.models import Case
from canhgiac.core.services import ServiceError
from canhgiac.core.testing import api_client, login
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.services import add_site, escalate_finding, record_scan

URL = "https://canloc.example/"


@pytest.fixture
def finding(world):
    site = add_site(actor=world.user("officer"), url=URL, name="UBND huyện", owner_agency=world.agency("UBND-CL"))
    result = _injected_result(URL)
    result.pages[0].findings[0].domains.append("not a domain!")
    record_scan(site, result)
    return Finding.objects.get(site=site)


def test_escalate_creates_case_with_domain_indicators_and_evidence(world, finding):
    case = escalate_finding(finding, actor=world.user("officer"))
    assert case.category == "gambling" and case.source == "webwatch"
    assert case.lead_agency == world.agency("STTTT") and case.district == world.agency("UBND-CL")
    assert list(case.addressed_agencies.all()) == [world.agency("UBND-CL")]
    assert [(i.kind, i.value) for i in case.indicators.all()] == [("domain", "new88-vip.com")]
    assert "not a domain!" in case.description  # skipped, but noted
    evidence = case.evidence.get()
    content = evidence.file.read().decode()
    assert URL in content and "a3f1" * 16 in content and "display:none" in content
    finding.refresh_from_db()
    assert finding.status == "escalated" and finding.case == case
    with pytest.raises(ServiceError):
        escalate_finding(finding, actor=world.user("officer"))


def test_escalate_button_redirects_to_new_case(world, finding, client):
    login(client, world.user("officer"))
    page = client.get(finding.get_absolute_url()).content.decode()
    assert "Chuyển thành vụ việc" in page and "new88-vip.com" in page
    response = client.post(reverse("webwatch:finding_escalate", args=[finding.pk]))
    case = Case.objects.get(source="webwatch")
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert "Chuyển thành vụ việc" not in client.get(finding.get_absolute_url()).content.decode()


def test_viewer_cannot_escalate(world, finding, client):
    login(client, world.user("viewer"))
    assert client.post(reverse("webwatch:finding_escalate", args=[finding.pk])).status_code == 403
    assert not Case.objects.filter(source="webwatch").exists()


def test_api_escalate_action(world, finding):
    response = api_client(world.user("officer")).post(f"/api/webwatch/findings/{finding.pk}/escalate/")
    assert response.status_code == 201, response.content
    assert response.json()["source"] == "webwatch"
    again = api_client(world.user("officer")).post(f"/api/webwatch/findings/{finding.pk}/escalate/")
    assert again.status_code == 400
