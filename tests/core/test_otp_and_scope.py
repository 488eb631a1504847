"""Review findings: TOTP enrolment cannot bypass an existing device; list pages offer only allowed actions."""

import base64
import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from canhgiac.core.services import register_document
from canhgiac.core.testing import login
from tests.cases.helpers import make_case

PASSWORD = "mat-khau-thu-nghiem-2026"


def _token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_administrator_with_a_device_cannot_enrol_another_without_verifying(world, client):
    administrator = world.user("administrator")
    TOTPDevice.objects.create(user=administrator, name="điện thoại", confirmed=True)
    client.post("/login/", {"username": "administrator", "password": PASSWORD})

    page = client.get("/account/otp/setup/", follow=True)
    assert page.redirect_chain[0][0].startswith("/account/otp/verify/")
    assert "Tài khoản đã có thiết bị xác thực" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=administrator, confirmed=False).exists()

    # A device the attacker prepared himself cannot be confirmed through the setup page either.
    rogue = TOTPDevice.objects.create(user=administrator, name="kẻ gian", confirmed=False)
    response = client.post("/account/otp/setup/", {"token": _token(rogue)})
    assert response["Location"].startswith("/account/otp/verify/")
    rogue.refresh_from_db()
    assert not rogue.confirmed
    assert client.get("/cases/")["Location"].startswith("/account/otp/verify/")


def test_verified_administrator_may_add_a_device_and_sees_a_base32_key(world, client):
    login(client, world.user("administrator"))
    page = client.get("/account/otp/setup/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=world.user("administrator"), confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert secret in page.content.decode()
    assert device.bin_key.hex() not in page.content.decode()


def test_add_button_only_for_roles_that_may_add(world, client):
    login(client, world.user("leader"))
    assert "Thêm mới" not in client.get("/agencies/").content.decode()
    assert client.get("/agencies/add/").status_code == 403
    assert "Thêm mới" in client.get("/cases/").content.decode()
    login(client, world.user("viewer"))
    cases = client.get("/cases/").content.decode()
    assert "Thêm mới" not in cases and "Nhập từ tệp" not in cases
    login(client, world.user("administrator"))
    assert "Thêm mới" in client.get("/agencies/").content.decode()


def test_letter_page_lists_only_cases_the_user_may_see(world, client):
    letter = register_document(
        actor=world.user("officer"),
        notation="12/UBND-CL",
        direction="out",
        date="2024-03-01",
        issuing_agency=world.agency("UBND-CL"),
        summary="Báo cáo",
    )
    own = make_case(world, commune="UBND-CL", letters=[letter])
    other = make_case(world, lead="STTTT", letters=[letter])
    login(client, world.user("district_officer"))
    page = client.get(letter.get_absolute_url()).content.decode()
    assert own.code in page
    assert other.code not in page
    assert not re.search(rf'href="/cases/{other.pk}/"', page)
