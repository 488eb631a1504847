"""Signals beyond the words: who sent the message, where its links go, which numbers it gives, what it says about a
one-time code. Each signal moves the triage head's decision values by a fixed, documented amount and is shown as a
cue in Vietnamese, so a reviewer sees why.

Data shipped in ``content/data/`` (derived by ``bench/content/build_cue_data.py`` from public lists, sources noted in
each file): official registrable domains of banks, wallets, carriers, public services, shops and couriers; the
hostsVN gambling and threat domains; brands' published hotlines. Nothing is read from ``../shared`` at run time.

The weights (``WEIGHTS``) were set by hand, not fitted: each is about one standard deviation of the triage head's
decision values, so one signal tips a borderline text and cannot by itself outweigh clear wording.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from canhgiac.webwatch.blocklist import registrable

DATA = Path(__file__).resolve().parent / "data"

SENDER_KINDS = ("brandname", "shortcode", "personal", "unknown")
SENDER_NAMES_VI = {"brandname": "Tên thương hiệu đã đăng ký", "shortcode": "Đầu số ngắn",
                   "personal": "Số cá nhân", "unknown": "Không rõ"}  # fmt: skip

# (class, delta) per signal; see the module docstring
WEIGHTS = {
    "otp_notice": {"scam": -2.0},
    "otp_ask": {"scam": 1.5},
    "official_link": {"scam": -1.0, "gambling": -0.5, "loan": -0.3},
    "lookalike_link": {"scam": 2.0},
    "gambling_link": {"gambling": 2.0},
    "threat_link": {"scam": 2.0},
    "hotline": {"scam": -0.7},
    "brandname": {"scam": -1.0, "gambling": -1.0},
    "shortcode": {"scam": -0.5},
    "scrambled": {"gambling": 1.5, "normal": -1.0},
    "warning": {"scam": -1.5},
}
CUE_TEXT = {
    "otp_notice": "Tin báo mã OTP và dặn không chia sẻ (dạng thông báo thật)",
    "otp_ask": "Đề nghị gửi, đọc lại hoặc nhập mã OTP",
    "official_link": "Liên kết tới tên miền chính thức: {}",
    "lookalike_link": "Liên kết giả dạng tên miền của thương hiệu: {}",
    "gambling_link": "Liên kết tới tên miền cờ bạc đã biết: {}",
    "threat_link": "Liên kết tới tên miền lừa đảo đã biết: {}",
    "hotline": "Số tổng đài chính thức của thương hiệu: {}",
    "brandname": "Người gửi là tên thương hiệu đã đăng ký",
    "shortcode": "Người gửi là đầu số ngắn",
    "warning": "Lời cảnh báo về thủ đoạn lừa đảo (nói về lừa đảo, không rủ làm gì)",
    "scrambled": "Chữ bị làm nhiễu để lách bộ lọc (ký tự lạ, dấu chen giữa chữ)",
}

_HOST = re.compile(
    r"(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,12}))(?=[/:\s,;)\]'\"]|$)", re.IGNORECASE
)
_NUMBER = re.compile(r"(?<!\d)(?:1[89]00[\s.]?\d{4}(?:\d{2})?|1[0-9]{2}|0\d{9,10}|\+84\d{9})(?!\d)")
_OTP = r"(?:otp|ma xac (?:thuc|minh|nhan)|ma kich hoat|ma dang nhap|ma giao dich|ma bao mat|mat khau|ma)"
_NEG = r"(?:khong|ko|k|tuyet doi khong|dung|chua bao gio|khong bao gio|khong duoc)"
_SHARE = r"(?:chia se|cung cap|tiet lo|dua|gui|doc|ban giao|dua cho)"
_OTP_NOTICE = re.compile(
    rf"{_NEG}\s+(?:\w+\s+){{0,3}}{_SHARE}\b.{{0,40}}\b(?:otp|ma|mat khau)|(?:otp|ma)\b.{{0,60}}\b{_NEG}\s+{_SHARE}|"
    r"khong bao gio yeu cau.{0,40}(?:otp|ma|mat khau)|neu khong phai (?:ban|quy khach)|bo qua tin nhan"
)
_OTP_WORD = re.compile(r"\b(?:otp|ma xac (?:thuc|minh|nhan))\b")
_OTP_ASK = re.compile(
    rf"(?:{_SHARE}|doc lai|gui lai|nhap|chuyen tiep|nhan)\s+(?:lai\s+)?(?:\w+\s+){{0,3}}{_OTP}\b"
    r".{0,50}(?:cho (?:minh|em|chi|anh|toi|nhan vien|tong dai|he thong)|tai|vao|qua|de (?:nhan|kich hoat|xac))|"
    r"(?:otp|ma).{0,40}(?:nham|gui lai cho|doc lai)"
)
_WARNING = re.compile(r"toi pham|lua dao|canh giac|gia danh|gia mao|thu doan|khuyen cao|mao danh")
_WARNING_STRONG = re.compile(
    r"toi pham|thu doan|(?:canh giac|khuyen cao)\b.{0,80}\b(?:lua dao|gia danh|mao danh|gia mao)"
)
# letters that are not Vietnamese but look Latin, full-width letters, punctuation glued inside words
_SCRAMBLE_LETTERS = "ŋɱαåäöøüñçēğḵĸŀŵĵěņŧŭļŉőłĺřźżśĉęġĭīţĥŷɦєσƙᑎᗩᕼᒪᑕᗯᑭᑌ᙭ᗰᴛᴠᴜᴄɴԍκᴀʏʟʙէиωǥṱᵭčŝɢＡ-Ｚａ-ｚ"
_SCRAMBLE_JUNK = '(?<=\\w)[\\^*`~{}|<>$"](?=\\w)'
_SCRAMBLE = re.compile(f"[{_SCRAMBLE_LETTERS}]|{_SCRAMBLE_JUNK}", re.IGNORECASE)
# the same characters counted apart (each match is one character): a plain character set scans much faster
_SCRAMBLED_LETTER = re.compile(f"[{_SCRAMBLE_LETTERS}]", re.IGNORECASE)
_SCRAMBLED_JUNK = re.compile(_SCRAMBLE_JUNK)
SCRAMBLE_MIN = 4
_HOST_HINT = re.compile(r"[a-z0-9]\.[a-z]", re.IGNORECASE)  # what every _HOST match holds
_JUNK_HINT = re.compile(r"[\^*`~{}|<>$\"]")
_WARNING_HINT = re.compile(r"toi pham|thu doan|canh giac|khuyen cao")
_DIGIT = re.compile(r"\d")
_BRAND_STEMS_MIN = 4
# link shorteners, deep-link services and platforms: a brand's name in their subdomain says nothing
NEUTRAL = frozenset(
    "onelink.me page.link app.link bit.ly t.ly tinyurl.com cutt.ly goo.gl rb.gy is.gd s.id zalo.me facebook.com "
    "fb.com fb.me youtube.com youtu.be google.com apple.com tiktok.com me-qr.com linktr.ee".split()
)


def plain(text: str) -> str:
    """Lower case without diacritics (đ -> d): the form the signal patterns are written for."""
    text = text.lower().replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


@functools.cache
def _official() -> dict[str, str]:
    out = {}
    for line in (DATA / "official_domains.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            domain, _, kind = line.partition(" ")
            out[domain] = kind
    return out


@functools.cache
def _listed(name: str) -> frozenset[str]:
    lines = (DATA / f"{name}_domains.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.cache
def _hotlines() -> dict[str, str]:
    out = {}
    for line in (DATA / "hotlines.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            number, _, brand = line.partition(" ")
            out[number] = brand
    return out


@functools.cache
def _brand_stems() -> frozenset[str]:
    """Labels of the brands' own domains (``vietcombank``, ``viettel``…): what a look-alike domain borrows."""
    kinds = {"bank", "wallet", "carrier", "public", "shop", "courier"}
    stems = {d.split(".")[0] for d, k in _official().items() if k in kinds and "." in d}
    return frozenset(s for s in stems if len(s) >= _BRAND_STEMS_MIN and s not in {"page", "gov"})


