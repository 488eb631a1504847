"""``canhgiac content classify`` end to end on CSV and JSONL files."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("content", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_csv_with_text_column_and_json(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,noi_dung\n1,Nhà cái uy tín new88 nạp rút nhanh\n2,\n3,Vay nóng 50tr không thế chấp lh 0912345678\n",
        encoding="utf-8",
    )
    out, _ = _run("classify", "--input", str(path), "--text-column", "noi_dung", "--json")
    data = json.loads(out)
    assert [(r["row"], r["label"]) for r in data["results"]] == [(1, "gambling"), (3, "loan")]
    assert data["results"][0]["label_vi"] == "Cờ bạc, cá độ" and data["results"][0]["cues"]
    assert data["errors"] == [{"row": 2, "message": "văn bản trống", "field": "noi_dung", "skipped": True}]


def test_jsonl_table_output(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text('{"text": "Đồ ngu như chó"}\n{broken\n{"text": "Chúc mừng sinh nhật em"}\n', encoding="utf-8")
    out, err = _run("classify", "--input", str(path))
    assert "Xúc phạm" in out and "Bình thường" in out
    assert "dòng 2" in err
    assert "Đã phân loại 2 văn bản; 1 dòng lỗi." in out


def test_nothing_processed_is_an_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Thiếu cột"):
        _run("classify", "--input", str(path), "--text-column", "text")
    path.write_text('text\n\n""\n', encoding="utf-8")
    with pytest.raises(CommandError, match="Không phân loại được"):
        _run("classify", "--input", str(path))
