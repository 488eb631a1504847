"""``canhgiac registers``: any registered import kind from the command line, all or nothing by default."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from canhgiac.core.imports.kinds import all_kinds, get_kind
from canhgiac.core.imports.templates import headers
from canhgiac.core.models import ImportJob
from canhgiac.outreach.models import Activity
from tests.processes import child_env

HEADER = ["Loại hoạt động", "Ngày", "Tiêu đề, tên", "Cơ quan thực hiện", "Số lượng", "Số người tham dự"]


def _xlsx(path, rows, header=HEADER):
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("registers", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


GOOD = [
    ["Tờ rơi", "15/03/2024", "Phòng ngừa thủ đoạn tội phạm lừa đảo trên không gian mạng", "STTTT", "40.000", None],
    ["Cuộc tập huấn", "20/05/2024", "Tập huấn an toàn thông tin", "STTTT", 12, 360],
    ["Tin, bài", "17/02/2024", "Bắt 2 đối tượng phun sơn quảng cáo trang web đánh bạc", "BAO", None, None],
]  # fmt: skip


def test_imports_a_real_xlsx_through_the_service(world, tmp_path):
    path = _xlsx(tmp_path / "tuyen-truyen.xlsx", GOOD)
    out, err = _run("import", "outreach", "--file", str(path), "--user", "officer")
    assert "Đã nhập 3 hoạt động tuyên truyền" in out and not err
    leaflet = Activity.objects.get(kind="leaflet")
    assert leaflet.quantity == 40000 and leaflet.agency == world.agency("STTTT")
    assert leaflet.history.first().history_user == world.user("officer")
    assert Activity.objects.get(kind="article").title.startswith("Bắt 2 đối tượng")  # numbers in a headline kept
    assert Activity.objects.get(kind="training").participants == 360


def test_a_bad_row_stores_nothing_and_exits_non_zero_with_row_column_message(world, tmp_path):
    rows = [*GOOD, ["Tờ rơi", "01/04/2024", "Tờ rơi", "KHONG-CO", "-5", None]]
    path = _xlsx(tmp_path / "loi.xlsx", rows)
    with pytest.raises(CommandError, match="không dòng nào được lưu"):
        _run("import", "outreach", "--file", str(path), "--user", "officer")
    assert not Activity.objects.exists()
    job = ImportJob.objects.get()
    assert job.status == "failed"
    messages = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert messages[(5, "Số lượng")] == "Số lượng không được âm."
    assert messages[(5, "Cơ quan thực hiện")] == "Không có cơ quan có ký hiệu hoặc tên “KHONG-CO”."


def test_errors_are_printed_and_the_exit_code_is_not_zero_in_a_real_process(world, tmp_path, transactional_db):
    path = _xlsx(tmp_path / "loi.xlsx", [["Tờ rơi", "01/04/2024", "Tờ rơi", "STTTT", "-5", None]])
    command = [sys.executable, "-m", "canhgiac.cli", "registers", "import", "outreach", "--file", str(path)]
    done = subprocess.run([*command, "--user", "officer"], env=child_env(), capture_output=True, text=True)
    assert done.returncode != 0
    assert "Lỗi dòng 2, cột 'Số lượng': Số lượng không được âm." in done.stderr
    assert not Activity.objects.exists()


def test_skip_bad_rows_stores_the_good_ones(world, tmp_path):
    rows = [GOOD[0], ["Tờ rơi", "31/02/2024", "Ngày sai", "STTTT", 1, None]]
    path = _xlsx(tmp_path / "mot-loi.xlsx", rows)
    out, err = _run("import", "outreach", "--file", str(path), "--user", "officer", "--skip-bad-rows")
    assert "Đã nhập 1 hoạt động tuyên truyền" in out and "bỏ qua 1 dòng lỗi" in out
    assert "Lỗi dòng 3, cột 'Ngày'" in err
    assert Activity.objects.count() == 1


def test_unknown_kind_user_or_file_is_a_clear_error(world, tmp_path):
    with pytest.raises(CommandError, match="Không có loại dữ liệu nhập “khong-co”. Các loại dữ liệu nhập: .*outreach"):
        _run("import", "khong-co", "--file", str(tmp_path / "a.xlsx"), "--user", "officer")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        _run("import", "outreach", "--file", str(tmp_path / "khong-co.xlsx"), "--user", "officer")
    path = _xlsx(tmp_path / "a.xlsx", GOOD)
    with pytest.raises(CommandError, match="Không có người dùng “ai-do”"):
        _run("import", "outreach", "--file", str(path), "--user", "ai-do")
    with pytest.raises(CommandError, match="Vai trò của bạn không được phép"):
        _run("import", "outreach", "--file", str(path), "--user", "viewer")
    with pytest.raises(CommandError, match="--skip-bad-rows"):  # the content kind only skips bad rows
        _run("import", "content", "--file", str(path), "--user", "officer")
    assert not Activity.objects.exists()


def test_missing_column_refuses_the_file(world, tmp_path):
    path = _xlsx(tmp_path / "thieu-cot.xlsx", [["Tờ rơi", "Tờ rơi"]], header=["Loại hoạt động", "Tiêu đề, tên"])
    with pytest.raises(CommandError):
        _, err = _run("import", "outreach", "--file", str(path), "--user", "officer")
    assert ImportJob.objects.get().errors[0]["message"].startswith("Thiếu cột: Ngày")


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.name)
def test_kinds_lists_every_registered_kind_and_sample_writes_its_columns(world, tmp_path, kind):
    out, _ = _run("kinds")
    assert f"{kind.name} — {kind.label}" in out
    assert all(c.label in out for c in kind.columns)
    path = tmp_path / f"mau-{kind.name}.xlsx"
    _run("sample", kind.name, "--out", str(path))
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == headers(kind)
    assert sheet.max_row == 2 + len(kind.sample_rows)


def test_the_outreach_sample_imports_as_it_is(world, tmp_path):
    for suffix in ("xlsx", "csv"):
        path = tmp_path / f"mau.{suffix}"
        _run("sample", "outreach", "--out", str(path))
        out, _ = _run("import", "outreach", "--file", str(path), "--user", "officer")
        assert f"Đã nhập {1 + len(get_kind('outreach').sample_rows)} hoạt động" in out
    with pytest.raises(CommandError, match=".xlsx hoặc .csv"):
        _run("sample", "outreach", "--out", str(tmp_path / "mau.pdf"))
