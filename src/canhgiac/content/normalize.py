"""Normalisation of Vietnamese social-media and SMS text before classification.

The steps, in order (each is tested in ``tests/content/test_normalize.py``):

1. Unicode NFKC: composes decomposed diacritics (``a`` + U+0301 -> ``á``) and folds look-alike letters
   (mathematical bold ``𝐯𝐚𝐲``, full-width ``ｖａｙ``) to plain letters. Zero-width characters are removed. Letters
   that are not Vietnamese but look like Latin ones (``ŋ``, ``ɱ``, ``α``, ``å``, ``ö``, ``ᑎ``… in betting SMS such as
   ``Đăŋg Ký ŋhậŋ``) are folded to the Latin letter (``LOOKALIKE``).
2. Links, e-mail addresses and phone numbers are replaced by the placeholder tokens ``xurl``, ``xemail``,
   ``xphone``; a link keeps its main domain label as a word (``https://new88.com/dk`` -> ``xurl new88``)
   because brand names are strong cues. Money amounts (``500k``, ``30tr``, ``2 triệu``) become ``xmoney``.
3. Lower case.
4. Letters split to dodge filters are joined: inside a word, separators between single letters
   (``l.ừ.a``, ``c-á``, ``đ_ộ``) are dropped; a run of four or more single letters separated by spaces
   (``v a y n o n g``) is joined into one word.
5. Digits used as letters inside a word (``c0n``, ``l0a``, ``n3t``) become letters; brand names that start
   or end with digits (``789bet``, ``jun88``) are left alone.
6. A character repeated three or more times after the start of a word is reduced to one (``quáaaaa`` ->
   ``quáa``, ``hayyyy`` -> ``hay``); a run that starts a word is kept, so ``cccd`` stays an abbreviation.
7. Emoji and pictographs are taken out of the sentence (``nhà cái 🎰 uy tín`` keeps the phrase ``nhà cái uy tín``)
   and each run of them adds one token ``xemoji`` at the end.
8. Teencode and SMS abbreviations are expanded word by word (``k``/``ko`` -> ``không``, ``dc`` -> ``được``,
   ``stk`` -> ``số tài khoản``); the table is ``TEENCODE`` below. A shortened link (``bit.ly/…``) keeps no
   domain word, so that its label is never read as teencode (``bit`` -> ``biết``). Profanity abbreviations
   (``vl``, ``dm``) are kept as written: they are cues of the offensive class.

``strip_diacritics`` gives the accent-free form; the featuriser uses both forms so that a text typed without
diacritics shares features with the same text typed with them.
"""

import re
import unicodedata

MAX_CHARS = 100_000

TEENCODE = {
    "k": "không", "ko": "không", "kh": "không", "khg": "không", "hok": "không", "hem": "không", "khum": "không",
    "kg": "không", "kô": "không", "j": "gì", "gi": "gì", "dc": "được", "đc": "được", "dk": "được", "đk": "được",
    "duoc": "được", "ns": "nói", "bít": "biết", "bit": "biết", "bt": "biết", "z": "vậy", "zậy": "vậy", "r": "rồi",
    "ck": "chuyển khoản", "chk": "chuyển khoản", "vk": "vợ", "lh": "liên hệ", "mk": "mình", "mik": "mình",
    "mn": "mọi người", "mng": "mọi người", "bn": "bạn",
    "b": "bạn", "e": "em", "a": "anh", "cx": "cũng", "cg": "cũng", "ny": "người yêu", "ib": "nhắn tin",
    "inbox": "nhắn tin", "nt": "nhắn tin", "sdt": "số điện thoại", "sđt": "số điện thoại", "đt": "điện thoại",
    "dt": "điện thoại", "tk": "tài khoản", "stk": "số tài khoản", "ctv": "cộng tác viên", "lg": "lương",
    "nhiu": "nhiêu", "wá": "quá", "qá": "quá", "wa": "quá", "ng": "người", "ngta": "người ta", "ntn": "như thế nào",
    "h": "giờ", "bh": "bao giờ", "trc": "trước", "đag": "đang", "dag": "đang", "vs": "với", "thik": "thích",
    "iu": "yêu", "ak": "à", "uk": "ừ", "ukm": "ừ", "oke": "ok", "okie": "ok", "oki": "ok", "dzậy": "vậy",
    "ls": "lãi suất", "nv": "nhân viên", "cmnd": "chứng minh nhân dân", "cccd": "căn cước công dân",
    "gd": "giao dịch", "gdv": "giao dịch viên", "nh": "ngân hàng", "zalo": "zalo", "fb": "facebook",
    "face": "facebook", "tl": "trả lời", "lm": "làm", "ms": "mới", "nma": "nhưng mà", "nhg": "nhưng",
    "ngày1": "ngày một", "hqua": "hôm qua", "hnay": "hôm nay", "mng.": "mọi người",
}  # fmt: skip

_LOOKALIKE_PAIRS = (
    "ŋn ɱm αa åa äa öo øo üu ñn çc ēe ğg ḵk ĸk ŀl ŵw ĵj ěe ņn ŧt ŭu ļl ŉn őo łl ĺl řr źz żz śs ĉc ęe ġg ĭi īi ţt ĥh "
    "ŷy ɦh єe σo ¢c ƙk ᑎn ᗩa ᕼh ᒪl ᑕc ᗯw ᑭp ᑌu ᙭x ᗰm ᴛt ᴠv ᴜu ᴄc ɴn ԍg κk ᴀa ʏy ʟl ʙb էt иn ωw ǥg ṱt ᵭđ čc ŝs ɢg"
)
LOOKALIKE = str.maketrans({pair[0]: pair[1:] for pair in _LOOKALIKE_PAIRS.split()})
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_URL = re.compile(
    r"(?:(?:https?://|www\.)[^\s]+|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,62})*\."
    r"(?:com|net|org|vn|info|xyz|top|club|vip|bet|me|io|co|cc|site|online|link|app|live|pro|biz|asia|tk|ly)"
    r"\b(?:/[^\s]*)?)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\w])|(?<![\w])1[89]00(?:[\s.\-]?\d){4,6}(?![\w])")
