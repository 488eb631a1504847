"""The indicators a report names, as people write them: several per field, separated by commas, semicolons or new
lines; each normalised with the cases app's normalisation, a bad one refused with the reason and the field."""

import re
from dataclasses import dataclass

from canhgiac.cases.choices import IndicatorKindChoices as Kind
from canhgiac.cases.normalize import IndicatorError, Normalized, normalize
from canhgiac.core.services import FieldError

# Input field → (label, how each item is read).
FIELDS = {
    "phones": "Số điện thoại",
    "links": "Đường dẫn, trang web",
    "accounts": "Tài khoản mạng xã hội",
    "bank_accounts": "Tài khoản ngân hàng",
}
MAX_PER_FIELD = 20
_SPLIT = re.compile(r"[,;\n]+")


@dataclass(frozen=True)
class Mention:
    item: Normalized
    original: str


def split(text) -> list[str]:
    if isinstance(text, (list, tuple)):
        text = "\n".join(str(t) for t in text)
    return [part.strip() for part in _SPLIT.split(str(text or "")) if part.strip()]


def read_link(text: str) -> list[Normalized]:
    """A link is a URL when it has a scheme or a path, else a domain; a URL also names its host's domain."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) or "/" in text:
        url = normalize(Kind.URL, text)
        host = url.attrs.get("domain")
        return [url, normalize(Kind.DOMAIN, host)] if host else [url]
    return [normalize(Kind.DOMAIN, text)]


def read_one(field: str, text: str) -> list[Normalized]:
    if field == "phones":
        return [normalize(Kind.PHONE, text)]
    if field == "links":
        return read_link(text)
    if field == "accounts":
        return [normalize(Kind.SOCIAL, text)]
    return [normalize(Kind.BANK_ACCOUNT, text)]


def read_mentions(data: dict) -> list[Mention]:
    """Every indicator of the input fields present in ``data``, normalised, each once; FieldError on a bad one."""
    found: dict[tuple[str, str], Mention] = {}
    for field, label in FIELDS.items():
        items = split(data.get(field))
        if len(items) > MAX_PER_FIELD:
            raise FieldError(field, f"“{label}”: ghi tối đa {MAX_PER_FIELD} giá trị (đang có {len(items)}).")
        for text in items:
            if len(text) > 500:
                raise FieldError(field, f"“{label}”: một giá trị dài quá 500 ký tự.")
            try:
                for item in read_one(field, text):
                    found.setdefault((item.kind, item.value), Mention(item, text))
            except IndicatorError as exc:
                raise FieldError(field, f"{label}: {exc}") from None
    return list(found.values())


def guess(text: str) -> Normalized:
    """What a person looks up: a phone number, a bank account, an e-mail, a social account, a link or a domain."""
    raw = (text or "").strip()
    if not raw:
        raise IndicatorError("Hãy nhập số điện thoại, tên miền, đường dẫn hoặc số tài khoản cần tra cứu.")
    if len(raw) > 500:
        raise IndicatorError("Nội dung tra cứu quá dài (tối đa 500 ký tự).")
    if re.fullmatch(r"[+\d\s.\-()]+", raw):
        return normalize(Kind.PHONE, raw)
    attempts = []
    if re.fullmatch(r"[A-Za-z][A-Za-z ]*?\s*[:\- ]\s*[\d .\-]+", raw):
        attempts.append(Kind.BANK_ACCOUNT)
    if "@" in raw and "/" not in raw:
        attempts.append(Kind.EMAIL)
    attempts.append(Kind.SOCIAL)
    for kind in attempts:
        try:
            return normalize(kind, raw)
        except IndicatorError:
            continue
    try:
        return read_link(raw)[0]
    except IndicatorError as exc:
        raise IndicatorError(
            f"Không nhận ra “{raw[:80]}”: nhập số điện thoại (0912 345 678), tên miền (vidu.com), đường dẫn "
            f"hoặc tài khoản ngân hàng (VCB:0071000012345). Chi tiết: {exc}"
        ) from None
