"""A person's data under the PDP Law: found however the number is written, exported with who read it, erased from
finished records only (with the reason in the change log), erased when the retention period has passed; the
command refuses roles and inputs it must refuse."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from canhgiac.cases.models import Case
from canhgiac.cases.services import transition_case
from canhgiac.core.kit import PermissionDenied, ServiceError
from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.personal import apply_retention, erase_person, export_person, find_person
from tests.cases.helpers import make_case


@pytest.fixture
def cases(world):
    done = make_case(world, reporter_name="Nguyễn Văn An", reporter_phone="0912 345 678", title="Đã xong")
    for step in ("handling", "closed"):
        transition_case(done, step, actor=world.user("officer"), reason="Xong")
    open_case = make_case(world, reporter_name="Nguyễn Văn An", reporter_phone="+84912345678", title="Đang xử lý")
    other = make_case(world, reporter_name="Trần Thị Bình", reporter_phone="0987654321", title="Người khác")
    return done, open_case, other


@pytest.mark.parametrize("written", ["0912345678", "+84 912 345 678", "84912345678", "0912.345.678"])
def test_a_number_is_found_however_it_is_written(cases, written):
    done, open_case, _ = cases
    assert {c.pk for c in find_person(written)} == {done.pk, open_case.pk}


def test_export_lists_records_and_reads_and_is_logged(cases, world):
    done, open_case, _ = cases
    data = export_person(world.user("inspector"), "Nguyễn Văn An")
    assert {r["id"] for r in data["records"]} == {done.pk, open_case.pk}
    assert data["records"][0]["fields"]["họ tên người phản ánh"] == "Nguyễn Văn An"
    assert PersonalDataAccess.objects.filter(channel="export", user=world.user("inspector")).count() == 2
    assert any(r["channel"] == "export" for r in export_person(world.user("leader"), "Nguyễn Văn An")["reads"])


@pytest.mark.parametrize("role", ["officer", "viewer", "police_liaison", "carrier_operator", "district_officer"])
def test_other_roles_may_not_export_or_erase(cases, world, role):
    with pytest.raises(PermissionDenied):
        export_person(world.user(role), "Nguyễn Văn An")
    with pytest.raises(PermissionDenied):
        erase_person(world.user(role), "Nguyễn Văn An", reason="thử")


def test_erasure_keeps_open_matters_and_logs_the_reason(cases, world):
    done, open_case, other = cases
    inspector = world.user("inspector")
    with pytest.raises(PermissionDenied):
        erase_person(inspector, "0912345678", reason="yêu cầu")
    with pytest.raises(ServiceError, match="lý do"):
        erase_person(world.user("leader"), "0912345678", reason="  ")
    result = erase_person(world.user("leader"), "0912345678", reason="yêu cầu của chủ thể ngày 01/12/2026")
    assert result["erased"] == [f"cases.case#{done.pk}"]
    assert result["kept"][0]["record"] == f"cases.case#{open_case.pk}"
    done.refresh_from_db()
    open_case.refresh_from_db()
    other.refresh_from_db()
    assert (done.reporter_name, done.reporter_phone) == ("", "")
    assert open_case.reporter_name == "Nguyễn Văn An" and other.reporter_name == "Trần Thị Bình"
    latest = done.history.first()
    assert "yêu cầu của chủ thể" in latest.history_change_reason and latest.history_user == world.user("leader")
    assert PersonalDataAccess.objects.filter(channel="erasure", object_id=str(done.pk)).exists()


def test_retention_erases_only_finished_records_past_the_period(cases, world):
    done, open_case, other = cases
    old = timezone.now() - dt.timedelta(days=400)
    Case.objects.filter(pk__in=[done.pk, open_case.pk]).update(last_updated=old)
    planned = apply_retention(world.user("administrator"), days=365, dry_run=True)
    assert planned["erased"] == [f"cases.case#{done.pk}"]
    done.refresh_from_db()
    assert done.reporter_name == "Nguyễn Văn An"  # a dry run changes nothing
    apply_retention(world.user("administrator"), days=365)
    done.refresh_from_db()
    open_case.refresh_from_db()
    assert done.reporter_name == "" and open_case.reporter_name == "Nguyễn Văn An"


def test_command(cases, world, tmp_path, capsys):
    out = tmp_path / "an.json"
    call_command("personal", "export", "0912345678", user="inspector", out=out)
    assert len(json.loads(out.read_text(encoding="utf-8"))["records"]) == 2
    assert out.stat().st_mode & 0o777 == 0o600
    call_command("personal", "erase", "0912345678", user="leader", reason="yêu cầu")
    text = capsys.readouterr().out
    assert "Đã xoá dữ liệu cá nhân trong 1 hồ sơ" in text and "Giữ lại" in text
    with pytest.raises(CommandError, match="không được xuất"):
        call_command("personal", "export", "0912345678", user="viewer")
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("personal", "export", "0912345678", user="khong-co")
    with pytest.raises(CommandError, match="ít nhất 3 ký tự"):
        call_command("personal", "export", "09", user="inspector")
    with pytest.raises(CommandError, match="số ngày dương"):
        call_command("personal", "retention", user="administrator", days=0)
