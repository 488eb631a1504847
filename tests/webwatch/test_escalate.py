"""A finding becomes a case: domain indicators, the page as evidence, one click in the UI."""

from __future__ import annotations

import pytest
from django.urls import reverse

from canhgiac.cases.models import Case
from canhgiac.core.services import ServiceError
from canhgiac.core.testing import api_client, login
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.services import add_site, dismiss_finding, escalate_finding, record_scan, reopen_finding

URL = "https://canloc.example/"


def _result():
    result = _injected_result(URL)
    result.pages[0].findings[0].domains.append("not a domain!")
    return result


@pytest.fixture
def finding(world):
    site = add_site(actor=world.user("officer"), url=URL, name="UBND huyện", owner_agency=world.agency("UBND-CL"))
    record_scan(site, _result())
    return Finding.objects.get(site=site)


def test_escalate_creates_case_with_domain_indicators_and_evidence(world, finding):
    case = escalate_finding(finding, actor=world.user("officer"))
    assert case.category == "gambling" and case.source == "webwatch"
    assert case.lead_agency == world.agency("STTTT") and case.locality == world.agency("UBND-CL").unit
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


def test_dismiss_needs_a_reason_is_logged_and_stops_flagging_the_site(world, finding):
    officer = world.user("officer")
    with pytest.raises(ServiceError, match="lý do"):
        dismiss_finding(finding, actor=officer, reason="  ")
    dismiss_finding(finding, actor=officer, reason="Liên kết của đối tác, đã xác minh")
    finding.refresh_from_db()
    assert finding.status == "dismissed" and finding.dismiss_reason == "Liên kết của đối tác, đã xác minh"
    last = finding.history.first()
    assert last.history_user == officer and "báo động nhầm" in last.history_change_reason
    with pytest.raises(ServiceError, match="đã được bỏ qua"):
        dismiss_finding(finding, actor=officer, reason="lần nữa")
    # the same injection seen again: still recorded as seen, but the run and the site are no longer "findings"
    run = record_scan(finding.site, _result())
    finding.refresh_from_db()
    assert finding.status == "dismissed" and finding.last_seen_run == run
    assert run.status == "clean" and run.finding_count == 0
    finding.site.refresh_from_db()
    assert finding.site.last_status == "clean"
    reopen_finding(finding, actor=officer)
    run = record_scan(finding.site, _result())
    assert run.status == "findings" and Finding.objects.get(pk=finding.pk).status == "new"


def test_escalated_finding_cannot_be_dismissed(world, finding):
    escalate_finding(finding, actor=world.user("officer"))
    with pytest.raises(ServiceError, match="vụ việc"):
        dismiss_finding(finding, actor=world.user("officer"), reason="nhầm")


def test_dismiss_from_the_page_and_through_the_api(world, finding, client):
    login(client, world.user("officer"))
    page = client.get(finding.get_absolute_url()).content.decode()
    assert "Bỏ qua (báo động nhầm)" in page
    url = reverse("webwatch:finding_dismiss", args=[finding.pk])
    client.post(url, {"reason": ""})
    assert Finding.objects.get(pk=finding.pk).status == "new"  # refused without a reason
    response = client.post(url, {"reason": "Trang đối tác"}, follow=True)
    page = response.content.decode()
    assert "Bỏ qua (báo động nhầm)" in page and "Trang đối tác" in page and "Mở lại" in page
    client.post(url, {"action": "reopen"})
    assert Finding.objects.get(pk=finding.pk).status == "new"
    api = api_client(world.user("officer"))
    bad = api.post(f"/api/webwatch/findings/{finding.pk}/dismiss/", {}, format="json")
    assert bad.status_code == 400 and "reason" in bad.json()
    ok = api.post(f"/api/webwatch/findings/{finding.pk}/dismiss/", {"reason": "Đối tác"}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "dismissed"
    viewer = api_client(world.user("viewer")).post(
        f"/api/webwatch/findings/{finding.pk}/dismiss/", {"reason": "x"}, format="json"
    )
    assert viewer.status_code == 403


def test_two_findings_go_into_one_case_through_the_api(world, finding):
    second = _another(finding, "second", ["w88-vip.com"])
    client = api_client(world.user("officer"))
    first = client.post(f"/api/webwatch/findings/{finding.pk}/escalate/", {}, format="json")
    assert first.status_code == 201, first.content
    code = first.json()["code"]
    added = client.post(f"/api/webwatch/findings/{second.pk}/escalate/", {"case": code}, format="json")
    assert added.status_code == 201 and added.json()["code"] == code
    case = Case.objects.get(code=code)
    assert case.evidence.count() == 2
    assert set(case.indicators.values_list("value", flat=True)) >= {"w88-vip.com"}
    second.refresh_from_db()
    assert second.status == "escalated" and second.case == case
    unknown = client.post(f"/api/webwatch/findings/{finding.pk}/escalate/", {"case": "VV-1999-00001"}, format="json")
    assert unknown.status_code == 400


def test_several_findings_into_one_case_at_once_and_reopen_through_the_api(world, finding):
    second = _another(finding, "third", ["fb88-vip.com"])
    client = api_client(world.user("officer"))
    refused = client.post("/api/webwatch/findings/escalate-many/", {"ids": [finding.pk, 10**9]}, format="json")
    assert refused.status_code == 400 and not Case.objects.exists()
    response = client.post("/api/webwatch/findings/escalate-many/", {"ids": [finding.pk, second.pk]}, format="json")
    assert response.status_code == 201, response.content
    case = Case.objects.get(code=response.json()["code"])
    assert case.evidence.count() == 2 and set(case.webwatch_findings.all()) == {finding, second}
    other = _another(finding, "fourth")
    assert client.post(f"/api/webwatch/findings/{other.pk}/dismiss/", {"reason": "Đối tác"}).status_code == 200
    reopened = client.post(f"/api/webwatch/findings/{other.pk}/reopen/")
    assert reopened.status_code == 200 and reopened.json()["status"] == "new"


def _another(finding, key, domains=()):
    """One more finding on the same site and runs (another hidden block of the same page)."""
    return Finding.objects.create(
        site=finding.site,
        key=key,
        check_name="hidden_links",
        severity=finding.severity,
        why=f"Liên kết ẩn {key}",
        domains=list(domains),
        first_seen_run=finding.first_seen_run,
        last_seen_run=finding.last_seen_run,
    )
