"""Review queues: a list of detected items (a ``TriageItem`` model) hands itself to the items it links to as
``?queue=<its path and filters>``; an action taken on one of them then leads on to the next item still waiting in
that list, as the user sees it (the list view's own scoping, filters and sort), or back to the list when none is left.
"""

import copy
from urllib.parse import urlencode, urlsplit

from django.http import QueryDict
from django.urls import Resolver404, resolve

from canhgiac.core.triage import TriageItem, TriageStatusChoices

MAX_QUEUE = 500  # rows of a queue looked through for the next one (one SQL ``IN``)
NONE_LEFT = "Không còn mục nào chờ xem xét."


def is_queued(model) -> bool:
    return isinstance(model, type) and issubclass(model, TriageItem)


def with_queue(url: str, queue: str) -> str:
    return f"{url}?{urlencode({'queue': queue})}" if queue else url


def local_queue(queue: str) -> str:
    """``queue`` when it is a path on this site, else ""."""
    parts = urlsplit(queue or "")
    return queue if parts.path.startswith("/") and not (parts.scheme or parts.netloc or "\\" in queue) else ""


def carry_queue(table, queue: str) -> None:
    """Make each row's link to its own record carry ``queue`` (links to other records stay as they are)."""
    for column in table.columns:
        if not column.link:
            continue
        link = copy.copy(column.link)
        compose = link.compose_url

        def compose_url(compose=compose, **kwargs):
            url = compose(**kwargs)
            return with_queue(url, queue) if url and url == kwargs["record"].get_absolute_url() else url

        link.compose_url = compose_url
        column.link = link


def queue_rows(request, queue: str, model):
    """The rows of the list page ``queue`` as ``request.user`` sees them, in the list's order; None when ``queue``
    is not a list of ``model`` on this site."""
    queue = local_queue(queue)
    if not queue or not is_queued(model):
        return None
    parts = urlsplit(queue)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not hasattr(view_class, "get_filterset"):
        return None
    view = view_class(**getattr(match.func, "view_initkwargs", {}))
    if view.model is not model:
        return None
    list_request = copy.copy(request)
    list_request.method, list_request.GET = "GET", QueryDict(parts.query)
    view.setup(list_request, *match.args, **match.kwargs)
    filterset = view.get_filterset(view.get_filterset_class())
    if filterset.is_bound and not filterset.is_valid() and view.get_strict():
        return model._default_manager.none()
    table = view.table_class(filterset.qs, **view.get_table_kwargs())
    sort = list_request.GET.get(table.prefixed_order_by_field)
    if sort:
        table.order_by = sort
    return table.data.data


def queue_pks(request, queue: str, obj) -> list[int] | None:
    """The list ``obj`` was opened from, as primary keys in its order (taken before acting on ``obj``)."""
    rows = queue_rows(request, queue, type(obj))
    return None if rows is None else list(rows.values_list("pk", flat=True)[:MAX_QUEUE])


def next_waiting(user, pks: list[int], current):
    """The first item after ``current`` in ``pks`` (then from the top) that still waits for a decision."""
    model = type(current)
    waiting = set(
        model._default_manager.visible_to(user)
        .filter(pk__in=pks, status=TriageStatusChoices.NEW)
        .exclude(pk=current.pk)
        .values_list("pk", flat=True)
    )
    at = pks.index(current.pk) + 1 if current.pk in pks else 0
    following = next((pk for pk in pks[at:] + pks[:at] if pk in waiting), None)
    return None if following is None else model._default_manager.get(pk=following)
