"""What the contract fuzzing found, each pinned by a quick test: answers that did not match the schema the API
publishes (``/api/schema/``), and the schema's own gaps."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from canhgiac.core.testing import api_client
from tests.api.openapi import Contract


@pytest.fixture
def contract(world):
    answer = api_client(world.user("officer")).get("/api/schema/?format=json")
    assert answer.status_code == 200
    return Contract(json.loads(answer.content))


def _operation(contract, name):
    return next(op for op in contract.operations() if op.name == name)


def test_every_operation_documents_its_refusals(contract):
    """A bad request (400), a refusal (403) and a record not found (404) are part of every operation's answers."""
    for operation in contract.operations():
        assert {"400", "403", "404"} <= set(operation.spec["responses"]), operation.name


def test_history_is_a_plain_list_whatever_the_list_filters(world, contract):
    """A record's history is its whole log: not paginated (as documented now) and not hidden by the list's
    filters — ``?kind=police`` on an authority's history answered 404."""
    agency = world.agency("STTTT")
    client = api_client(world.user("officer"))
    operation = _operation(contract, "GET /api/agencies/{id}/history/")
    assert {p["name"] for p in operation.parameters} == {"id"}
    for query in ("", "?kind=police", "?page=9"):
        answer = client.get(f"/api/agencies/{agency.pk}/history/{query}")
        assert answer.status_code == 200, query
        assert isinstance(answer.json(), list)
        contract.check(operation, answer)


def test_search_answer_is_one_object(world, contract):
    answer = api_client(world.user("officer")).get("/api/search/?q=cơ quan")
    assert answer.status_code == 200
    contract.check(_operation(contract, "GET /api/search/"), answer)


def test_wrong_followup_code_answers_a_documented_404(world, contract):
    answer = APIClient().post("/api/public/followup/", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"}, format="json")
    assert answer.status_code == 404 and "code" in answer.json()
    contract.check(_operation(contract, "POST /api/public/followup/"), answer)


def test_refused_reference_is_a_documented_403(world, contract):
    """A partner naming a record it may not use answers 403 on that field, which the schema now allows."""
    client = api_client(world.user("police_liaison"))
    answer = client.post(
        "/api/documents/",
        {
            "notation": "12/CAT-ANM",
            "direction": "outgoing",
            "date": "2026-11-02",
            "issuing_agency": world.agency("STTTT").pk,
            "summary": "Văn bản thử",
        },
        format="json",
    )
    assert answer.status_code in (400, 403), answer.content
    contract.check(_operation(contract, "POST /api/documents/"), answer)


def test_schema_says_what_answers_may_hold(contract):
    schemas = contract.components
    # a content item outside any case, and one not yet reviewed
    item = schemas["ContentItem"]["properties"]
    assert item["case_code"].get("nullable") is True
    reviewed = contract.resolve(item["reviewed_label"])
    assert "" in json.dumps(reviewed) or any(
        "" in contract.resolve(sub).get("enum", []) for sub in reviewed.get("oneOf", [])
    )
    # a deadline set by hand has no legal rule
    assert schemas["Deadline"]["properties"]["rule"].get("nullable") is True
    # personal data is left out for roles that may not read it
    assert "citizen_name" not in schemas["Reception"].get("required", [])
    assert "citizen_name" in schemas["ReceptionRequest"]["required"]


def test_triage_operations_as_they_answer(contract):
    names = {op.name for op in contract.operations()}
    # items come from detection: the plain POST is refused, so it is no operation of the API
    assert "POST /api/content/items/" not in names and "POST /api/webwatch/findings/" not in names
    for name in ("POST /api/content/items/{id}/escalate/", "POST /api/webwatch/findings/escalate-many/"):
        assert "201" in _operation(contract, name).spec["responses"], name
    entries = _operation(contract, "GET /api/secops/incidents/{id}/entries/")
    assert {p["name"] for p in entries.parameters} == {"id"}
    assert entries.spec["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array"
    assert "201" in _operation(contract, "POST /api/secops/incidents/{id}/entries/").spec["responses"]


def test_figures_answer_is_one_object(world, contract):
    answer = api_client(world.user("inspector")).get("/api/figures/?from=2026-01-01&to=2026-06-30")
    assert answer.status_code == 200 and answer.json()["from"] == "2026-01-01"
    contract.check(_operation(contract, "GET /api/figures/"), answer)


@pytest.mark.parametrize("body", [{"text": "Chúc mừng bạn trúng thưởng"}, {"texts": ["Chào bạn", "Vay tiền nhanh"]}])
def test_classify_answers_as_documented_for_one_text_and_a_batch(world, contract, body):
    answer = api_client(world.user("officer")).post("/api/content/classify/", body, format="json")
    assert answer.status_code == 200
    contract.check(_operation(contract, "POST /api/content/classify/"), answer)


def test_an_api_address_nothing_answers_is_a_json_404(world, client):
    from canhgiac.core.testing import api_client

    answer = api_client(world.user("inspector")).get("/api/agencies/3.24e-213/")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": "Không tìm thấy địa chỉ này trong API."}
    page = client.get("/khong-co-trang-nay/")  # elsewhere the HTML page stays
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_a_merged_duplicate_submission_answers_200_as_documented():
    import json

    from drf_spectacular.generators import SchemaGenerator

    schema = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))
    answers = schema["paths"]["/api/public/reports/"]["post"]["responses"]
    assert {"200", "201"} <= set(answers)  # 201: a new report; 200: the same text again within minutes, merged
