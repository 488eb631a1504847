"""What the user reads is Vietnamese: the History tab, error pages, paging links, API errors, indicator attributes."""

import datetime as dt
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from canhgiac.cases.models import Indicator
from canhgiac.cases.services import add_indicator, attach_evidence, update_case, withdraw_evidence
from canhgiac.core.models import Agency
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def test_history_tab_shows_labels_names_and_local_times_not_stored_values(world, client):
    officer = world.user("officer")
    case = make_case(world, category="harassment", indicators=[("phone", "0912345678")])
    update_case(case, actor=officer, assignee=officer, category="gambling")
    add_indicator(case, "domain", "new88.com", actor=officer)
    login(client, world.user("leader"))
    page = client.get(case.get_absolute_url() + "history/").content.decode()
    assert "<b>người tạo</b>: officer" in page
    assert "<b>cơ quan chủ trì</b>: Cơ quan STTTT" in page
    assert "<b>trạng thái</b>: Tiếp nhận" in page
    assert "<s>Cuộc gọi quấy rối, đe doạ</s> → Cờ bạc, cá độ" in page
    assert "<b>người xử lý</b>: officer" in page
    assert "<b>ngày tiếp nhận</b>: 01/05/2024" in page
    for raw in ("harassment", "received", ": 2024-05-01", f"<b>người tạo</b>: {officer.pk}<"):
        assert raw not in page
    # Linking indicators is listed, both at creation and when one is added later.
    assert "<b>dấu hiệu</b>: +Số điện thoại: +84912345678" in page
    assert "<b>dấu hiệu</b>: +Tên miền: new88.com" in page


def test_history_of_a_withdrawal_is_in_vietnamese_and_local_time(world, client):
    case = make_case(world)
    evidence = attach_evidence(case, SimpleUploadedFile("a.txt", b"abc"), actor=world.user("officer"))
    evidence = withdraw_evidence(evidence, actor=world.user("inspector"), reason="Nhầm tệp")
    login(client, world.user("leader"))
    page = client.get(evidence.get_absolute_url() + "history/").content.decode()
    assert "<b>người thu hồi</b>: inspector" in page and "withdrawn by" not in page
    assert "<b>đã thu hồi</b>: <s>Không</s> → Có" in page
    assert f"<b>thu hồi lúc</b>: {_local(evidence.withdrawn_at)}" in page
    assert evidence.withdrawn_at.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M") not in page


def test_history_shows_a_missing_linked_record_by_its_number(world, client):
    case = make_case(world)
    case.history.update(lead_agency_id=987654)  # the change log keeps ids without a foreign-key constraint
    login(client, world.user("leader"))
    page = client.get(case.get_absolute_url() + "history/").content.decode()
    assert "<b>cơ quan chủ trì</b>: #987654" in page


def test_history_api_keeps_stored_values_and_adds_the_display_form(world):
    case = make_case(world, category="harassment")
    add_indicator(case, "domain", "new88.com", actor=world.user("officer"))
    history = api_client(world.user("leader")).get(f"/api/cases/{case.pk}/history/").json()
    created = {c["field"]: c for c in history[-1]["changes"]}
    assert created["category"]["new"] == "harassment"
    assert created["category"]["new_display"] == "Cuộc gọi quấy rối, đe doạ"
    assert created["lead_agency"]["new"] == str(world.agency("STTTT").pk)
    assert created["lead_agency"]["new_display"] == "Cơ quan STTTT"
    assert history[0]["changes"] == [
        {
            "field": "indicators",
            "label": "dấu hiệu",
            "old": "",
            "new": "+Tên miền: new88.com",
            "old_display": "",
            "new_display": "+Tên miền: new88.com",
        }
    ]


def test_error_pages_are_vietnamese(world, client):
    login(client, world.user("viewer"))
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode() and "not found" not in missing.content.decode()
    forbidden = client.get("/cases/add/")
    assert forbidden.status_code == 403
    assert "Không có quyền truy cập" in forbidden.content.decode() and "Forbidden" not in forbidden.content.decode()
    crashed = server_error(RequestFactory().get("/"))
    assert crashed.status_code == 500 and "Lỗi hệ thống" in crashed.content.decode()


def test_paging_links_are_vietnamese(world, client):
    Agency.objects.bulk_create(Agency(code=f"X{i:02d}", name=f"Cơ quan thử {i}", kind="other") for i in range(60))
    login(client, world.user("administrator"))
    first = client.get("/agencies/").content.decode()
    assert "Trang sau »" in first and not re.search(r">\s*next\s*<", first)
    second = client.get("/agencies/?page=2").content.decode()
    assert "« Trang trước" in second and not re.search(r">\s*previous\s*<", second)


def test_api_validation_errors_are_vietnamese(world):
    client = api_client(world.user("officer"))
    response = client.post(
        "/api/cases/",
        {"title": None, "category": "khong-co", "source": "citizen", "received_on": "2024-05-01"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == ["Trường này không được để trống (null)."]
    assert body["category"] == ["“khong-co” không phải là lựa chọn hợp lệ."]
    assert api_client().get("/api/cases/").json()["detail"] == "Chưa cung cấp thông tin xác thực."


def test_indicator_page_labels_its_attributes(world, client):
    make_case(world, indicators=[("phone", "0912345678"), ("domain", "www.new88.com")])
    login(client, world.user("leader"))
    phone = client.get(Indicator.objects.get(kind="phone").get_absolute_url()).content.decode()
    assert "<dt>Loại thuê bao</dt><dd>di động</dd>" in phone
    assert "<dt>Nhà mạng (theo đầu số)</dt><dd>VinaPhone</dd>" in phone
    assert "carrier_note" not in phone and "mobile" not in phone
    domain = client.get(Indicator.objects.get(kind="domain").get_absolute_url()).content.decode()
    assert "<dt>Tên miền đăng ký</dt><dd>new88.com</dd>" in domain and "registrable_domain" not in domain
