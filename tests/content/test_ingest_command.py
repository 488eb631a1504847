import pytest
from django.core.management import CommandError, call_command

from canhgiac.content.models import ContentItem


def test_ingest_command_stores_items_and_reports_bad_rows(world, tmp_path, capsys):
    export = tmp_path / "export.csv"
    export.write_text(
        "platform,url,author,time,text\n"
        "facebook,https://facebook.com/p/1,nha.cai.uy.tin,2026-11-20T08:00:00+07:00,"
        "Nha cai uy tin nap rut 1 1 khuyen mai 100% tai new88 lien he 0912345678\n"
        "facebook,https://facebook.com/p/2,ban.a,2026-11-20T09:00:00+07:00,\n"
        "facebook,https://facebook.com/p/1,nha.cai.uy.tin,2026-11-20T08:00:00+07:00,trùng URL\n",
        encoding="utf-8",
    )
    call_command("content", "ingest", "--input", str(export), "--user", world.user("officer").username)
    out, err = capsys.readouterr()
    assert ContentItem.objects.count() == 1
    assert ContentItem.objects.get().label == "gambling"
    assert "Lỗi dòng 3, trường 'text': văn bản trống" in err and "Lỗi dòng 4: trùng với dòng 2" in err
    assert "lưu 1" in out


def test_ingest_command_refuses_unknown_user(world, tmp_path):
    export = tmp_path / "x.csv"
    export.write_text("text\nxin chào\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("content", "ingest", "--input", str(export), "--user", "khong-co")
    assert not ContentItem.objects.exists()
