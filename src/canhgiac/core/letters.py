"""Parse the official notation of a Vietnamese document number: "386/CAT-ANM", "15/2020/NĐ-CP", "/BC-STTTT".

Decree 30/2020/NĐ-CP writes a number as ``<số>/<năm>/<ký hiệu>`` (year only for legal documents) and the
symbol as segments joined by hyphens, the first often naming the document type (QĐ, KH, BC, TB…). A draft
has no number yet: "/BC-STTTT".

Conventions applied here: spaces around "/" and "-" are dropped ("386 / CAT - ANM" → "386/CAT-ANM"), a space inside
a part is an error; numbers and years are ASCII digits 0–9 only; the symbol is written in capitals, so a segment
typed in lower case is upper-cased ("cat-anm" → "CAT-ANM") — except an established mixed-case abbreviation that
starts with two capitals ("TTra", "TTr"), kept as written.
"""

import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.conf import settings

from canhgiac.core.choices import DocumentTypeChoices

TYPE_ABBREVIATIONS: dict[str, DocumentTypeChoices] = {
    "QĐ": DocumentTypeChoices.DECISION,
    "BC": DocumentTypeChoices.REPORT,
    "KH": DocumentTypeChoices.PLAN,
    "TB": DocumentTypeChoices.NOTICE,
    "YC": DocumentTypeChoices.REQUEST,
    "CT": DocumentTypeChoices.DIRECTIVE,
    "NĐ": DocumentTypeChoices.DECREE,
    "TT": DocumentTypeChoices.CIRCULAR,
    "BB": DocumentTypeChoices.MINUTES,
}
# Latin letters as Vietnamese writes them (precomposed, after NFC); no look-alikes from other scripts.
_LETTER = "A-Za-zÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ"
_SEGMENT = re.compile(rf"^[{_LETTER}][{_LETTER}0-9.]*$")
_PREFIX = re.compile(r"^\s*(?:số|so)\s*:?\s*", re.IGNORECASE)
_AROUND_SEPARATOR = re.compile(r"\s*([/-])\s*")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class LetterNumberError(ValueError):
    """The text is not a document number in the official notation."""


class LetterFileError(ValueError):
    """The uploaded file cannot be attached to a letter."""


# What a letter's file is: a scan or the signed PDF, or the Word/OpenDocument draft. Sniffed from the bytes.
LETTER_FILE_TYPES = {
    "application/pdf": "PDF",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.oasis.opendocument.text": "OpenDocument",
    "application/rtf": "RTF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
}


@dataclass(frozen=True)
class LetterNumber:
    number: int | None
    year: int | None
    symbol: str

    @property
    def is_draft(self) -> bool:
        return self.number is None

    @property
    def inferred_type(self) -> DocumentTypeChoices:
        """The document type the symbol's first segment names, else an official letter (Công văn)."""
        return TYPE_ABBREVIATIONS.get(self.symbol.split("-")[0].upper(), DocumentTypeChoices.OFFICIAL_LETTER)

    def __str__(self) -> str:
        number = "" if self.number is None else f"{self.number:02d}"
        year = f"/{self.year}" if self.year else ""
        return f"{number}{year}/{self.symbol}"


def parse_letter_number(text: str) -> LetterNumber:
    """Parse "Số 386/CAT-ANM" → LetterNumber(386, None, "CAT-ANM"); raise LetterNumberError with the reason."""
    if text is None or not str(text).strip():
        raise LetterNumberError("Số, ký hiệu văn bản đang để trống.")
    raw = _AROUND_SEPARATOR.sub(r"\1", _PREFIX.sub("", unicodedata.normalize("NFC", str(text)).strip()))
    if "/" not in raw:
        raise LetterNumberError(
            f"“{text}” thiếu dấu “/” giữa số và ký hiệu (ví dụ đúng: 386/CAT-ANM, hoặc /BC-SKHCN nếu là dự thảo)."
        )
    parts = raw.split("/")
    if len(parts) > 3:
        raise LetterNumberError(f"“{text}” có quá nhiều dấu “/”: chỉ gồm số, năm (nếu có) và ký hiệu.")
    number_text, symbol = parts[0], parts[-1]
    year = None
    if len(parts) == 3:
        if not (_ASCII_DIGITS.fullmatch(parts[1]) and len(parts[1]) == 4 and 1945 <= int(parts[1]) <= 2100):
            raise LetterNumberError(f"“{text}”: năm ban hành “{parts[1]}” không hợp lệ (cần 4 chữ số, ví dụ 2020).")
        year = int(parts[1])
    number = None
    if number_text:
        if not _ASCII_DIGITS.fullmatch(number_text):
            raise LetterNumberError(f"“{text}”: số văn bản “{number_text}” phải là chữ số, chỉ gồm chữ số 0–9.")
        number = int(number_text)
        if number == 0:
            raise LetterNumberError(f"“{text}”: số văn bản phải lớn hơn 0.")
    if not symbol:
        raise LetterNumberError(f"“{text}” thiếu ký hiệu sau dấu “/” (ví dụ CAT-ANM).")
    if re.search(r"\s", symbol):
        raise LetterNumberError(
            f"“{text}”: ký hiệu “{symbol}” có dấu cách — các phần của ký hiệu nối bằng dấu “-” (ví dụ CAT-ANM)."
        )
    segments = symbol.split("-")
    for segment in segments:
        if not _SEGMENT.match(segment):
            raise LetterNumberError(
                f"“{text}”: ký hiệu “{symbol}” có phần “{segment}” không hợp lệ "
                "(chỉ gồm chữ, số, dấu chấm, nối bằng dấu “-”)."
            )
    symbol = "-".join(_in_capitals(segment) for segment in segments)
    return LetterNumber(number=number, year=year, symbol=symbol)


def _in_capitals(segment: str) -> str:
    """ "anm", "Cat" → "ANM", "CAT"; an abbreviation that starts with two capitals ("TTra") stays as written."""
    return segment if segment[:2].isupper() and not segment.isupper() else segment.upper()


def check_letter_file(uploaded) -> str:
    """Refuse an empty file, one over the upload limit, or one whose bytes are not a PDF, Word document or scan;
    return the sniffed MIME type. The name the sender gives the file is not trusted."""
    limit = getattr(settings, "DOCUMENT_MAX_BYTES", settings.EVIDENCE_MAX_BYTES)
    if uploaded.size is not None and uploaded.size > limit:
        raise LetterFileError(f"Tệp “{uploaded.name}” vượt quá dung lượng cho phép ({limit // (1024 * 1024)} MB).")
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    if not head:
        raise LetterFileError(f"Tệp “{uploaded.name}” rỗng.")
    kind = filetype.guess(head)
    if kind is None or kind.mime not in LETTER_FILE_TYPES:
        accepted = ", ".join(dict.fromkeys(LETTER_FILE_TYPES.values()))
        raise LetterFileError(
            f"Tệp “{uploaded.name}” không được nhận làm tệp văn bản: chỉ nhận {accepted} (kiểm tra theo nội dung tệp)."
        )
    return kind.mime