_MONEY = re.compile(
    r"(?<![\w])\d+(?:[.,]\d+)*\s*(?:k|tr|triệu|trieu|củ|cu|lít|tỷ|ty|tỏi|nghìn|ngàn|đ|vnd|vnđ|đồng|dong|usd|\$)"
    r"(?![\w])",
    re.IGNORECASE,
)
_SPLIT_IN_WORD = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][.\-_*·'`~|+]){1,}[^\W\d_](?![^\W\d_])")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_LEET_MAP = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"(?<=[^\W\d_])[0134@$]+(?=[^\W\d_])")
_REPEAT = re.compile(r"(?<=\w)(\w)\1{2,}")
_SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl t.co s.id cutt.ly shorturl.at rb.gy is.gd ow.ly tiny.cc rebrand.ly bitly.com".split()
)
_EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff\ufe0f\u200d]"
    "|[:;=][-']?[)(dpDP\\]\\[]+)+"
)
_DIGIT = re.compile(r"\d")
_URL_HINT = re.compile(  # cheap test that a link may be there (scheme, www or one of _URL's endings)
    r"https?:|www\.|\.(?:com|net|org|vn|info|xyz|top|club|vip|bet|me|io|co|cc|site|online|link|app|live|pro|biz|asia"
    r"|tk|ly)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _url_repl(match: re.Match) -> str:
    url = match.group(0).lower()
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/", 1)[0]
    if host in _SHORTENERS:
        return " xurl "
    labels = [part for part in host.split(".") if part]
    brand = labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    brand = re.sub(r"[^a-z0-9]", "", brand)
    return f" xurl {brand} " if brand else " xurl "


def _join_split(match: re.Match) -> str:
    return re.sub(r"[.\-_*·'`~|+ ]", "", match.group(0))


def _expand(token: str) -> str:
    return TEENCODE.get(token, token)


_LOOKALIKE_HINT = re.compile("[" + re.escape("".join(pair[0] for pair in _LOOKALIKE_PAIRS.split())) + "]")
_CACHE_MAX = 200_000


class _Chunks(dict):
    """Whitespace-delimited chunk -> (normal form, form without diacritics, emoji runs), computed on first use.

    Steps 4 (letters joined inside a word) to 8 work inside one chunk, so each distinct chunk is processed once per
    process; a text costs one dictionary look-up per chunk (most words recur). Emptied when it reaches
    ``_CACHE_MAX`` chunks."""

    def __missing__(self, chunk: str) -> tuple[str, str, int]:
        text = _SPLIT_IN_WORD.sub(_join_split, chunk)
        text = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET_MAP), text)  # a no-op without 0134@$
        text = _REPEAT.sub(r"\1", text)
        text, emoji = _EMOJI.subn(" ", text)
        normal = " ".join([_expand(tok) for tok in _TOKEN.findall(text)])
        value = (normal, strip_diacritics(normal), emoji)
        if len(self) >= _CACHE_MAX:
            self.clear()
        self[chunk] = value
        return value


_CHUNKS = _Chunks()


def clear_cache() -> None:
    """Forget the normalised chunks (benchmarks measure a batch of unseen words this way)."""
    _CHUNKS.clear()


def normalize_both(text: str) -> tuple[str, str]:
    """``(normalize(text), strip_diacritics(normalize(text)))``, the pair the featuriser needs, in one pass."""
    if not text:
        return "", ""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = _ZERO_WIDTH.sub("", text)
    # each pattern runs only when the characters it needs are there (most texts have no "@", many no digit)
    if "@" in text:
        text = _EMAIL.sub(" xemail ", text)
    if "." in text and _URL_HINT.search(text):
        text = _URL.sub(_url_repl, text)
    if _DIGIT.search(text) is not None:
        text = _PHONE.sub(" xphone ", text)
        text = _MONEY.sub(" xmoney ", text)
    text = text.lower()
    if not text.isascii() and _LOOKALIKE_HINT.search(text):
        text = text.translate(LOOKALIKE)
    # letters spaced out cross chunks; the joined word has no separator left for step 4, so the order is free
    text = _SPACED_LETTERS.sub(_join_split, text)
    parts = list(map(_CHUNKS.__getitem__, text.split()))
    normal = " ".join([p[0] for p in parts if p[0]])
    stripped = " ".join([p[1] for p in parts if p[1]])
    emoji = sum([p[2] for p in parts])
    if emoji:
        tail = " xemoji" * emoji
        normal, stripped = (normal + tail).lstrip(), (stripped + tail).lstrip()
    return normal, stripped


def normalize(text: str) -> str:
    """Return the normalised form of ``text`` (see the module docstring for the steps)."""
    return normalize_both(text)[0]


_STRIP_TABLE = {}
for _ch in "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ":
    _base = unicodedata.normalize("NFD", _ch)[0]
    _STRIP_TABLE[ord(_ch)] = "d" if _ch == "đ" else _base
_STRIP_TABLE.update({ord(k.upper()): v.upper() for k, v in list((chr(k), v) for k, v in _STRIP_TABLE.items())})


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics: ``đường`` -> ``duong``."""
    return text.translate(_STRIP_TABLE)
