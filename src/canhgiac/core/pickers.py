"""Type-ahead pickers: a select that lists only what is chosen, and finds the rest as the user types.

``PickerSelect("documents")`` / ``PickerSelectMultiple("agencies")`` replace a form's <select> of every letter or
agency (thousands of rows, each rendered) with the chosen ones only plus a search box; ``app.js`` asks
``/search/suggest/?kind=…&q=…`` — the same search as the lists (``core.globalsearch``), over the rows the user may
see — and adds the picked row to the select. The form still validates against its own queryset.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse

from canhgiac.core.globalsearch import MAX_QUERY, sections
from canhgiac.core.models import User
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.search import search_q

SUGGESTIONS = 10


class _Picker:
    def __init__(self, kind: str, attrs=None):
        super().__init__(attrs)  # type: ignore[call-arg]
        self.kind = kind

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)  # type: ignore[misc]
        context["widget"]["attrs"]["data-picker"] = f"{reverse('core:suggest')}?kind={self.kind}"
        return context

    def optgroups(self, name, value, attrs=None):
        """Only the chosen rows (and the empty choice): never the whole table."""
        chosen = {str(v) for v in value if v not in (None, "")}
        queryset = getattr(self.choices, "queryset", None)
        options = []
        if not self.allow_multiple_selected:  # type: ignore[attr-defined]
            options.append(self.create_option(name, "", "---------", not chosen, 0))  # type: ignore[attr-defined]
        if queryset is not None and chosen:
            rows = queryset.filter(pk__in=[v for v in chosen if v.isdigit()])
            for index, row in enumerate(rows, start=1):
                options.append(self.create_option(name, row.pk, str(row), True, index))  # type: ignore[attr-defined]
        return [(None, options, 0)]


class PickerSelect(_Picker, forms.Select):
    pass


class PickerSelectMultiple(_Picker, forms.SelectMultiple):
    pass


def _users(user, text: str) -> list[dict]:
    queryset = User.objects.filter(is_active=True)
    if not has_global_scope(user):
        queryset = queryset.filter(agency_id=user.agency_id)
    query = search_q(User, ("username", "first_name", "last_name"), text)
    rows = queryset.filter(query if query is not None else Q()).order_by("username")[:SUGGESTIONS]
    return [{"id": row.pk, "label": f"{row} ({row.username})"} for row in rows]


@login_required
def suggest(request):
    """``{"results": [{"id", "label"}]}``: up to ten rows of ``kind`` matching ``q``, as the list would find them."""
    kind, text = request.GET.get("kind", ""), request.GET.get("q", "").strip()[:MAX_QUERY]
    if not text:
        return JsonResponse({"results": []})
    if kind == "users":
        return JsonResponse({"results": _users(request.user, text)})
    section = next((s for s in sections() if s.key == kind), None)
    if section is None:
        return JsonResponse({"detail": f"Không có loại “{kind}” để gợi ý."}, status=400)
    rows, _more = section.find(request.user, text, SUGGESTIONS)
    return JsonResponse({"results": [{"id": row.pk, "label": str(row)} for row in rows]})
