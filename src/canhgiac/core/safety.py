"""Output safety: what leaves canhgiac in a link, a spreadsheet cell or a Word file cannot run or break anything.

- Links: only http, https, mailto and tel URLs become ``href`` values (a stored ``javascript:`` URL is shown as text).
- Spreadsheet cells: a text that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with an
  apostrophe (OWASP's CSV-injection guidance) unless it is a plain number; numbers, dates and booleans stay typed.
- XML text (XLSX, DOCX): control characters XML 1.0 forbids are removed, so one ``\\x01`` in a title cannot break
  an export for everyone.
"""

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def safe_url(value) -> str:
    """``value`` when it is an http(s), mailto or tel URL (or a path on this site), else ""."""
    text = str(value or "").strip()
    if not text or _XML_ILLEGAL.search(text) or any(c.isspace() for c in text):
        return ""
    if text.startswith("/") and not text.startswith("//"):
        return text
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in SAFE_SCHEMES else ""


def xml_text(value: str) -> str:
    """``value`` without the control characters XML 1.0 cannot hold."""
    return _XML_ILLEGAL.sub("", value)


def spreadsheet_cell(value):
    """A value ready for a CSV/XLSX cell: text neutralised against formulas and stripped of XML-illegal
    characters; anything that is not text is returned as it is."""
    if not isinstance(value, str):
        return value
    value = xml_text(value)
    if value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value
