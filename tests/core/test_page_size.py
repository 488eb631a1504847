"""``?per_page=`` is capped on the list pages and in the API (a client cannot ask for a million rows at once)."""

import pytest
from django.conf import settings

from canhgiac.core.models import Agency
from canhgiac.core.testing import api_client, login


@pytest.fixture
def many_agencies(world):
    Agency.objects.bulk_create(
        Agency(code=f"CQ{i:04d}", name=f"Cơ quan {i}", kind="department") for i in range(settings.MAX_PER_PAGE + 5)
    )


def test_list_page_caps_per_page(many_agencies, world, client):
    login(client, world.user("administrator"))
    response = client.get("/agencies/", {"per_page": "1000000"})
    assert response.status_code == 200
    assert response.context["table"].paginator.per_page == settings.MAX_PER_PAGE
    assert len(response.context["table"].page.object_list) == settings.MAX_PER_PAGE
    for odd in ("0", "-5"):
        assert client.get("/agencies/", {"per_page": odd}).context["table"].paginator.per_page >= 1
    assert client.get("/agencies/", {"per_page": "20"}).context["table"].paginator.per_page == 20


def test_api_caps_per_page(many_agencies, world):
    client = api_client(world.user("administrator"))
    body = client.get("/api/agencies/", {"per_page": "1000000"}).json()
    assert len(body["results"]) == settings.MAX_PER_PAGE
    assert body["count"] > settings.MAX_PER_PAGE
    assert len(client.get("/api/agencies/", {"per_page": "7"}).json()["results"]) == 7
    assert len(client.get("/api/agencies/", {"per_page": "-1"}).json()["results"]) == 50
