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


# An indicator on more cases than this is matched through a subquery; fewer are read first and matched by id.
IDS_INLINE = 2000


def cases_with_indicator_q(text: str) -> Q | None:
    """Cases that carry an indicator ``text`` stands for, or None when ``text`` is no indicator.

    The case ids are read first (an indexed look-up) and given as a list: ``text OR id IN (subquery)`` made
    PostgreSQL walk every case in list order testing the subquery (180 ms at 200,000 cases for two matches), while
    ``text OR id IN (1, 2)`` combines the trigram and primary-key indexes (0.5 ms)."""
    from canhgiac.cases.models import CaseIndicator

    values = indicator_values(text)
    if not values:
        return None
    links = CaseIndicator.objects.filter(indicator__value__in=values).values("case_id")
    ids = list(links.values_list("case_id", flat=True)[: IDS_INLINE + 1])
    return Q(pk__in=links) if len(ids) > IDS_INLINE else Q(pk__in=ids)


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
