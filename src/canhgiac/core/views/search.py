"""The global search page: ``/search/?q=`` over every section the apps declare (``core.globalsearch``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from canhgiac.core.globalsearch import MAX_QUERY, search_everything


@login_required
def global_search(request):
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    return render(request, "core/search.html", {"q": text, "sections": search_everything(request.user, text)})
