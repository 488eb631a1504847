"""Vietnamese wording for the English messages libraries raise on bad input (idna, openpyxl, csv, zipfile).

Pure Python (no Django): ``cases.normalize`` and the import readers both use it.
"""

import re
import unicodedata

_CODEPOINT = re.compile(r"Codepoint (U\+[0-9A-Fa-f]{4,6}) (?:at position (\d+) )?(?:of '(.*)' )?not allowed")
_FIXED = {
    "label too long": "một phần của tên miền dài quá 63 ký tự",
    "domain too long": "tên miền dài quá 253 ký tự",
    "empty label": "tên miền có phần trống (hai dấu chấm liền nhau hoặc dấu chấm ở đầu)",
    "empty domain": "tên miền trống",
    "invalid ipv6 url": "địa chỉ IPv6 trong đường dẫn không hợp lệ",
    "file is not a zip file": "không phải tệp XLSX thật (không phải tệp nén ZIP)",
    "field larger than field limit": "một ô dữ liệu quá lớn",
    "line contains nul": "dòng chứa byte NUL (dữ liệu nhị phân)",
    "unexpected end of data": "dữ liệu bị cắt cụt",
    "port out of range": "cổng ngoài khoảng 0–65535",
    "port could not be cast": "cổng không phải số",
    "too long to be a phone number": "quá dài để là số điện thoại",
    "too short": "quá ngắn để là số điện thoại",
    "did not seem to be a phone number": "không giống số điện thoại",
    "invalid country calling code": "mã quốc gia không hợp lệ",
}


def _char_name(code: str) -> str:
    char = chr(int(code[2:], 16))
    if char == " ":
        return "dấu cách"
    if unicodedata.category(char).startswith("C"):
        return "ký tự điều khiển"
    return f"“{char}”"


def explain(exc: BaseException | str) -> str:
    """A Vietnamese sentence for ``exc`` (never the library's English text, which users cannot act on)."""
    text = str(exc)
    match = _CODEPOINT.search(text)
    if match:
        code, position, part = match.groups()
        where = f" ở vị trí {int(position) + 1}" if position else ""
        of = f" của “{part}”" if part and part.isprintable() else ""
        return f"chứa ký tự không được phép: {_char_name(code)} ({code.upper()}){where}{of}"
    lowered = text.lower()
    for fragment, message in _FIXED.items():
        if fragment in lowered:
            return message
    name = type(exc).__name__ if isinstance(exc, BaseException) else ""
    if name == "IllegalCharacterError":
        return "chứa ký tự điều khiển không được phép trong bảng tính"
    if name in ("UnicodeDecodeError", "UnicodeError"):
        return "chứa byte không đọc được theo UTF-8 (sai bảng mã?)"
    return "dữ liệu không hợp lệ" + (f" (lỗi {name})" if name else "")
