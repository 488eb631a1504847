"""Review findings on the case pages: personal data on the edit form, scoped dropdowns, field errors."""

from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.services import register_document
from canhgiac.core.testing import login
from tests.cases.helpers import make_case


def _edit_data(case, **overrides):
    data = {
        "title": case.title,
        "category": case.category,
        "source": case.source,
        "received_on": case.received_on.isoformat(),
        "lead_agency": case.lead_agency_id,
        "locality": case.locality_id or "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _letter(world, notation, issuer):
    return register_document(
        actor=world.user("officer"),
        notation=notation,
        direction="in",
        date="2024-03-01",
        issuing_agency=world.agency(issuer),
        summary=f"Văn bản {notation}",
    )


def test_edit_form_hides_personal_data_from_roles_without_access(world, client):
    case = make_case(
        world, reporter_name="Nguyễn Văn A", reporter_phone="0987000111", lead="UBND-CL", commune="UBND-CL"
    )
    for role in ("officer", "district_officer"):
        login(client, world.user(role))
        page = client.get(f"/cases/{case.pk}/edit/").content.decode()
        assert "Nguyễn Văn A" not in page and "0987000111" not in page
        assert 'name="reporter_name"' not in page
        response = client.post(
            f"/cases/{case.pk}/edit/", _edit_data(case, title=f"Sửa bởi {role}", reporter_name="Kẻ khác")
        )
        assert response.status_code == 302, response.content.decode()
        case.refresh_from_db()
        assert case.title == f"Sửa bởi {role}"
        assert (case.reporter_name, case.reporter_phone) == ("Nguyễn Văn A", "0987000111")
    assert not PersonalDataAccess.objects.exists()


def test_edit_form_shows_personal_data_to_allowed_roles_and_logs_the_read(world, client):
    case = make_case(world, reporter_name="Nguyễn Văn A", reporter_phone="0912345678")
    login(client, world.user("inspector"))
    page = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert "Nguyễn Văn A" in page
    log = PersonalDataAccess.objects.get()
    assert log.user == world.user("inspector") and log.channel == "web"
    assert log.object_id == str(case.pk) and "reporter_phone" in log.fields
    response = client.post(f"/cases/{case.pk}/edit/", _edit_data(case, reporter_name="Trần Thị B"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.reporter_name == "Trần Thị B"


def test_case_form_offers_only_letters_and_assignees_in_scope(world, client):
    visible = _letter(world, "5/UBND-CL", "UBND-CL")
    hidden = _letter(world, "386/CAT-ANM", "CAT-ANM")
    case = make_case(world, lead="UBND-CL", commune="UBND-CL", letters=[visible, hidden])
    login(client, world.user("district_officer"))
    form = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert "5/UBND-CL" in form
    assert "386/CAT-ANM" not in form
    assignees = form.split('name="assignee"', 1)[1].split("</select>", 1)[0]
    assert f'value="{world.user("district_officer").pk}"' in assignees
    assert f'value="{world.user("police_liaison").pk}"' not in assignees

    chosen = client.post(f"/cases/{case.pk}/edit/", _edit_data(case, letters=[hidden.pk]))
    assert chosen.status_code == 200 and "letters" in chosen.context["form"].errors
    kept = client.post(f"/cases/{case.pk}/edit/", _edit_data(case, letters=[visible.pk]))
    assert kept.status_code == 302
    assert set(case.letters.all()) == {visible, hidden}  # links the user cannot see stay as they were

    page = client.get(case.get_absolute_url()).content.decode()
    assert f'href="{visible.get_absolute_url()}"' in page
    assert f'href="{hidden.get_absolute_url()}"' not in page and "386/CAT-ANM" not in page


def test_current_assignee_outside_scope_stays_assigned(world, client):
    case = make_case(world, lead="UBND-CL", commune="UBND-CL", assignee=world.user("police_liaison"))
    login(client, world.user("district_officer"))
    assert client.post(f"/cases/{case.pk}/edit/", _edit_data(case, assignee=case.assignee_id)).status_code == 302
    case.refresh_from_db()
    assert case.assignee == world.user("police_liaison")


def test_negative_damage_is_a_vietnamese_field_error(world, client):
    login(client, world.user("officer"))
    data = {
        "title": "Lừa đảo",
        "category": "fraud",
        "source": "citizen",
        "received_on": "2024-05-01",
        "lead_agency": world.agency("STTTT").pk,
        "damage_vnd": "-5",
    }
    response = client.post("/cases/add/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["damage_vnd"] == ["Thiệt hại không được âm."]
    assert not form.non_field_errors()
    assert "Constraint" not in response.content.decode()


def test_indicator_and_evidence_errors_are_shown_next_to_the_field(world, client):
    case = make_case(world)
    login(client, world.user("officer"))
    bad = client.post(f"/cases/{case.pk}/indicators/add/", {"kind": "phone", "value": "abc"})
    assert bad.status_code == 200
    page = bad.content.decode()
    form_html = page.split('id="indicator-form"', 1)[1].split("</form>", 1)[0]
    assert "errorlist" in form_html
    assert bad.context["indicator_form"].errors["value"]
    assert 'value="abc"' in form_html  # what the user typed is kept

    missing = client.post(f"/cases/{case.pk}/evidence/add/", {"description": "ảnh chụp"})
    assert missing.status_code == 200
    evidence_html = missing.content.decode().split('id="evidence-form"', 1)[1].split("</form>", 1)[0]
    assert "errorlist" in evidence_html and missing.context["evidence_form"].errors["file"]

    ok = client.post(
        f"/cases/{case.pk}/evidence/add/", {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 test"), "description": ""}
    )
    assert ok.status_code == 302


def test_negative_damage_through_the_api_is_a_vietnamese_field_error(world):
    from canhgiac.core.testing import api_client

    response = api_client(world.user("officer")).post(
        "/api/cases/",
        {"title": "Thử", "category": "fraud", "received_on": "2026-11-20", "damage_vnd": -5},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["damage_vnd"] == ["Giá trị phải lớn hơn hoặc bằng 0."]  # on the field, in Vietnamese
