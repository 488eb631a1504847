import pytest

from canhgiac.cases.normalize import IndicatorError, normalize


@pytest.mark.parametrize(
    "kind, text, value",
    [
        ("phone", "0912 345 678", "+84912345678"),
        ("phone", "+84 912.345.678", "+84912345678"),
        ("phone", "84912345678", "+84912345678"),
        ("phone", "0084-912-345-678", "+84912345678"),
        ("phone", "(+84) 97 123 4567", "+84971234567"),
        ("phone", "024 3825 1234", "+842438251234"),
        ("domain", "WWW.NEW88.COM.", "www.new88.com"),
        ("url", "HTTP://Example.COM:80/a b?x=1#frag", "http://example.com/a%20b?x=1"),
        ("url", "new88.com", "http://new88.com/"),
        ("ip", " 203.113.131.1 ", "203.113.131.1"),
        ("ip", "2001:0db8:0000::0001", "2001:db8::1"),
        ("imei", "49-015420-323751-8", "490154203237518"),
        ("bank_account", "vcb: 0071 000 012345", "VCB:0071000012345"),
        ("bank_account", "Techcombank 19036868686868", "TCB:19036868686868"),
        ("social", "https://www.facebook.com/profile.php?id=100012345678", "facebook:100012345678"),
        ("social", "https://m.facebook.com/Ten.Trang/", "facebook:ten.trang"),
        ("social", "https://www.tiktok.com/@Shop.Lua.Dao?lang=vi", "tiktok:shop.lua.dao"),
        ("social", "https://www.youtube.com/@KenhGiaMao", "youtube:kenhgiamao"),
        ("social", "https://www.youtube.com/channel/UC123abc", "youtube:uc123abc"),
        ("social", "https://zalo.me/0912345678", "zalo:0912345678"),
        ("social", "t.me/scam_group", "telegram:scam_group"),
        ("social", "telegram:@Scam_Group", "telegram:scam_group"),
        ("email", "Lua.Dao@GMAIL.com", "Lua.Dao@gmail.com"),
    ],
)
def test_normalises_common_written_forms(kind, text, value):
    assert normalize(kind, text).value == value


def test_unicode_domain_is_stored_as_idna_and_shown_in_unicode():
    item = normalize("domain", "https://Dịchvụcông.VN/path")
    assert item.value.startswith("xn--") and item.value.endswith(".vn")
    assert item.attrs["unicode"] == "dịchvụcông.vn"
    assert normalize("domain", item.attrs["unicode"]).value == item.value


def test_phone_carrier_from_prefix_notes_porting():
    item = normalize("phone", "0987 654 321")
    assert item.attrs["carrier"] == "Viettel"
    assert "chuyển mạng" in item.attrs["carrier_note"]
    assert normalize("phone", "0901234567").attrs["carrier"] == "MobiFone"


def test_domain_registrable_from_offline_public_suffix_list():
    item = normalize("domain", "portal.sotttt.hatinh.gov.vn")
    assert item.attrs["registrable_domain"] == "hatinh.gov.vn"
    assert item.attrs["suffix"] == "gov.vn"


def test_private_and_reserved_ip_ranges_are_flagged():
    assert normalize("ip", "192.168.1.10").attrs["flags"] == ["private"]
    assert normalize("ip", "127.0.0.1").attrs["public"] is False
    assert normalize("ip", "8.8.8.8").attrs == {"version": 4, "flags": [], "public": True}


@pytest.mark.parametrize(
    "kind, text, fragment",
    [
        ("phone", "", "để trống"),
        ("phone", "0912abc678", "không phải chữ số"),
        ("phone", "12345", "không phải số điện thoại Việt Nam hợp lệ"),
        ("phone", "0912 345 67", "không phải số điện thoại Việt Nam hợp lệ"),
        ("domain", "com", "tên miền phải gồm"),
        ("domain", "gov.vn", "hậu tố công khai"),
        ("domain", "bad_domain!.com", "không hợp lệ"),
        ("domain", "10.0.0.1", "là địa chỉ IP"),
        ("url", "ftp://example.com/x", "chỉ nhận đường dẫn http"),
        ("url", "http://exa mple.com", "không hợp lệ"),
        ("ip", "999.1.1.1", "không phải địa chỉ IPv4"),
        ("ip", "1.2.3", "không phải địa chỉ IPv4"),
        ("imei", "4901542032375", "đúng 15 chữ số"),
        ("imei", "490154203237519", "Luhn"),
        ("imei", "49015420323751X", "chỉ gồm chữ số"),
        ("bank_account", "0071000012345", "MÃ NGÂN HÀNG:SỐ TÀI KHOẢN"),
        ("bank_account", "XYZBANK:0071000012345", "không nhận ra ngân hàng"),
        ("bank_account", "VCB:123", "từ 6 đến 19 chữ số"),
        ("social", "https://example.com/user", "không nhận ra nền tảng"),
        ("social", "https://www.facebook.com/", "thiếu tên tài khoản"),
        ("social", "https://www.facebook.com/groups/123", "thiếu tên tài khoản"),
        ("email", "no-at-sign.vn", "thiếu phần trước hoặc sau"),
        ("email", "a b@c.vn", "không phải địa chỉ thư điện tử"),
        ("nonsense", "x", "không tồn tại"),
    ],
)
def test_bad_input_gets_a_specific_error(kind, text, fragment):
    with pytest.raises(IndicatorError) as error:
        normalize(kind, text)
    assert fragment in str(error.value)
