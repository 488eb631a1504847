"""Vietnamese labels for the attributes the normaliser stores on an indicator (``Indicator.attrs``)."""

from django import template

register = template.Library()

ATTR_LABELS = {
    "national": "số trong nước",
    "line": "loại thuê bao",
    "carrier": "nhà mạng (theo đầu số)",
    "carrier_note": "lưu ý về nhà mạng",
    "country": "quốc gia",
    "registrable_domain": "tên miền đăng ký",
    "suffix": "đuôi tên miền",
    "unicode": "dạng có dấu (Unicode)",
    "domain": "tên miền",
    "ip": "địa chỉ IP",
    "version": "phiên bản IP",
    "flags": "loại dải địa chỉ",
    "public": "địa chỉ công cộng",
    "tac": "mã TAC (kiểu thiết bị)",
    "bank": "ngân hàng",
    "bank_code": "mã ngân hàng",
    "platform": "nền tảng",
}

VALUE_LABELS = {
    "line": {"mobile": "di động", "fixed": "cố định", "other": "khác"},
    "flags": {
        "private": "mạng riêng",
        "reserved": "dành riêng",
        "loopback": "nội bộ máy (loopback)",
        "link_local": "liên kết cục bộ (link-local)",
        "multicast": "đa hướng (multicast)",
        "unspecified": "chưa xác định",
    },
    "platform": {
        "facebook": "Facebook",
        "tiktok": "TikTok",
        "youtube": "YouTube",
        "zalo": "Zalo",
        "telegram": "Telegram",
    },
}


def attr_value(key: str, value) -> str:
    """One attribute value as the user reads it: Có/Không, known codes by their Vietnamese name, lists joined."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if key == "version" and value in (4, 6):
        return f"IPv{value}"
    names = VALUE_LABELS.get(key, {})
    if isinstance(value, list):
        return ", ".join(str(names.get(item, item)) for item in value) or "—"
    if value in (None, ""):
        return "—"
    return str(names.get(value, value))


@register.filter
def attr_items(attrs) -> list[tuple[str, str]]:
    """``{% for label, value in indicator.attrs|attr_items %}``: known keys labelled, unknown ones as they are."""
    return [(ATTR_LABELS.get(key, key), attr_value(key, value)) for key, value in (attrs or {}).items()]


def attrs_text(attrs) -> str:
    """The attributes on one line, for the change log: "loại thuê bao: di động; nhà mạng (theo đầu số): Viettel"."""
    return "; ".join(f"{label}: {value}" for label, value in attr_items(attrs))


@register.filter
def field_rows(obj) -> list[tuple[str, object]]:
    """(label, value as shown) of a record's own fields, for the generic detail page; personal data left out."""
    from canhgiac.core.history import _display, _Names

    hidden = {"id", "created_by", *getattr(obj, "personal_fields", ())}
    rows = []
    for field in obj._meta.concrete_fields:
        if field.name in hidden:
            continue
        value = getattr(obj, field.name)
        if field.choices:
            value = getattr(obj, f"get_{field.name}_display")()
        elif not field.is_relation:
            value = _display(field, value, _Names())
        rows.append((str(field.verbose_name).capitalize(), value))
    return rows


@register.filter
def safe_href(value) -> str:
    """The URL if it may be a link (http, https, mailto, tel), else "": ``{% if x|safe_href %}<a href=…>``."""
    from canhgiac.core.safety import safe_url

    return safe_url(value)


@register.filter
def vnd(value) -> str:
    """A whole number as Vietnamese officials write it: 25850000 → "25.850.000"."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def vi_number(value) -> str:
    """Any figure the Vietnamese way: 1237 → "1.237", Decimal("70.93") → "70,93"; None → "—"."""
    if value is None or value == "":
        return "—"
    whole, _, fraction = f"{value:,}".partition(".") if not isinstance(value, int) else (f"{value:,}", "", "")
    whole = whole.replace(",", ".")
    return f"{whole},{fraction}" if fraction else whole


@register.filter
def filesize_vi(value) -> str:
    """A byte count for people, written the Vietnamese way: 18581 → "18,1 KB", 512 → "512 byte"."""
    if value in (None, ""):
        return ""
    size = int(value)
    for unit, factor in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= factor:
            return f"{size / factor:.1f}".replace(".", ",") + f" {unit}"
    return f"{size} byte"


@register.filter
def lcfirst(text) -> str:
    """The first letter in lower case, as in the middle of a sentence, but acronyms kept: "Cảnh báo SOC" → "cảnh
    báo SOC", "SOC" stays "SOC"."""
    text = str(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
