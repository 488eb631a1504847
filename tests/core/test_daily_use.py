"""Rough edges a new user meets in the first hour (issue: daily use), each fixed in the shared bases."""

import logging

from django.urls import reverse
from django.utils import timezone

from canhgiac.cases.models import CaseIndicator
from canhgiac.core.logfilters import RefusalsWithoutTraceback
from canhgiac.core.testing import api_client, login
from canhgiac.webwatch.models import Site
from tests.cases.helpers import make_case


def test_yes_no_filters_offer_all_not_unknown(world, client):
    login(client, world.user("officer"))
    page = client.get("/agencies/").content.decode()
    assert "Chưa xác định" not in page and ">Tất cả</option>" in page
    assert client.get("/agencies/?is_active=false").status_code == 200


def test_header_does_not_repeat_the_role_as_the_name(world, client):
    user = world.user("inspector")
    user.first_name, user.last_name = "Thanh tra viên", ""
    user.save()
    page = login(client, user).get("/").content.decode()
    assert "Thanh tra viên · Thanh tra viên" not in page


def test_scan_interval_zero_is_a_vietnamese_field_error(world):
    data = {"url": "https://a.gov.vn/", "name": "A", "owner_agency": world.agency("STTTT").pk, "interval_hours": 0}
    response = api_client(world.user("officer")).post("/api/webwatch/sites/", data, format="json")
    assert response.status_code == 400 and "1 giờ" in str(response.json()["interval_hours"])
    assert not Site.objects.exists()


def test_scan_now_moves_the_next_scheduled_scan(world, client, django_capture_on_commit_callbacks):
    site = Site.objects.create(
        url="https://a.gov.vn/",
        name="A",
        owner_agency=world.agency("STTTT"),
        interval_hours=24,
        next_scan_at=timezone.now(),
    )
    login(client, world.user("officer"))
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("webwatch:site_scan", args=[site.pk]))
    site.refresh_from_db()
    assert site.next_scan_at > timezone.now() + timezone.timedelta(hours=23)


def test_adding_an_indicator_the_case_has_says_so_and_logs_nothing(world, client):
    case = make_case(world, indicators=[("phone", "0912345678")])
    login(client, world.user("officer"))
    before = case.history.count()
    response = client.post(f"/cases/{case.pk}/indicators/add/", {"kind": "phone", "value": "0912 345 678"})
    assert response.status_code == 200 and "đã có dấu hiệu +84912345678" in response.content.decode()
    assert CaseIndicator.objects.filter(case=case).count() == 1 and case.history.count() == before


def test_refusals_are_logged_without_a_traceback():
    handlers = logging.getLogger().handlers
    assert any(isinstance(f, RefusalsWithoutTraceback) for h in handlers for f in h.filters)  # wired in settings
    try:
        raise PermissionError("x")
    except PermissionError:
        import sys

        record = logging.LogRecord("django.request", logging.WARNING, "", 0, "Forbidden", (), sys.exc_info())
    record.status_code = 403
    RefusalsWithoutTraceback().filter(record)
    assert record.exc_info is None


def test_date_filters_take_dates_as_people_type_them(world, client):
    import datetime as dt

    make_case(world, title="Trong kỳ", received_on=dt.date(2026, 11, 25))
    make_case(world, title="Ngoài kỳ", received_on=dt.date(2026, 10, 1))
    page = login(client, world.user("officer")).get("/cases/?received_after=25/11/2026").content.decode()
    assert "Trong kỳ" in page and "Ngoài kỳ" not in page
    api = api_client(world.user("officer")).get("/api/cases/?received_after=25/11/2026").json()
    assert [c["title"] for c in api["results"]] == ["Trong kỳ"]


def test_empty_lists_say_what_to_do(world, client):
    login(client, world.user("officer"))
    assert "Bấm “Thêm mới”" in client.get("/documents/").content.decode()
    assert "khớp bộ lọc" in client.get("/cases/?category=fraud").content.decode()
    assert "Chưa có dấu hiệu trên website nào." in client.get("/webwatch/findings/").content.decode()


def test_password_hashing_follows_owasp_minimum_for_argon2id():
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from canhgiac import settings as production  # the tests themselves hash with MD5 (conftest)
    from canhgiac.core.hashers import OwaspArgon2PasswordHasher

    assert production.PASSWORD_HASHERS[0] == "canhgiac.core.hashers.OwaspArgon2PasswordHasher"
    hasher = OwaspArgon2PasswordHasher()
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (19 * 1024, 2, 1)
    old = Argon2PasswordHasher().encode("mat-khau-dai-2026", "somesalt12345678")  # Django's default parameters
    assert hasher.verify("mat-khau-dai-2026", old) and hasher.must_update(old)


def test_unit_pickers_offer_provinces_only_and_a_commune_is_refused_as_parent(world, client):
    from canhgiac.units.models import AdministrativeUnit

    province = AdministrativeUnit.objects.create(
        code="42", name="Tỉnh Hà Tĩnh", kind="province", valid_from="2025-07-01"
    )
    commune = AdministrativeUnit.objects.create(
        code="18073", name="Xã Can Lộc", kind="commune", parent=province, valid_from="2025-07-01"
    )
    page = login(client, world.user("administrator")).get("/units/add/").content.decode()
    parent = page[page.index('name="parent"') : page.index("</select>", page.index('name="parent"'))]
    assert f'value="{province.pk}"' in parent and f'value="{commune.pk}"' not in parent
    data = {"code": "99999", "name": "Xã X", "kind": "commune", "parent": commune.pk, "valid_from": "2025-07-01"}
    response = api_client(world.user("administrator")).post("/api/units/", data, format="json")
    assert response.status_code == 400 and not AdministrativeUnit.objects.filter(code="99999").exists()
