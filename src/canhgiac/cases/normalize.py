"""Normalise indicators per kind: one canonical value per phone, domain, URL, IP, IMEI, account, e-mail.

Each ``normalize_<kind>(text)`` returns a :class:`Normalized` or raises :class:`IndicatorError` whose message
(in Vietnamese) says what is wrong with the input. Everything here works offline: phone prefixes and banks
ship in ``data/``, the public suffix list is the snapshot bundled with tldextract.
"""

import ipaddress
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import idna
import phonenumbers
import tldextract
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from canhgiac.cases.choices import IndicatorKindChoices as Kind
from canhgiac.cases.social import SocialLinkError, social_account
from canhgiac.core.hostnames import EXTRACT
from canhgiac.core.imports.messages import explain

DATA_DIR = Path(__file__).resolve().parent / "data"


class IndicatorError(ValueError):
    """The input is not a valid indicator of that kind; the message says why."""


@dataclass(frozen=True)
class Normalized:
    kind: str
    value: str
    attrs: dict = field(default_factory=dict)


@cache
def _carrier_by_prefix() -> dict[str, str]:
    table = json.loads((DATA_DIR / "carrier_prefixes.json").read_text(encoding="utf-8"))
    return {
        prefix: carrier for carrier, prefixes in table.items() if not carrier.startswith("_") for prefix in prefixes
    }


@cache
def banks() -> dict[str, str]:
    return json.loads((DATA_DIR / "banks.json").read_text(encoding="utf-8"))


def _extractor() -> tldextract.TLDExtract:
    """The one public-suffix extractor of the project (``core.hostnames``)."""
    return EXTRACT


def normalize_phone(text: str) -> Normalized:
    """ "0912 345 678", "+84 912.345.678", "84912345678", "(024) 3825 1234" → E.164 with the carrier by prefix."""
    raw = (text or "").strip()
    digits = re.sub(r"[\s.\-()/]", "", raw)
    if not digits:
        raise IndicatorError("Số điện thoại đang để trống.")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not re.fullmatch(r"\+?\d+", digits):
        raise IndicatorError(f"“{raw}” có ký tự không phải chữ số.")
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "+" + digits
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException as exc:
        raise IndicatorError(f"“{raw}” không phải số điện thoại ({explain(exc)}).") from exc
    if number.country_code != 84:
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return Normalized(Kind.PHONE, e164, {"country": phonenumbers.region_code_for_number(number)})
        raise IndicatorError(f"“{raw}” không phải số điện thoại hợp lệ.")
    national = str(number.national_number)
    if not phonenumbers.is_valid_number(number):
        raise IndicatorError(
            f"“{raw}” không phải số điện thoại Việt Nam hợp lệ "
            "(di động có 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678)."
        )
    attrs: dict = {"national": "0" + national}
    number_type = phonenumbers.number_type(number)
    if number_type in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        attrs["line"] = "mobile"
        carrier = _carrier_by_prefix().get("0" + national[:2])
        if carrier:
            attrs["carrier"] = carrier
            attrs["carrier_note"] = "theo đầu số; thuê bao chuyển mạng giữ số có thể thuộc nhà mạng khác"
    else:
        attrs["line"] = "fixed" if number_type == phonenumbers.PhoneNumberType.FIXED_LINE else "other"
    return Normalized(Kind.PHONE, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), attrs)


