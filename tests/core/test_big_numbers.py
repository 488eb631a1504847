"""Numbers beyond 64 bits in any filter answer 400 (API) or a form error (pages), never a server error."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from canhgiac.core.filtersets import FilterBackend
from canhgiac.core.testing import api_client, login
from canhgiac.core.views.generic import ObjectListView
from canhgiac.urls import router

HUGE = "99999999999999999999"
NUMERIC = ("ModelChoiceFilter", "ModelMultipleChoiceFilter", "NumberFilter")


def _numeric(filterset_class) -> list[str]:
    names = []
    for name, filter_ in filterset_class.base_filters.items():
        if any(base.__name__ in NUMERIC for base in type(filter_).__mro__):
            names.append(name)
    return names


def _api_filtersets():
    for prefix, viewset, _basename in router.registry:
        queryset = getattr(viewset, "queryset", None)
        if queryset is None or not hasattr(viewset, "list"):
            continue
        view = viewset()
        view.action = "list"
        filterset_class = FilterBackend().get_filterset_class(view, queryset)
        if filterset_class is not None:
            yield prefix, filterset_class


def _html_lists(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _html_lists(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            route = prefix + str(pattern.pattern)
            if view_class and issubclass(view_class, ObjectListView) and "<" not in route and "(?P" not in route:
                yield "/" + route.lstrip("^").rstrip("$"), view_class


def test_every_api_list_refuses_huge_ids_with_400(world):
    client = api_client(world.user("administrator"))
    checked = []
    for prefix, filterset_class in _api_filtersets():
        for name in _numeric(filterset_class):
            response = client.get(f"/api/{prefix}/", {name: HUGE})
            assert response.status_code == 400, (prefix, name, response.status_code, response.content[:300])
            assert "quá lớn" in str(response.json()), (prefix, name, response.json())
            checked.append(f"{prefix}?{name}")
    # The filters named in the report, among others.
    for expected in (
        "documents?receiving_agencies",
        "cases?letters",
        "cases?indicators",
        "evidence?case",
        "content/items?batch",
        "webwatch/runs?site",
    ):
        assert expected in checked
    assert len(checked) >= 20


def test_every_api_list_survives_huge_values_in_any_filter(world):
    client = api_client(world.user("administrator"))
    for prefix, filterset_class in _api_filtersets():
        for name in filterset_class.base_filters:
            for value in (HUGE, "-" + HUGE, "1e400"):
                response = client.get(f"/api/{prefix}/", {name: value})
                assert response.status_code < 500, (prefix, name, value, response.content[:300])


def test_every_html_list_shows_a_form_error_for_huge_ids(world, client):
    login(client, world.user("administrator"))
    lists = list(_html_lists())
    assert len(lists) >= 8
    for url, view_class in lists:
        filterset_class = view_class.filterset_class
        if filterset_class is None:
            continue
        for name in _numeric(filterset_class):
            response = client.get(url, {name: HUGE})
            assert response.status_code == 200, (url, name, response.status_code)
            assert "quá lớn" in response.content.decode(), (url, name)


@pytest.mark.parametrize("url", ["/api/cases/", "/api/documents/"])
def test_ordinary_ids_still_filter(world, url):
    client = api_client(world.user("administrator"))
    assert client.get(url, {"id": "1"}).status_code == 200


def test_huge_id_in_a_detail_address_is_not_found(world):
    client = api_client(world.user("administrator"))
    for prefix in ("cases", "documents", "agencies"):
        assert client.get(f"/api/{prefix}/{HUGE}/").status_code == 404


def test_huge_id_in_a_page_address_is_not_found(world, client):
    login(client, world.user("administrator"))
    for url in (f"/cases/{HUGE}/", f"/documents/{HUGE}/", f"/agencies/{HUGE}/history/"):
        assert client.get(url).status_code == 404, url
