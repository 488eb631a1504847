import datetime as dt

import pytest

from canhgiac.cases.choices import CASE_WORKFLOW, CaseStatusChoices
from canhgiac.cases.models import CaseEvent
from canhgiac.cases.services import TransitionError, transition_case, update_case
from canhgiac.core.models import Event, Notification
from canhgiac.core.services import PermissionDenied, register_document
from canhgiac.core.testing import api_client, login
from canhgiac.core.transitions import Workflow, step
from canhgiac.core.workflow import transition

from .helpers import make_case


def _letter(world, notation="12/QĐ-XPHC", issuer="STTTT", receivers=()):
    return register_document(
        actor=world.user("inspector"),
        notation=notation,
        direction="out",
        date=dt.date(2024, 6, 1),
        issuing_agency=world.agency(issuer),
        receiving_agencies=[world.agency(code) for code in receivers],
        summary="Quyết định xử phạt vi phạm hành chính",
    )


def _handling_case(world):
    case = make_case(world)
    transition_case(case, "handling", actor=world.user("inspector"), reason="Đủ căn cứ xử lý")
    return case


def test_declaration_lists_each_status_and_who_may_move_it():
    labels = dict(CaseStatusChoices.choices)
    rows = CASE_WORKFLOW.as_rows(labels)
    sanction = next(r for r in rows if r["to"] == "Đã xử phạt")
    assert sanction["letter_required"] and sanction["roles"] == ["administrator", "inspector", "leader"]
    assert CASE_WORKFLOW.targets("closed") == [] and CASE_WORKFLOW.targets("dismissed") == []
    assert set(CASE_WORKFLOW.targets("received")) == {"verifying", "handling", "dismissed"}


def test_sanction_needs_a_role_that_signs_it_and_a_letter_the_actor_can_open(world):
    case = _handling_case(world)
    with pytest.raises(PermissionDenied, match="không được chuyển vụ việc sang “Đã xử phạt”"):
        transition_case(case, "sanctioned", actor=world.user("officer"), reason="Đã ra quyết định")
    with pytest.raises(TransitionError, match="Cần chọn văn bản"):
        transition_case(case, "sanctioned", actor=world.user("inspector"), reason="Đã ra quyết định")
    case.refresh_from_db()
    assert case.status == "handling" and CaseEvent.objects.filter(case=case).count() == 1
    letter = _letter(world)
    event = transition_case(case, "sanctioned", actor=world.user("inspector"), reason="Đã xử phạt", letter=letter)
    assert event.letter == letter and event.case.status == "sanctioned"


def test_a_letter_the_actor_cannot_open_is_refused_on_any_step(world):
    case = make_case(world, commune="UBND-CL")
    hidden = _letter(world, "7/CAT-ANM", issuer="CAT-ANM")
    with pytest.raises(PermissionDenied, match="văn bản"):
        transition_case(case, "verifying", actor=world.user("district_officer"), reason="x", letter=hidden)
    case.refresh_from_db()
    assert case.status == "received" and not CaseEvent.objects.exists()


def test_transition_form_offers_only_the_steps_of_the_users_role(world, client):
    case = _handling_case(world)
    login(client, world.user("officer"))
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'value="closed"' in page and 'value="sanctioned"' not in page
    login(client, world.user("inspector"))
    assert 'value="sanctioned"' in client.get(case.get_absolute_url()).content.decode()


def test_web_form_and_api_carry_the_letter_and_the_timeline_shows_it(world, client):
    case = _handling_case(world)
    letter = _letter(world)
    update_case(case, actor=world.user("inspector"), letters=[letter])
    login(client, world.user("inspector"))
    response = client.post(
        f"/cases/{case.pk}/transition/",
        {"to_status": "sanctioned", "reason": "Đã ban hành quyết định", "letter": letter.pk},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "sanctioned"
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Đang xử lý → Đã xử phạt" in page and "Đã ban hành quyết định" in page and "12/QĐ-XPHC" in page
    api = api_client(world.user("inspector"))
    response = api.post(f"/api/cases/{case.pk}/transition/", {"to_status": "closed", "reason": "Đã chấp hành"})
    assert response.status_code == 201 and response.json()["to_status"] == "closed"


def test_timeline_hides_letters_the_reader_cannot_open(world, client):
    case = make_case(world, lead="STTTT", commune="UBND-CL")
    transition_case(case, "handling", actor=world.user("inspector"), reason="Xử lý")
    letter = _letter(world)  # no receivers: the commune cannot open it
    transition_case(case, "sanctioned", actor=world.user("inspector"), reason="Đã xử phạt", letter=letter)
    login(client, world.user("district_officer"))
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Đang xử lý → Đã xử phạt" in page and "12/QĐ-XPHC" not in page


def test_assignee_and_author_are_notified_of_a_status_change_but_not_the_actor(world):
    case = make_case(world, actor_role="officer")
    update_case(case, actor=world.user("officer"), assignee=world.user("inspector"))
    transition_case(case, "verifying", actor=world.user("inspector"), reason="Xác minh")
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["officer"]
    note = Notification.objects.get()
    assert note.verb == "status_changed" and note.url == case.get_absolute_url() and note.target == case


def test_a_model_without_its_own_event_table_gets_generic_events(world, client, monkeypatch):
    """Any model becomes a workflow by declaring one; its events go to core.Event and show on its timeline."""
    from canhgiac.core.workflow import timeline
    from canhgiac.webwatch.models import Site

    site = Site.objects.create(
        url="https://socongthuong.example.vn/", name="Cổng Sở", owner_agency=world.agency("STTTT")
    )
    workflow = Workflow(
        noun="trang web", status_field="last_status", steps=(step("new", "clean", reason_required=False),)
    )
    monkeypatch.setattr(Site, "workflow", workflow, raising=False)
    with pytest.raises(TransitionError, match="Không thể chuyển trang web từ “Chưa quét” sang “Lỗi khi quét”"):
        transition(site, "error", actor=world.user("inspector"))
    event = transition(site, "clean", actor=world.user("inspector"))
    site.refresh_from_db()
    assert site.last_status == "clean" and isinstance(event, Event) and event.target == site
    assert site.history.first().history_user == world.user("inspector")
    assert [e["text"] for e in timeline(site, world.user("viewer"))] == ["Chưa quét → Bình thường"]


def test_closing_a_case_stops_watching_its_open_deadlines(world):
    from canhgiac.core.deadlines import attach_deadline, close_deadline, remind_deadlines

    case = make_case(world)
    inspector = world.user("inspector")
    done = attach_deadline(
        case, actor=inspector, label="Xác minh", start=dt.date(2026, 1, 5), due_date=dt.date(2026, 1, 9)
    )
    close_deadline(done, actor=inspector)
    late = attach_deadline(
        case, actor=inspector, label="Báo cáo", start=dt.date(2026, 1, 5), due_date=dt.date(2026, 1, 20)
    )
    transition_case(case, "dismissed", actor=inspector, reason="Không có dấu hiệu vi phạm")
    late.refresh_from_db()
    done.refresh_from_db()
    assert (late.status, done.status) == ("cancelled", "met")
    assert late.history.first().history_change_reason == "Vụ việc chuyển sang “Không xử lý”"
    assert remind_deadlines(dt.date(2026, 2, 1)) == {"soon": 0, "overdue": 0}