def _host_to_ascii(host: str, raw: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise IndicatorError(f"“{raw}” không có tên miền.")
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise IndicatorError(f"“{raw}”: tên miền không hợp lệ ({explain(exc)}).") from exc
    labels = ascii_host.split(".")
    if len(labels) < 2 or any(not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", label) for label in labels):
        raise IndicatorError(f"“{raw}”: tên miền phải gồm các nhãn chữ/số/gạch nối, cách nhau bởi dấu chấm.")
    return ascii_host


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def normalize_domain(text: str) -> Normalized:
    """ "WWW.Ví-Dụ.VN", "http://new88.com/x" → "www.xn--v-d-..." with its registrable domain and public suffix."""
    raw = (text or "").strip()
    if not raw:
        raise IndicatorError("Tên miền đang để trống.")
    try:
        host = urlsplit(raw if "//" in raw else "//" + raw).hostname or ""
    except ValueError as exc:  # "[" and other broken bracket hosts
        raise IndicatorError(f"“{raw}”: tên miền không hợp lệ ({explain(exc)}).") from exc
    if _is_ip(host.strip("[]")):
        raise IndicatorError(f"“{raw}” là địa chỉ IP, không phải tên miền.")
    ascii_host = _host_to_ascii(host, raw)
    parts = _extractor()(ascii_host)
    if not parts.suffix:
        raise IndicatorError(f"“{raw}”: đuôi tên miền không có trong danh sách hậu tố công khai.")
    if not parts.domain:
        raise IndicatorError(f"“{raw}” chỉ là một hậu tố công khai, không phải tên miền đăng ký được.")
    registrable = f"{parts.domain}.{parts.suffix}"
    attrs = {"registrable_domain": registrable, "suffix": parts.suffix, "unicode": idna.decode(ascii_host)}
    return Normalized(Kind.DOMAIN, ascii_host, attrs)


def normalize_url(text: str) -> Normalized:
    """Canonical URL: lower-case scheme and host (IDNA), no default port, no fragment, path percent-encoded."""
    raw = (text or "").strip()
    if not raw:
        raise IndicatorError("Đường dẫn đang để trống.")
    candidate = raw if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw) else "http://" + raw
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError as exc:
        raise IndicatorError(f"“{raw}”: đường dẫn không hợp lệ ({explain(exc)}).") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise IndicatorError(f"“{raw}”: chỉ nhận đường dẫn http hoặc https.")
    host = parts.hostname or ""
    try:
        host = str(ipaddress.ip_address(host))
        host_attrs: dict = {"ip": host}
    except ValueError:
        host = _host_to_ascii(host, raw)
        host_attrs = {"domain": host}
    netloc = f"[{host}]" if ":" in host else host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc += f":{port}"
    path = _normalize_escapes(parts.path, safe="/:@!$&'()*+,;=") or "/"
    query = _normalize_escapes(parts.query, safe="/:@!$&'()*+,;=?")
    return Normalized(Kind.URL, urlunsplit((scheme, netloc, path, query, "")), host_attrs)


_ESCAPE = re.compile(r"(%[0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _normalize_escapes(component: str, *, safe: str) -> str:
    """RFC 3986 normalisation that keeps the meaning: an escaped unreserved character is decoded ("%7E" → "~"),
    any other escape stays escaped in upper case ("%2f" → "%2F", "%26" is not "&"); characters not allowed
    (spaces, non-ASCII, a lone "%") are percent-encoded as UTF-8."""
    out = []
    for piece in _ESCAPE.split(component):
        if _ESCAPE.fullmatch(piece):
            char = chr(int(piece[1:], 16))
            out.append(char if char in _UNRESERVED else piece.upper())
        else:
            out.append(quote(piece, safe=safe))
    return "".join(out)


def normalize_ip(text: str) -> Normalized:
    """IPv4/IPv6 in compressed form; private, reserved, loopback… ranges are flagged."""
    raw = (text or "").strip()
    if not raw:
        raise IndicatorError("Địa chỉ IP đang để trống.")
    try:
        address = ipaddress.ip_address(raw.strip("[]"))
    except ValueError as exc:
        raise IndicatorError(f"“{raw}” không phải địa chỉ IPv4 hoặc IPv6 hợp lệ.") from exc
    flags = [
        name
        for name in ("private", "reserved", "loopback", "link_local", "multicast", "unspecified")
        if getattr(address, f"is_{name}")
    ]
    attrs = {"version": address.version, "flags": flags, "public": address.is_global}
    return Normalized(Kind.IP, address.compressed, attrs)


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalize_imei(text: str) -> Normalized:
    """15 digits (separators ignored) with a valid Luhn check digit."""
    raw = (text or "").strip()
    digits = re.sub(r"[\s\-/.]", "", raw)
    if not digits:
        raise IndicatorError("Số IMEI đang để trống.")
    if not digits.isdigit():
        raise IndicatorError(f"“{raw}”: IMEI chỉ gồm chữ số.")
    if len(digits) != 15:
        raise IndicatorError(f"“{raw}”: IMEI phải có đúng 15 chữ số (đang có {len(digits)}).")
    if not luhn_valid(digits):
        raise IndicatorError(f"“{raw}”: chữ số kiểm tra (Luhn) của IMEI không khớp — có thể gõ nhầm một chữ số.")
    return Normalized(Kind.IMEI, digits, {"tac": digits[:8]})


def normalize_bank_account(text: str) -> Normalized:
    """ "VCB:0071 0000 12345" or "Vietcombank 0071000012345" → "VCB:0071000012345"."""
    raw = (text or "").strip()
    match = re.fullmatch(r"([A-Za-z][A-Za-z ]*?)\s*[:\- ]\s*([\d .\-]+)", raw)
    if not match:
        raise IndicatorError(f"“{raw}”: ghi tài khoản theo mẫu “MÃ NGÂN HÀNG:SỐ TÀI KHOẢN”, ví dụ VCB:0071000012345.")
    bank_text, number = match.group(1).strip().upper().replace(" ", ""), re.sub(r"[\s.\-]", "", match.group(2))
    by_name = {name.upper().replace(" ", ""): code for code, name in banks().items()}
    code = bank_text if bank_text in banks() else by_name.get(bank_text)
    if code is None:
        raise IndicatorError(f"“{raw}”: không nhận ra ngân hàng “{match.group(1).strip()}”.")
    if not 6 <= len(number) <= 19:
        raise IndicatorError(f"“{raw}”: số tài khoản phải có từ 6 đến 19 chữ số (đang có {len(number)}).")
    return Normalized(Kind.BANK_ACCOUNT, f"{code}:{number}", {"bank": banks()[code], "bank_code": code})


def normalize_social(text: str) -> Normalized:
    """A profile URL of Facebook, TikTok, YouTube, Zalo or Telegram, or "platform:handle" → "platform:handle"
    (the rules are in :mod:`canhgiac.cases.social`)."""
    try:
        platform, handle = social_account(text)
    except SocialLinkError as exc:
        raise IndicatorError(str(exc)) from None
    return Normalized(Kind.SOCIAL, f"{platform}:{handle}", {"platform": platform})


def normalize_email(text: str) -> Normalized:
    raw = (text or "").strip()
    if not raw:
        raise IndicatorError("Thư điện tử đang để trống.")
    local, _, host = raw.rpartition("@")
    if not local or not host:
        raise IndicatorError(f"“{raw}” thiếu phần trước hoặc sau “@”.")
    domain = _host_to_ascii(host, raw)
    value = f"{local}@{domain}"
    try:
        validate_email(value)
    except ValidationError as exc:
        raise IndicatorError(f"“{raw}” không phải địa chỉ thư điện tử hợp lệ.") from exc
    return Normalized(Kind.EMAIL, value, {"domain": domain})


NORMALIZERS = {
    Kind.PHONE: normalize_phone,
    Kind.DOMAIN: normalize_domain,
    Kind.URL: normalize_url,
    Kind.IP: normalize_ip,
    Kind.IMEI: normalize_imei,
    Kind.BANK_ACCOUNT: normalize_bank_account,
    Kind.SOCIAL: normalize_social,
    Kind.EMAIL: normalize_email,
}


def normalize(kind: str, text: str) -> Normalized:
    """Normalise ``text`` as an indicator of ``kind``."""
    try:
        normalizer = NORMALIZERS[kind]
    except KeyError:
        raise IndicatorError(f"Loại dấu hiệu “{kind}” không tồn tại.") from None
    return normalizer(str(text) if text is not None else "")
