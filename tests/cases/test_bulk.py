"""Bulk work on the case list: assign, change status with a reason, export the ticked cases — all or nothing,
through the same services (and rules) as one case at a time."""

import io

import openpyxl
import pytest

from canhgiac.cases.models import Case
from canhgiac.core.testing import api_client, login
from tests.cases.helpers import make_case

EXPECTED = {
    "administrator": 200,
    "leader": 200,
    "inspector": 200,
    "officer": 200,
    "police_liaison": 403,  # sees the cases (addressed to the police) but does not lead them
    "district_officer": 403,  # sees them (its district) but does not lead them
    "carrier_operator": 403,  # may not write records
    "viewer": 403,
}


@pytest.fixture
def two(world):
    return [
        make_case(world, title=f"Vụ {n}", addressed=("CAT-ANM",), district="UBND-CL", actor_role="administrator")
        for n in (1, 2)
    ]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_bulk_assign_through_the_api_as_every_role(world, two, role):
    inspector = world.user("inspector")
    body = {"ids": [c.pk for c in two], "action": "assign", "assignee": inspector.pk}
    response = api_client(world.user(role)).post("/api/cases/bulk/", body, format="json")
    assert response.status_code == EXPECTED[role], response.content
    assigned = set(Case.objects.filter(pk__in=body["ids"]).values_list("assignee_id", flat=True))
    assert assigned == ({inspector.pk} if EXPECTED[role] == 200 else {None})
    if EXPECTED[role] == 200:
        assert response.json() == {"changed": 2}
        assert all(c.history.first().history_user == world.user(role) for c in Case.objects.filter(pk__in=body["ids"]))


def test_a_district_bulk_changes_the_cases_it_leads(world):
    own = [make_case(world, title=f"Huyện {n}", lead="UBND-CL", district="UBND-CL") for n in (1, 2)]
    other = make_case(world, title="Tỉnh")
    client = api_client(world.user("district_officer"))
    body = {"ids": [c.pk for c in own], "action": "transition", "to_status": "verifying", "reason": "Xác minh"}
    assert client.post("/api/cases/bulk/", body, format="json").json() == {"changed": 2}
    body["ids"] = [own[0].pk, other.pk]
    response = client.post("/api/cases/bulk/", body, format="json")
    assert response.status_code == 400 and "không có quyền xem" in response.json()["detail"]


def test_a_batch_with_one_refused_case_changes_nothing(world, two):
    client = api_client(world.user("officer"))
    first = {"ids": [two[0].pk], "action": "transition", "to_status": "dismissed", "reason": "Không có căn cứ"}
    assert client.post("/api/cases/bulk/", first, format="json").status_code == 200
    body = {"ids": [c.pk for c in two], "action": "transition", "to_status": "verifying", "reason": "Xác minh"}
    response = client.post("/api/cases/bulk/", body, format="json")
    assert response.status_code == 400 and two[0].code in response.json()["detail"]
    assert Case.objects.get(pk=two[1].pk).status == "received"
    body["reason"] = " "
    assert "lý do" in client.post("/api/cases/bulk/", body, format="json").json()["detail"]


def test_the_list_ticks_and_acts_and_exports_the_selection(world, client, two):
    third = make_case(world, title="Vụ 3")
    login(client, world.user("viewer"))
    assert 'type="checkbox" name="ids"' not in client.get("/cases/").content.decode()
    login(client, world.user("officer"))
    page = client.get("/cases/").content.decode()
    assert page.count('type="checkbox" name="ids"') == 3 and 'id="bulk-form"' in page
    ids = [c.pk for c in two]
    data = {
        "ids": ids,
        "action": "transition",
        "to_status": "verifying",
        "reason": "Xác minh hàng loạt",
        "next": "/cases/",
    }
    response = client.post("/cases/bulk/", {**data, "next": "/cases/"}, follow=True)
    assert "Đã chuyển 2 vụ việc sang" in response.content.decode()
    assert set(Case.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"verifying"}
    response = client.post("/cases/bulk/", {"ids": ids, "action": "export"})
    assert response.status_code == 302
    exported = client.get(response["Location"])
    sheet = openpyxl.load_workbook(io.BytesIO(exported.getvalue())).active
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert codes == {c.code for c in two} and third.code not in codes
    response = client.post("/cases/bulk/", {"action": "assign", "next": "/cases/"}, follow=True)
    assert "Chưa chọn vụ việc nào" in response.content.decode()
