"""What users type and read in their own words: indicator lines without English kinds, scanner codes by name,
findings filtered by the case code shown on screen, JSON of the change log as words."""

import pytest
from django.urls import reverse

from canhgiac.cases.models import Case
from canhgiac.content.models import ContentItem
from canhgiac.core.history import history_entries
from canhgiac.core.testing import login
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.services import add_site, escalate_finding, record_scan

CASE = {"title": "Vụ có dấu hiệu", "category": "fraud", "source": "citizen", "received_on": "01/05/2024"}


def test_indicator_lines_take_bare_values_and_vietnamese_kind_names(world, client):
    login(client, world.user("officer"))
    lines = "0912 345 678\nnew88.com\nTài khoản ngân hàng: VCB 0071000012345\nSĐT: 0987 654 321\nphone: 0911111111"
    response = client.post("/cases/add/", {**CASE, "lead_agency": world.agency("STTTT").pk, "indicators_text": lines})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(Case.objects.get().indicators.values_list("kind", "value")) == [
        ("bank_account", "VCB:0071000012345"),
        ("domain", "new88.com"),
        ("phone", "+84911111111"),
        ("phone", "+84912345678"),
        ("phone", "+84987654321"),
    ]


def test_an_unrecognised_line_is_explained_in_vietnamese_without_codes(world, client):
    login(client, world.user("officer"))
    data = {**CASE, "lead_agency": world.agency("STTTT").pk, "indicators_text": "0912345678\nkhông phải gì cả"}
    page = client.post("/cases/add/", data).content.decode()
    assert "Dòng 2: không nhận ra “không phải gì cả” là dấu hiệu loại nào" in page
    assert "Tài khoản ngân hàng" in page and "bank_account" not in page and "['phone'" not in page
    assert not Case.objects.exists()


@pytest.fixture
def finding(world):
    site = add_site(
        actor=world.user("officer"), url="https://canloc.example/", name="UBND", owner_agency=world.agency("UBND-CL")
    )
    record_scan(site, _injected_result("https://canloc.example/"))
    return Finding.objects.get(site=site)


def test_findings_show_check_and_visitor_names_and_filter_by_them(world, finding, client):
    login(client, world.user("inspector"))
    page = client.get(finding.get_absolute_url()).content.decode()
    assert "Liên kết ẩn ra ngoài trang" in page and "Máy thu thập của Google (Googlebot)" in page
    assert "hidden_links" not in page.replace('value="hidden_links"', "") and "google_referrer" not in page
    listing = client.get(reverse("webwatch:finding_list")).content.decode()
    assert '<option value="hidden_links">Liên kết ẩn ra ngoài trang</option>' in listing
    filtered = client.get(reverse("webwatch:finding_list") + "?check_name=hidden_links").content.decode()
    assert finding.get_absolute_url() in filtered


def test_findings_filter_takes_the_case_code_as_shown(world, finding, client):
    case = escalate_finding(finding, actor=world.user("officer"))
    login(client, world.user("inspector"))
    url = reverse("webwatch:finding_list")
    for typed in (case.code, case.code.lower(), f" {case.pk} "):
        page = client.get(url, {"case": typed}).content.decode()
        assert finding.get_absolute_url() in page, typed
    page = client.get(url, {"case": "VV-1999-99999"}).content.decode()
    assert finding.get_absolute_url() not in page and "Nhập một số" not in page


def test_change_log_shows_scores_and_attributes_as_words(world):
    from canhgiac.cases.services import add_indicator
    from tests.cases.helpers import make_case

    case = make_case(world)
    indicator = add_indicator(case, "phone", "0912345678", actor=world.user("officer")).indicator
    shown = {c["field"]: c["new_display"] for c in history_entries(indicator)[-1]["changes"]}
    assert "loại thuê bao: di động" in shown["attrs"] and "mobile" not in shown["attrs"]
    scores = ContentItem.history_formats["scores"]({"normal": 0.0968, "scam": 0.9032})
    assert scores == "Lừa đảo 90%; Bình thường 10%"


def test_an_import_page_keeps_an_acronym_in_its_title(world, client):
    from canhgiac.core.testing import login

    login(client, world.user("inspector"))
    page = client.get("/secops/alerts/import/").content.decode()
    assert "Nhập cảnh báo SOC từ tệp" in page and "cảnh báo soc" not in page
