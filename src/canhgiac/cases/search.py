"""Indicators in any written form: what a user types ("0912 345 678", "Nhacai.COM") turned into the stored values.

A search does not know the kind the user meant, so every normaliser that accepts the text gives a candidate:
"0912 345 678" is the phone "+84912345678" (and perhaps a bank account "0912345678"); each is looked up exactly.
"""

from django.db.models import Q

from canhgiac.cases.normalize import NORMALIZERS, IndicatorError
from canhgiac.core.globalsearch import SearchSection

# Text longer than this is no indicator a user would type into a search box (and would slow every normaliser).
MAX_INDICATOR_TEXT = 500


def indicator_values(text: str) -> set[str]:
    """Every stored form ``text`` may have as an indicator of any kind (empty when no normaliser accepts it)."""
    text = (text or "").strip()
    if not text or len(text) > MAX_INDICATOR_TEXT:
        return set()
    values = set()
    for normalizer in NORMALIZERS.values():
        try:
            values.add(normalizer(text).value)
        except (IndicatorError, ValueError):
            continue
    return values


def cases_with_indicator_q(text: str) -> Q | None:
    """Cases that carry an indicator ``text`` stands for, or None when ``text`` is no indicator."""
    from canhgiac.cases.models import CaseIndicator

    values = indicator_values(text)
    if not values:
        return None
    return Q(pk__in=CaseIndicator.objects.filter(indicator__value__in=values).values("case_id"))


SECTIONS = [
    SearchSection(
        "cases", "Vụ việc", "cases.Case", "canhgiac.cases.filtersets.CaseFilterSet", "cases:case_list", "status"
    ),
    SearchSection(
        "indicators",
        "Dấu hiệu",
        "cases.Indicator",
        "canhgiac.cases.filtersets.IndicatorFilterSet",
        "cases:indicator_list",
        "kind",
    ),
]