def _edit1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@functools.lru_cache(maxsize=20_000)
def judge_host(host: str) -> tuple[str, str] | None:
    """``(signal, registrable domain)`` for one link host, or None when nothing is known about it (remembered: a
    campaign repeats its links, and the look-alike test walks every brand)."""
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    reg = registrable(host)
    if reg in _official() or host.endswith(".gov.vn") or reg in ("gov.vn",):
        return ("official_link", reg)
    if reg in _listed("gambling"):
        return ("gambling_link", reg)
    if reg in _listed("threat"):
        return ("threat_link", reg)
    if reg in NEUTRAL:
        return None
    label = re.sub(r"[^a-z0-9]", "", reg.split(".")[0])
    flat = re.sub(r"[^a-z0-9]", "", host)
    # a brand's name inside another domain: under .vn (registered with an identity) only when glued with a hyphen
    # ("viettel-khuyenmai.vn"); brands' partners use names such as "datamobifone.vn"
    borrowed = not reg.endswith(".vn") or "-" in host
    for stem in _brand_stems():
        if (borrowed and len(stem) >= 5 and stem in flat) or (len(stem) >= 6 and _edit1(label, stem)):
            return ("lookalike_link", reg)
    return None


def sender_kind(sender: str | None) -> str:
    """Kind of an SMS sender: a registered brandname (letters: ``Vietcombank``, ``VIETTEL``), a shortcode (3–5
    digits, 1800/1900 numbers), a personal number (a Vietnamese mobile or landline), or unknown."""
    s = (sender or "").strip().replace(" ", "").replace(".", "").replace("-", "")
    if not s:
        return "unknown"
    if re.fullmatch(r"\+?84\d{9,10}|0\d{9,10}", s):
        return "personal"
    if re.fullmatch(r"\d{3,5}|1[89]00\d{4,6}", s):
        return "shortcode"
    if re.fullmatch(r"[A-Za-z0-9_&]{2,11}", s) and re.search(r"[A-Za-z]", s):
        return "brandname"
    return "unknown"


