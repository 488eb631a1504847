"""Vocabulary normalisation and the blocklist: shipped patterns, loaded list, bad lines."""

from __future__ import annotations

from canhgiac.webwatch.blocklist import Blocklist, parse_domain_list, update_blocklist
from canhgiac.webwatch.engine.vocab import default_vocabulary, fold


def test_fold_defeats_stylised_letters_marks_and_lookalikes():
    assert fold("𝗦𝗟𝗢𝗧 Nhà Cái") == " slot nha cai "
    assert fold("ＮＥＷ８８") == " new88 "
    assert fold("nhа cái") == " nha cai "  # Cyrillic а
    assert fold("Đánh bạc") == " danh bac "


def test_scan_counts_categories():
    v = default_vocabulary()
    spam = v.scan("Nhà cái uy tín NEW88 - link vào mới nhất")
    assert spam.promotional() and spam.brand == 1
    news = v.scan("Công an triệt phá đường dây cá độ bóng đá, khởi tố 5 bị can")
    assert news.any_gambling and not news.promotional()
    assert v.scan("n.h.à c.á.i").terms["nhacai"] == 1
    assert v.scan("bán cá tươi ngoài chợ").spam == 0  # "bắn cá" only counts with its marks
    assert v.scan("đăng ký qq3bet ngay").brand == 1  # brand shape unknown to the shipped list


def test_blocklist_judges_hosts(real_domains):
    bl = Blocklist(set(real_domains[:1000]))
    listed = real_domains[0]
    assert bl.judge(listed) == "danh sách chặn"
    assert bl.judge("www." + listed) == "danh sách chặn"
    assert "new88" in bl.judge("new88vn.top")
    assert bl.judge("abc.bet")
    assert bl.judge("vnexpress.net") is None
    assert bl.judge("soyte.nghean.gov.vn") is None
    assert bl.trusted("www.youtube.com") and bl.trusted("x.edu.vn")


def test_parse_domain_list_reads_hosts_files_and_reports_bad_lines():
    report = parse_domain_list(
        "# comment\n0.0.0.0 new88.com\n127.0.0.1 jun88.net www.jun88.net # trailing\nplain.bet\n"
        "||adblock.casino^\nlocalhost\n\nnot a domain!\n300.1.1.1\nhttp://withscheme.vip/path\n"
    )
    assert report.domains == {
        "new88.com",
        "jun88.net",
        "www.jun88.net",
        "plain.bet",
        "adblock.casino",
        "withscheme.vip",
    }
    assert [n for n, _ in report.bad_lines] == [8, 9]


def test_update_merges_and_replaces(tmp_path):
    path = tmp_path / "webwatch" / "blocklist.txt"
    first = update_blocklist("a88.com\nb88.com\n", path=path)
    assert (first.added, first.total) == (2, 2)
    second = update_blocklist("b88.com\nc88.com\nbad line here\n", path=path)
    assert (second.added, second.total, len(second.bad_lines)) == (1, 3, 1)
    assert Blocklist.load(path).judge("c88.com") == "danh sách chặn"
    third = update_blocklist("z.com\n", path=path, replace=True)
    assert third.total == 1


def _terms(text: str) -> dict:
    return dict(default_vocabulary().scan(text).terms)


def test_deposit_amounts_multipliers_and_brand_shapes():
    v = default_vocabulary()
    spam = v.scan("Daftar NAGA69 depo 5k, nạp 50k, WD cepat, maxwin x500 di GARUDA128, TAWONBET dan HOKIWIN")
    terms = set(spam.terms)
    assert {"naga69", "garuda128"} <= terms  # brand shapes with numbers are brands
    assert "tawonbet" in terms  # letters-only shapes count next to gambling
    assert any(t.startswith("nạp/rút/cược kèm số tiền: depo 5k") for t in terms)
    assert any(t.endswith("nap 50k") for t in terms) and any(t.endswith("wd cepat") for t in terms)
    assert "hệ số nhân: x500" in terms and spam.promotional()


def test_slot_games_and_providers_are_known():
    for text in (
        "Gates of Olympus",
        "Sweet Bonanza",
        "Mahjong Ways 2",
        "Starlight Princess",
        "PG Soft",
        "Pragmatic Play",
    ):
        hits = default_vocabulary().scan(text)
        assert hits.game + hits.promo + hits.gambling >= 1, text


def test_chinese_and_thai_terms_and_decorations():
    zh = default_vocabulary().scan("澳门威尼斯人 注册送彩金 🎰")
    assert zh.brand == 1 and zh.promo >= 2 and "biểu tượng cờ bạc 🎰" in zh.terms
    th = default_vocabulary().scan("pg soft เครดิตฟรี50 สล็อตเว็บตรง")
    assert th.promotional() and "สล็อต" in th.terms


def test_everyday_words_alone_are_not_gambling():
    for text in (
        "Daftar nama mahasiswa baru",
        "Bocoran jadwal ujian",
        "Bonus tahunan pegawai",
        "Chương trình khuyến mãi, hoàn tiền 5%",
        "Olympus, Zeus and the princess",
        "alphabet soup timeslot 2025",
        "{Trang chủ|Giới thiệu}",
    ):
        assert _terms(text) == {}, text


def test_nested_terms_count_once():
    hits = default_vocabulary().scan("Judi online semakin marak")
    assert hits.gambling == 1 and not hits.promotional()
