"""Parse the official notation of a Vietnamese document number: "386/CAT-ANM", "15/2020/NĐ-CP", "/BC-STTTT".

Decree 30/2020/NĐ-CP writes a number as ``<số>/<năm>/<ký hiệu>`` (year only for legal documents) and the
symbol as segments joined by hyphens, the first often naming the document type (QĐ, KH, BC, TB…). A draft
has no number yet: "/BC-STTTT".
"""

import re
from dataclasses import dataclass

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
_SEGMENT = re.compile(r"^[A-Za-zĐđÀ-ỹ][A-Za-zĐđÀ-ỹ0-9.]*$")
_PREFIX = re.compile(r"^\s*(?:số|so)\s*:?\s*", re.IGNORECASE)


class LetterNumberError(ValueError):
    """The text is not a document number in the official notation."""


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
    raw = _PREFIX.sub("", str(text).strip()).replace(" ", "")
    if "/" not in raw:
        raise LetterNumberError(
            f"“{text}” thiếu dấu “/” giữa số và ký hiệu (ví dụ đúng: 386/CAT-ANM, hoặc /BC-STTTT nếu là dự thảo)."
        )
    parts = raw.split("/")
    if len(parts) > 3:
        raise LetterNumberError(f"“{text}” có quá nhiều dấu “/”: chỉ gồm số, năm (nếu có) và ký hiệu.")
    number_text, symbol = parts[0], parts[-1]
    year = None
    if len(parts) == 3:
        if not (parts[1].isdigit() and len(parts[1]) == 4 and 1945 <= int(parts[1]) <= 2100):
            raise LetterNumberError(f"“{text}”: năm ban hành “{parts[1]}” không hợp lệ (cần 4 chữ số, ví dụ 2020).")
        year = int(parts[1])
    number = None
    if number_text:
        if not number_text.isdigit():
            raise LetterNumberError(f"“{text}”: số văn bản “{number_text}” phải là chữ số.")
        number = int(number_text)
        if number == 0:
            raise LetterNumberError(f"“{text}”: số văn bản phải lớn hơn 0.")
    if not symbol:
        raise LetterNumberError(f"“{text}” thiếu ký hiệu sau dấu “/” (ví dụ CAT-ANM).")
    for segment in symbol.split("-"):
        if not _SEGMENT.match(segment):
            raise LetterNumberError(
                f"“{text}”: ký hiệu “{symbol}” có phần “{segment}” không hợp lệ "
                "(chỉ gồm chữ, số, dấu chấm, nối bằng dấu “-”)."
            )
    return LetterNumber(number=number, year=year, symbol=symbol)
