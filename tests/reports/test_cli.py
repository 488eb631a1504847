"""``canhgiac report figures|build`` from the command line."""

import datetime as dt
import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command

from canhgiac.core.figures import catalogue
from tests.reports.conftest import case
from tests.reports.test_build import paragraphs


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_figures_json_has_every_catalogue_figure(world):
    case(world, dt.date(2023, 2, 1), "fraud", 25_850_000)
    case(world, dt.date(2024, 2, 1), "fraud", 1)
    out, _ = run("figures", "--from", "2023-01-01", "--to", "2023-06-30", "--json")
    values = json.loads(out)
    assert list(values) == list(catalogue())
    assert values["cases.opened"] == 1 and values["cases.damage_total"] == 25_850_000
    assert values["sanctions.amount_total"] is None  # reported by partners, not counted from records
    one, _ = run("figures", "--from", "2023-01-01", "--to", "2023-06-30", "--agency", "VIETTEL", "--json")
    assert json.loads(one)["cases.opened"] == 0
    text, _ = run("figures", "--from", "2023-01-01", "--to", "2023-06-30")
    assert "cases.damage_total\tThiệt hại của các vụ việc tiếp nhận\t25.850.000 đồng" in text


@pytest.mark.parametrize(
    "args, message",
    [
        (("figures", "--from", "2023-13-01", "--to", "2023-06-30"), "Ngày “2023-13-01” không hợp lệ"),
        (("figures", "--from", "2023-07-01", "--to", "2023-06-30"), "ngày bắt đầu 01/07/2023 sau ngày kết thúc"),
        (("figures", "--from", "2023-01-01", "--to", "2023-06-30", "--agency", "KHONG"), "Không có cơ quan"),
        (("build", "--from", "2023-01-01", "--to", "2023-06-30", "--type", "khong", "--out", "x.docx"), "periodic"),
    ],
)
def test_bad_input_gets_a_clear_error(world, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not (tmp_path / "x.docx").exists()


def test_build_writes_the_consolidated_report(world, tmp_path):
    case(world, dt.date(2023, 2, 1), "fraud", 25_850_000)
    target = tmp_path / "bao-cao.docx"
    out, err = run("build", "--from", "2023-01-01", "--to", "2023-06-30", "--out", str(target), "--place", "Hưng Yên")
    assert "Đã ghi" in out and "(posture.endpoint_coverage) chưa có số liệu trong kỳ" in err  # named, not a crash
    text = paragraphs(target.read_bytes())
    assert docx.Document(str(target)).core_properties.author == "canhgiac"  # not python-docx's default
    assert "- Vụ việc tiếp nhận: 01 vụ (tăng 01 vụ so với cùng kỳ năm 2022)." in text
    assert "- Thiệt hại của các vụ việc tiếp nhận: 25.850.000 đồng." in text
    assert "CƠ QUAN STTTT" in text and "Số:       /BC-STTTT" in text
    speech = tmp_path / "tham-luan.docx"
    run("build", "--from", "2024-01-01", "--to", "2024-06-30", "--type", "conference", "--out", str(speech))
    assert "Sơ kết công tác thanh tra, kiểm tra 6 tháng đầu năm 2024" in paragraphs(speech.read_bytes())


def test_build_for_one_partner_agency_counts_its_own_records(world, tmp_path):
    from canhgiac.cases.services import create_case

    case(world, dt.date(2023, 2, 1))  # the province's, led by STTTT
    create_case(
        actor=world.user("district_officer"), title="Vụ của xã", category="fraud", source="citizen",
        received_on=dt.date(2023, 3, 1), lead_agency=world.agency("UBND-CL"),
    )  # fmt: skip
    target = tmp_path / "xa.docx"
    run("build", "--from", "2023-01-01", "--to", "2023-06-30", "--agency", "ubnd-cl", "--out", str(target))
    text = paragraphs(target.read_bytes())
    assert "CƠ QUAN UBND-CL" in text
    assert "- Vụ việc tiếp nhận: 01 vụ (tăng 01 vụ so với cùng kỳ năm 2022)." in text
