"""Reading CSV/JSONL files: bad rows get a clear error with their number, the rest goes through."""

import json

import pytest

from canhgiac.content.ingest import MAX_TEXT_CHARS, InputError, parse_items, read_texts


def test_csv_bad_rows_are_reported_and_skipped(tmp_path):
    path = tmp_path / "in.csv"
    big = "vay nhanh " * 110_000  # 1.1 MB
    content = "id,noi_dung\n1,Vay nóng 30 phút\n2,\n3,\x00\x01\x02\x03binary\x04\x05\n4," + big + "\n"
    path.write_bytes(content.encode("utf-8") + b"5,caf\xe9 latin1\n" + "6,Bình thường\n".encode())
    rows, errors = read_texts(path, "noi_dung")
    assert [r.row for r in rows] == [1, 4, 6]
    assert len(rows[1].text) == MAX_TEXT_CHARS
    by_row = {e.row: e for e in errors}
    assert "trống" in by_row[2].message
    assert "nhị phân" in by_row[3].message
    assert not by_row[4].skipped and "ký tự" in by_row[4].message
    assert "UTF-8" in by_row[5].message


def test_missing_column_is_a_file_error(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="Thiếu cột văn bản 'text'"):
        read_texts(path, "text")


def test_jsonl_invalid_lines_and_missing_field(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "xin chào"}\nnot json\n{"other": 1}\n[1, 2]\n{"text": 5}\n', encoding="utf-8")
    rows, errors = read_texts(path)
    assert [r.text for r in rows] == ["xin chào"]
    assert [e.row for e in errors] == [2, 3, 4, 5]


def test_unknown_extension_and_binary_file(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="không hỗ trợ"):
        read_texts(path)


def test_parse_items_dedupes_by_url_then_text(tmp_path):
    path = tmp_path / "export.jsonl"
    rows = [
        {"platform": "facebook", "url": "https://fb.com/p/1", "author": "@a", "time": "2024-05-01T08:00:00+07:00",
         "text": "Nhà cái uy tín"},
        {"platform": "facebook", "url": "https://fb.com/p/1", "author": "@b", "text": "khác"},
        {"platform": "tiktok", "author": "@c", "text": "Vay  nóng"},
        {"platform": "tiktok", "author": "@d", "text": "vay nóng"},
        {"platform": "zalo", "text": "ok", "time": "không phải ngày"},
        {"platform": "sms", "text": "Tin nhắn", "time": "17/02/2023 09:30"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items, errors = parse_items(path)
    assert [(i.row, i.platform, i.author) for i in items] == [
        (1, "facebook", "@a"),
        (3, "tiktok", "@c"),
        (6, "sms", ""),
    ]
    assert items[0].published_at.utcoffset().total_seconds() == 7 * 3600
    assert items[2].published_at.day == 17
    messages = {e.row: e.message for e in errors}
    assert "trùng với dòng 1" in messages[2] and "trùng với dòng 3" in messages[4]
    assert "thời gian" in messages[5]


def test_reviewer_labels_accept_codes_and_vietnamese_names(tmp_path):
    from canhgiac.content.ingest import read_labels

    path = tmp_path / "labels.csv"
    path.write_text(
        "text,label\nVay nóng 30 phút,loan\nNhà cái uy tín,Cờ bạc, cá độ\nabc,khác\n,scam\n", encoding="utf-8"
    )
    pairs, errors = read_labels(path)
    assert pairs == [("Vay nóng 30 phút", "loan")]
    assert {e.row for e in errors} == {2, 3, 4}
