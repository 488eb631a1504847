"""Reading CSV/JSONL files: bad rows get a clear error with their number, the rest goes through."""

import json

import pytest

from canhgiac.content.imports import parse_items
from canhgiac.content.ingest import MAX_TEXT_CHARS, InputError, read_texts
from canhgiac.core.imports.kinds import ImportFileError


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


def test_broken_characters_outside_the_text_fail_only_their_row(tmp_path):
    """A cut-off emoji in JSONL, a bad byte in the author column: that row is refused, the others go through."""
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        '{"text": "Nhà cái uy tín \\ud83d"}\n{"text": "Vay nóng 50 triệu", "author": "a\\udc89b"}\n'
        '{"text": "Bình thường", "url": "https://x.vn/1", "note": "ghi ch\\udce9"}\n',
        encoding="utf-8",
    )
    items, errors = parse_items(jsonl)
    assert [i.row for i in items] == [3]
    by_row = {e.row: e for e in errors}
    assert "giải mã" in by_row[1].message and by_row[2].column == "author"
    for e in errors:  # storable and printable: no undecodable bytes carried into the report
        e.message.encode("utf-8"), e.column.encode("utf-8")
    csv_path = tmp_path / "in.csv"
    csv_path.write_bytes("text,author\nVay nóng,ok\n".encode() + b"Nh\xc3\xa0 c\xc3\xa1i,b\xe1d\n")
    items, errors = parse_items(csv_path)  # rows numbered as a spreadsheet shows them: the header is row 1
    assert [i.row for i in items] == [2] and errors[0].row == 3 and errors[0].column == "author"


def test_a_binary_header_is_a_clear_file_error(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportFileError, match="tiêu đề") as exc:
        parse_items(path)
    str(exc.value).encode("utf-8")  # printable: no undecodable bytes carried into the message


def test_the_same_post_behind_tracking_parameters_is_a_duplicate(tmp_path):
    from canhgiac.content.ingest import canonical_url

    assert canonical_url("https://www.facebook.com/groups/1/posts/2/?mibextid=abc&__tn__=R") == (
        "https://facebook.com/groups/1/posts/2"
    )
    assert canonical_url("https://m.facebook.com/story.php?story_fbid=5&id=7&fbclid=x") == (
        "https://facebook.com/story.php?story_fbid=5&id=7"
    )
    assert (
        canonical_url("HTTPS://VnExpress.net/bai-viet-1.html?utm_source=zalo")
        == "https://vnexpress.net/bai-viet-1.html"
    )
    path = tmp_path / "in.csv"
    path.write_text(
        "url,text\n"
        "https://www.facebook.com/p/1/,Vay nóng 50 triệu\n"
        "https://facebook.com/p/1?utm_source=x,Vay nóng 50 triệu (chia sẻ lại)\n"
        "https://facebook.com/p/2,Vay nóng 50 triệu\n",
        encoding="utf-8",
    )
    items, errors = parse_items(path)
    assert [i.row for i in items] == [2, 4] and items[0].url == "https://facebook.com/p/1"
    assert errors[0].row == 3 and "trùng với dòng 2 (URL)" in errors[0].message
