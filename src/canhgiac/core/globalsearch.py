"""One search box over everything: each app declares its sections (``search`` in its AppConfig, a dotted path to
a list of :class:`SearchSection`); the core asks each the same question and never imports an app.

A section searches exactly as its list page's ``?q=`` does (its filterset's ``search``), over the rows the user may
see, and returns the first few rows in the list's order — no count of everything that matched (at a million rows the
count would cost more than the answer); "Xem tất cả" opens the list filtered by the same text.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import import_string

# Rows shown per section; one more is read to know whether the list has more.
PER_SECTION = 5
MAX_QUERY = 200


@dataclass(frozen=True)
class SearchSection:
    key: str  # "cases"
    label: str  # "Vụ việc"
    model: str  # "cases.Case"
    filterset: str  # dotted path of the list's filterset (its ``search`` is used)
    list_url_name: str  # "cases:case_list"
    subtitle: str = ""  # attribute shown under the row's name

    def find(self, user, text: str, limit: int = PER_SECTION) -> tuple[list, bool]:
        model: Any = apps.get_model(self.model)
        queryset = model.objects.visible_to(user)
        filterset = import_string(self.filterset)(queryset=queryset)
        rows = list(filterset.search(queryset, "q", text)[: limit + 1])
        return rows[:limit], len(rows) > limit

    def describe(self, obj) -> dict:
        subtitle = getattr(obj, f"get_{self.subtitle}_display", None) or getattr(obj, self.subtitle, "")
        subtitle = subtitle() if callable(subtitle) else subtitle
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return {"id": obj.pk, "title": str(obj), "subtitle": str(subtitle or ""), "url": url}


def sections() -> list[SearchSection]:
    from canhgiac.core.registry import capabilities

    return [section for config in capabilities() if config.search for section in import_string(config.search)]


def search_everything(user, text: str) -> list[dict]:
    """The sections with at least one row for ``text``: key, label, results, more (bool) and the full list's URL."""
    text = (text or "").strip()[:MAX_QUERY]
    if not text:
        return []
    answer = []
    for section in sections():
        rows, more = section.find(user, text)
        if rows:
            answer.append(
                {
                    "key": section.key,
                    "label": section.label,
                    "results": [section.describe(row) for row in rows],
                    "more": more,
                    "list_url": reverse(section.list_url_name),
                }
            )
    return answer


CORE_SECTIONS = [
    SearchSection(
        "documents",
        "Văn bản",
        "core.Document",
        "canhgiac.core.filtersets.DocumentFilterSet",
        "core:document_list",
        "summary",
    ),
    SearchSection(
        "agencies", "Cơ quan", "core.Agency", "canhgiac.core.filtersets.AgencyFilterSet", "core:agency_list", "kind"
    ),
]
