"""CSV/XLSX exports open correctly in Excel for a Vietnamese user."""

import csv
import datetime as dt
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from canhgiac.cases.services import attach_evidence, withdraw_evidence
from canhgiac.core.testing import login
from tests.cases.helpers import make_case


def _two_evidence(world):
    case = make_case(world, title="Lừa đảo đầu tư tiền ảo")
    kept = attach_evidence(case, SimpleUploadedFile("ảnh-chụp.txt", b"abc"), actor=world.user("officer"))
    gone = attach_evidence(case, SimpleUploadedFile("nhầm.txt", b"xyz"), actor=world.user("officer"))
    withdraw_evidence(gone, actor=world.user("officer"), reason="Nhầm tệp")
    return kept, gone


def test_csv_export_has_a_bom_yes_no_in_vietnamese_and_local_times(world, client):
    kept, gone = _two_evidence(world)
    login(client, world.user("leader"))
    content = client.get(reverse("cases:evidence_list") + "?_export=csv").content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = {row["Tên tệp gốc"]: row for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))}
    assert rows["ảnh-chụp.txt"]["Đã thu hồi"] == "Không" and rows["nhầm.txt"]["Đã thu hồi"] == "Có"
    assert rows["ảnh-chụp.txt"]["Tạo lúc"] == timezone.localtime(kept.created).strftime("%d/%m/%Y %H:%M")


def test_xlsx_export_has_naive_local_datetimes(world, client):
    kept, _ = _two_evidence(world)
    login(client, world.user("leader"))
    content = client.get(reverse("cases:evidence_list") + "?_export=xlsx").content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[1]]
    rows = {row[header.index("Tên tệp gốc")]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    row = rows["ảnh-chụp.txt"]
    assert row[header.index("Đã thu hồi")] == "Không"
    created = row[header.index("Tạo lúc")]
    assert isinstance(created, dt.datetime) and created.tzinfo is None
    assert abs(created - timezone.make_naive(kept.created)) < dt.timedelta(seconds=1)


def _as_csv(value) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y" if value.time() == dt.time(0) else "%d/%m/%Y %H:%M")
    return "" if value is None else str(value)


def test_streamed_xlsx_holds_the_same_cells_as_the_csv(world, client):
    """The XLSX is written row by row without django-tables2's per-cell machinery: same labels and values."""
    make_case(world, title="Cá độ bóng đá", category="gambling", damage_vnd=1_500_000, received_on=dt.date(2024, 3, 4))
    make_case(world, title="Giả danh công an", category="fraud")
    login(client, world.user("inspector"))
    csv_rows = list(csv.reader(io.StringIO(client.get("/cases/?_export=csv").content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/cases/?_export=xlsx").content)).active
    xlsx_rows = [[_as_csv(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert xlsx_rows == csv_rows
    assert "Cờ bạc, cá độ" in xlsx_rows[1] + xlsx_rows[2] and "gambling" not in str(xlsx_rows)
