"""Report figures from the letters registers (see ``core.figures``): letters in and out, by type and by agency
(the agency scope is the issuing agency for outgoing letters, the registering agency's letters in)."""

from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices
from canhgiac.core.figures import Figure

# The types a report counts ("01 Kế hoạch và 03 Quyết định"); the rest are in the totals.
COUNTED_TYPES = ("cv", "qd", "kh", "bc", "tb", "yc")


def _letters(direction: str) -> dict:
    return {
        "model": "core.Document",
        "date_field": "date",
        "agency_field": "issuing_agency",
        "url": "core:document_list",
        "date_params": ("date_after", "date_before"),
        "agency_param": "issuing_agency",
        "group": "Văn bản",
        "unit_label": "văn bản",
        "filters": {"direction": direction},
        "url_params": {"direction": direction},
    }


def _by_type(direction: str, noun: str) -> list[Figure]:
    labels = dict(DocumentTypeChoices.choices)
    figures = []
    for doc_type in COUNTED_TYPES:
        spec = _letters(direction)
        spec["filters"] = {**spec["filters"], "doc_type": doc_type}
        spec["url_params"] = {**spec["url_params"], "doc_type": doc_type}
        figures.append(Figure(f"letters.{direction}_{doc_type}", f"{noun} — {labels[doc_type]}", **spec))
    return figures


FIGURES = [
    Figure("letters.incoming", "Văn bản đến", **_letters(DocumentDirectionChoices.INCOMING)),
    Figure("letters.outgoing", "Văn bản đi (ban hành)", **_letters(DocumentDirectionChoices.OUTGOING)),
    *_by_type(DocumentDirectionChoices.INCOMING, "Văn bản đến"),
    *_by_type(DocumentDirectionChoices.OUTGOING, "Văn bản ban hành"),
]
