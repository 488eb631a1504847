"""`canhgiac intake import --source 5656 --file F.csv`: numbers written any way, both time notations, bad rows named."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from canhgiac.intake.models import Report

pytestmark = pytest.mark.django_db

CSV = """number,content,time,reporter
0912 345 678,Tài khoản của quý khách bị khoá bấm vào vcb-xac-minh.top,20/11/2026 08:15,0987654321
+84 912.345.678,Trúng thưởng iPhone liên hệ ngay,2026-11-20T09:00:00+07:00,84987654322
84912345678,Vay tiền nhanh không thế chấp,2026-11-21 10:30,
(091) 234-5679,Nội dung khác,21/11/2026 11:00:05,
"""


def run(tmp_path, text, *args):
    path = tmp_path / "xuat-5656.csv"
    path.write_text(text, encoding="utf-8")
    out, err = [], []

    class Sink:
        def __init__(self, into):
            self.into = into

        def write(self, text):
            self.into.append(text)

        def flush(self):
            pass

    call_command(
        "intake",
        "import",
        "--source",
        "5656",
        "--file",
        str(path),
        "--user",
        "inspector",
        *args,
        stdout=Sink(out),
        stderr=Sink(err),
    )
    return "".join(out), "".join(err)


def test_import_normalises_numbers_and_times(world, tmp_path):
    out, err = run(tmp_path, CSV)
    assert "nhập 4 phản ánh" in out, (out, err)
    rows = Report.objects.order_by("received_at")
    assert [r.channel for r in rows] == ["import_5656"] * 4
    values = [sorted(i.value for i in r.indicators.all()) for r in rows]
    assert values == [["+84912345678"]] * 3 + [["+84912345679"]]
    first = rows[0]
    assert timezone.localtime(first.received_at).replace(tzinfo=None) == dt.datetime(2026, 11, 20, 8, 15)
    assert first.reporter_phone == "0987654321" and rows[1].reporter_phone == "0987654322"
    assert rows[0].report_type == "scam_sms"


def test_import_again_skips_rows_already_imported(world, tmp_path):
    run(tmp_path, CSV)
    out, err = run(tmp_path, CSV)
    assert "nhập 0 phản ánh" in out and "đã được nhập trước đó" in err
    assert Report.objects.count() == 4


def test_bad_rows_are_named_and_the_good_ones_kept(world, tmp_path):
    text = CSV + "0912 abc,x,20/11/2026 08:15,\n0912345678,,20/11/2026 08:15,\n0912345678,y,32/13/2026 25:00,\n"
    out, err = run(tmp_path, text)
    assert "nhập 4 phản ánh" in out
    assert "dòng 6, cột 'number'" in err and "không phải chữ số" in err
    assert "dòng 7, cột 'content'" in err and "nội dung đang để trống" in err
    assert "dòng 8, cột 'time'" in err and "không phải thời gian" in err


def test_all_or_nothing_stores_nothing_on_a_bad_row(world, tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, CSV + "0912 abc,x,20/11/2026 08:15,\n", "--all-or-nothing")
    assert Report.objects.count() == 0


def test_vietnamese_headers_are_accepted(world, tmp_path):
    out, _ = run(tmp_path, "Số bị phản ánh,Nội dung,Thời gian,Người phản ánh\n0912345678,abc,20/11/2026 08:15,\n")
    assert "nhập 1 phản ánh" in out


def test_missing_column_refuses_the_file(world, tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, "number,time\n0912345678,20/11/2026 08:15\n")
    assert Report.objects.count() == 0
