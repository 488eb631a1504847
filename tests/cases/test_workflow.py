import pytest

from canhgiac.cases.models import Case, CaseEvent, Indicator
from canhgiac.cases.normalize import IndicatorError
from canhgiac.cases.services import TransitionError, add_indicator, transition_case
from canhgiac.core.services import PermissionDenied
from canhgiac.core.testing import api_client, login

from .helpers import make_case


def test_case_codes_are_sequential_per_year(world):
    first = make_case(world)
    second = make_case(world)
    assert first.code == "VV-2024-00001" and second.code == "VV-2024-00002"


def test_status_workflow_logged_with_actor_and_reason(world):
    case = make_case(world)
    inspector = world.user("inspector")
    transition_case(case, "verifying", actor=inspector, reason="Đề nghị Công an xác minh chủ thuê bao")
    transition_case(case, "transferred", actor=inspector, reason="Chuyển Công an tỉnh theo Công văn 386/CAT-ANM")
    case.refresh_from_db()
    assert case.status == "transferred"
    events = list(CaseEvent.objects.filter(case=case).values_list("from_status", "to_status", "actor__username"))
    assert events == [("received", "verifying", "inspector"), ("verifying", "transferred", "inspector")]
    record = case.history.first()
    assert record.history_user == inspector and "386/CAT-ANM" in record.history_change_reason


def test_forbidden_transition_and_missing_reason_change_nothing(world):
    case = make_case(world)
    with pytest.raises(TransitionError, match="Không thể chuyển"):
        transition_case(case, "sanctioned", actor=world.user("inspector"), reason="x")
    with pytest.raises(TransitionError, match="lý do"):
        transition_case(case, "verifying", actor=world.user("inspector"), reason="  ")
    case.refresh_from_db()
    assert case.status == "received" and not CaseEvent.objects.exists()


def test_closed_case_cannot_reopen_through_api(world):
    case = make_case(world)
    client = api_client(world.user("inspector"))
    assert (
        client.post(f"/api/cases/{case.pk}/transition/", {"to_status": "dismissed", "reason": "Trùng"}).status_code
        == 201
    )
    response = client.post(f"/api/cases/{case.pk}/transition/", {"to_status": "handling", "reason": "Mở lại"})
    assert response.status_code == 400 and "Không thể chuyển" in response.json()["detail"]


def test_viewer_cannot_transition(world):
    case = make_case(world)
    with pytest.raises(PermissionDenied):
        transition_case(case, "verifying", actor=world.user("viewer"), reason="x")


def test_one_indicator_row_per_normalised_value_and_its_page_lists_every_case(world, client):
    first = make_case(world, title="Vụ thứ nhất", indicators=[("phone", "0912 345 678")])
    second = make_case(world, title="Vụ thứ hai", indicators=[("phone", "+84912345678")])
    make_case(world, title="Vụ khác", indicators=[("phone", "0987654321")])
    indicator = Indicator.objects.get(kind="phone", value="+84912345678")
    assert Indicator.objects.filter(kind="phone").count() == 2
    login(client, world.user("officer"))
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert first.code in page and second.code in page and "Vụ khác" not in page
    assert "Xuất hiện trong 2 vụ việc" in page


def test_bad_indicator_rejects_whole_case(world):
    with pytest.raises(IndicatorError):
        make_case(world, indicators=[("phone", "0912345678"), ("imei", "123")])
    assert not Case.objects.exists() and not Indicator.objects.exists()


def test_api_bad_indicator_is_400_and_nothing_stored(world):
    client = api_client(world.user("officer"))
    response = client.post(
        "/api/cases/",
        {
            "title": "x",
            "category": "fraud",
            "source": "citizen",
            "received_on": "2024-01-02",
            "lead_agency": world.agency("STTTT").pk,
            "indicators_input": [{"kind": "imei", "value": "490154203237519"}],
        },
        format="json",
    )
    assert response.status_code == 400 and "Luhn" in response.json()["detail"]
    assert not Case.objects.exists()


def test_add_indicator_is_logged_on_case(world):
    case = make_case(world)
    add_indicator(case, "domain", "New88.com", actor=world.user("inspector"))
    assert case.indicators.get().value == "new88.com"
    assert "new88.com" in case.history.first().history_change_reason


def test_ui_case_form_shows_line_error_for_bad_indicator(world, client):
    login(client, world.user("officer"))
    response = client.post(
        "/cases/add/",
        {
            "title": "Vụ có dấu hiệu sai",
            "category": "fraud",
            "source": "citizen",
            "received_on": "2024-05-01",
            "lead_agency": world.agency("STTTT").pk,
            "indicators_text": "phone: 0912345678\nimei: 1234",
        },
    )
    assert response.status_code == 200
    assert "Dòng 2" in response.content.decode() and "15 chữ số" in response.content.decode()
    assert not Case.objects.exists()


def test_dashboard_counts_by_category_and_status(world, client):
    make_case(world, category="gambling")
    make_case(world, category="gambling")
    make_case(world, category="fraud")
    login(client, world.user("leader"))
    page = client.get("/").content.decode()
    assert 'id="total-cases">3<' in page
    assert "Cờ bạc, cá độ" in page


def test_linked_letters_and_agencies_changes_are_in_history(world):
    from canhgiac.core.services import register_document

    case = make_case(world)
    letter = register_document(
        actor=world.user("officer"),
        notation="386/CAT-ANM",
        direction="in",
        date="2023-02-17",
        issuing_agency=world.agency("CAT-ANM"),
        summary="Đề nghị khoá thuê bao",
    )
    client = api_client(world.user("inspector"))
    response = client.patch(
        f"/api/cases/{case.pk}/",
        {"letters": [letter.pk], "addressed_agencies": [world.agency("VIETTEL").pk]},
        format="json",
    )
    assert response.status_code == 200, response.content
    history = client.get(f"/api/cases/{case.pk}/history/").json()
    changes = {c["field"]: c for entry in history for c in entry["changes"]}
    assert "386/CAT-ANM" in changes["letters"]["new"] and changes["letters"]["old"] == ""
    assert changes["addressed_agencies"]["new"] == "Cơ quan VIETTEL"
    assert all(entry["user"] == "inspector" for entry in history[:2])
