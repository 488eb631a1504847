"""The consolidated report built from records created through the services, opened with python-docx: every
printed figure is found with its exact Vietnamese-formatted value."""

import datetime as dt
import io

from docx import Document

from canhgiac.core.figures import Window
from canhgiac.reports import services
from canhgiac.reports.context import ReportInput, build_report_context
from tests.reports.conftest import case, own_part, police_part, trade_part


def paragraphs(content: bytes) -> list[str]:
    doc = Document(io.BytesIO(content))
    cells = [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return [p.text for p in doc.paragraphs] + cells


def fill_period(world):
    """H1/2023: four cases (three of fraud with damages, one of gambling); H1/2022: three (two of fraud)."""
    case(world, dt.date(2023, 1, 10), "fraud", 1_000_000_000)
    case(world, dt.date(2023, 3, 5), "fraud", 525_950_000)
    case(world, dt.date(2023, 6, 30), "fraud", 1_000_000)
    case(world, dt.date(2023, 2, 1), "gambling")
    case(world, dt.date(2023, 7, 1), "fraud", 9_999)  # after the period: not counted
    case(world, dt.date(2022, 2, 1), "fraud")
    case(world, dt.date(2022, 5, 1), "fraud")
    case(world, dt.date(2022, 6, 1), "other")


def test_report_prints_every_figure_with_its_exact_value(world, draft):
    fill_period(world)
    draft = services.attach_parts(draft, [own_part(), police_part(), trade_part()], actor=world.user("officer"))
    draft = services.edit_narrative(
        draft,
        {
            "intro": "Thực hiện Quyết định số 04/2016/QĐ-UBND.",
            "tasks": "Tiếp tục phối hợp.\n\nTăng cường tuyên truyền.",
        },
        actor=world.user("officer"),
    )
    content = services.report_docx(draft)
    text = paragraphs(content)
    preview = services.preview(draft)
    printed = {row["key"]: row for row in preview["figures"]}
    for row in preview["figures"]:
        assert f"- {row['text']}." in text, row["text"]
    # The values themselves, as the seeds write them.
    assert "- Vụ việc tiếp nhận: 04 vụ (tăng 01 vụ so với cùng kỳ năm 2022)." in text
    assert "- Vụ việc tiếp nhận — Lừa đảo, chiếm đoạt tài sản: 03 vụ (tăng 01 vụ so với cùng kỳ năm 2022)." in text
    assert "- Thiệt hại của các vụ việc tiếp nhận: 1.526.950.000 đồng." in text
    # The author's own part fills the figures no register holds.
    assert "- Cuộc thanh tra, kiểm tra: 02 cuộc." in text
    assert "- Tổng số tiền xử phạt: 25.850.000 đồng." in text
    assert printed["sanctions.amount_total"]["value"] == 25850000
    # Header from data, the period in the title, the parts in Roman numbering.
    assert "CƠ QUAN STTTT" in text
    assert "Số:       /BC-STTTT" in text
    title = (
        "Kết quả công tác phối hợp phòng, chống tội phạm trong lĩnh vực thông tin và truyền thông 6 tháng đầu năm 2023"
    )
    assert title in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh" in text
    assert "I. KẾT QUẢ THỰC HIỆN" in text and "II. PHƯƠNG HƯỚNG, NHIỆM VỤ" in text
    assert ["Tiếp tục phối hợp.", "Tăng cường tuyên truyền."] == text[text.index("II. PHƯƠNG HƯỚNG, NHIỆM VỤ") + 1 :][
        :2
    ]
    assert "Bùi Văn Sỹ" in text and "- Lưu: VT." in text
    # The comparison as a chart (an image in the file).
    assert len(Document(io.BytesIO(content)).inline_shapes) >= 1


def test_partners_parts_appear_in_their_subsections_with_nil_returns(world, draft):
    draft = services.attach_parts(draft, [own_part(), police_part(), trade_part()], actor=world.user("officer"))
    text = paragraphs(services.report_docx(draft))
    police = text.index("2.1. Công an tỉnh")
    trade = text.index("2.2. Sở Công Thương")
    assert text[text.index("2. Kết quả của các cơ quan, đơn vị phối hợp") + 1] == "2.1. Công an tỉnh"
    section = text[police:trade]
    assert "- Vụ lừa đảo, chiếm đoạt tài sản trên không gian mạng: 04 vụ." in section
    assert "- Thiệt hại của các vụ lừa đảo: 1.526.950.000 đồng." in section
    assert "- Vụ tổ chức đánh bạc, đánh bạc trên không gian mạng: chưa phát hiện." in section
    assert "- Vụ đã khởi tố: chưa báo cáo." in section  # not reported is never printed as a zero
    assert "- Vụ việc tiếp nhận — Lừa đảo, chiếm đoạt tài sản: 05 vụ (gồm 2 vụ chưa nhập)." in section
    assert ["Phát hiện 22 trường hợp đăng tải nội dung xấu độc.", "Bóc gỡ 15 tài khoản."] == section[-2:]
    assert text[trade + 1] == "- Vụ việc vi phạm trong lĩnh vực phát hiện: chưa phát hiện."
    # The author's own part is printed with its own results, not as a partner.
    assert not any(line.startswith("2.") and "Cơ quan STTTT" in line for line in text)


def test_a_draft_part_says_it_was_not_sent(world, draft):
    draft = services.attach_parts(draft, [police_part(status="draft")], actor=world.user("officer"))
    text = paragraphs(services.report_docx(draft))
    assert text[text.index("2.1. Công an tỉnh") + 1] == "Cơ quan chưa gửi báo cáo (chưa nộp): chưa có số liệu."
    assert not any("1.526.950.000" in line for line in text)  # its figures are not printed, nor read as zero
    notes = services.preview(draft)["notes"]
    assert "Chưa nhận phần đóng góp của Công an tỉnh (chưa nộp): báo cáo chưa có số liệu của cơ quan này." in notes


def test_unknown_keys_are_left_out_with_a_note(world, draft, monkeypatch):
    import dataclasses

    from canhgiac.core import reporttypes

    periodic = reporttypes.get("periodic")
    unknown = reporttypes.FigureLine("secops.khong_co")
    monkeypatch.setitem(
        reporttypes._TYPES, "periodic", dataclasses.replace(periodic, own_figures=(*periodic.own_figures, unknown))
    )
    preview = services.preview(draft)
    assert any("secops.khong_co" in note for note in preview["notes"])
    assert "secops.khong_co" not in {row["key"] for row in preview["figures"]}
    # A reported figure without the author's part has no value: a note, not a zero.
    assert any("inspections.held" in note for note in preview["notes"])


def every_type_context(world, key, window):
    data = ReportInput(key, window, "Sở Khoa học và Công nghệ", "SKHCN", "Ủy ban nhân dân tỉnh", narrative={})
    return build_report_context(data)


def test_each_seed_shape_builds(world):
    fill_period(world)
    speech = every_type_context(world, "conference", Window(dt.date(2023, 1, 1), dt.date(2023, 6, 30)))
    assert speech["title"] == "Sơ kết công tác thanh tra, kiểm tra 6 tháng đầu năm 2023"
    assert [part["heading"] for part in speech["parts"]] == ["I. KẾT QUẢ THỰC HIỆN"]  # tasks empty: not printed
    directive = every_type_context(world, "directive21", Window(dt.date(2023, 5, 25), dt.date(2024, 5, 24)))
    assert directive["title"].startswith("Sơ kết năm thứ 4 thực hiện Chỉ thị số 21/CT-TTg")
    project = every_type_context(world, "project12", Window(dt.date(2020, 1, 1), dt.date(2020, 6, 30)))
    assert project["parts"][0]["heading"] == "1. KẾT QUẢ THỰC HIỆN"
    assert project["parts"][0]["blocks"][0]["h1"] == "1.1. Kết quả của Sở Khoa học và Công nghệ"
    opened = next(row for row in project["figures"] if row["key"] == "cases.opened")
    assert opened["window_note"] == "luỹ kế từ ngày 01/02/2017 đến ngày 30/06/2020"
    annual = every_type_context(world, "annual", Window(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    opened = next(row for row in annual["figures"] if row["key"] == "cases.opened")
    assert opened["window_note"] == "10 tháng đầu năm 2023"
    assert opened["value"] == 5  # the four of H1 and the one of July, within January–October
    assert opened["text"] == "Vụ việc tiếp nhận: 05 vụ (10 tháng đầu năm 2023)"