@dataclass(frozen=True)
class Signal:
    code: str
    detail: str = ""

    @property
    def cue(self) -> str:
        return CUE_TEXT[self.code].format(self.detail)


def _otp_signal(low: str) -> str | None:
    if "otp" in low or _OTP_WORD.search(low):
        if _OTP_NOTICE.search(low):
            return "otp_notice"
        if _OTP_ASK.search(low) and not _WARNING.search(low):  # a warning describes the ask; it does not make it
            return "otp_ask"
    return None


def _scrambled(text: str) -> bool:
    """At least ``SCRAMBLE_MIN`` characters of ``_SCRAMBLE`` in ``text``."""
    junk = _JUNK_HINT.search(text) is not None
    if text.isascii() and not junk:
        return False
    count = len(_SCRAMBLED_LETTER.findall(text)) if not text.isascii() else 0
    if junk and count < SCRAMBLE_MIN:
        count += len(_SCRAMBLED_JUNK.findall(text))
    return count >= SCRAMBLE_MIN


def _find(text: str, low: str, sender: str | None) -> list[Signal]:
    found: list[Signal] = []
    code = _otp_signal(low)
    if code:
        found.append(Signal(code))
    lowered = text.lower() if "." in text else ""
    if lowered and _HOST_HINT.search(lowered):
        seen = set()
        for match in _HOST.finditer(lowered):
            judged = judge_host(match.group(1))
            if judged and judged not in seen:
                seen.add(judged)
                found.append(Signal(*judged))
    hot = _hotlines()
    for match in _NUMBER.finditer(text) if _DIGIT.search(text) else ():
        number = re.sub(r"\D", "", match.group(0))
        if number in hot:
            found.append(Signal("hotline", f"{number} ({hot[number]})"))
            break
    if (
        _WARNING_HINT.search(low)
        and _WARNING_STRONG.search(low)
        and not any(f.code in ("otp_ask", "lookalike_link", "threat_link") for f in found)
    ):
        found.append(Signal("warning"))
    if _scrambled(text):
        found.append(Signal("scrambled"))
    kind = sender_kind(sender)
    if kind in ("brandname", "shortcode"):
        found.append(Signal(kind))
    return found


def signals(text: str, sender: str | None = None) -> list[Signal]:
    """Every signal found in ``text`` (and its ``sender`` when known), at most one per code and link."""
    return _find(text, plain(text), sender)


def signals_prepared(texts: list[str], stripped: list[str], senders: list[str | None] | None) -> list[list[Signal]]:
    """``signals`` for many texts, reusing the normalised text without diacritics the featuriser already made."""
    senders = senders or [None] * len(texts)
    return [_find(t, s, who) for t, s, who in zip(texts, stripped, senders, strict=True)]
