"""Promotion versus discussion: a page that sells gambling is flagged and says why; a page that studies, reports on
or warns against gambling is not, in Vietnamese, Indonesian, English and Chinese."""

from __future__ import annotations

import html as htmllib

import pytest
from bench.webwatch.common import analyze_sample, shared_engine
from bench.webwatch.corpus import IDENTITIES, Sample

from canhgiac.webwatch.checks import REGISTRY, SiteContext
from canhgiac.webwatch.engine.results import PageResult, Severity

# (language, title, description): research, law, warnings and news; gambling words sit in the description too.
DISCUSSION = [
    (
        "vi",
        "Luận văn: Phòng ngừa tội phạm đánh bạc qua mạng trên địa bàn tỉnh Nghệ An",
        "Luận văn nghiên cứu thực trạng tổ chức đánh bạc, cá độ, nổ hũ qua mạng và đề xuất giải pháp phòng ngừa.",
    ),
    (
        "vi",
        "Trường tổ chức tuyên truyền cho sinh viên",
        "Cảnh báo sinh viên không tham gia cá cược, game bài đổi thưởng và vay tiền qua ứng dụng; vi phạm sẽ bị xử lý.",
    ),
    (
        "id",
        "Sosialisasi Bahaya Judi Online dan Pinjol bagi Mahasiswa",
        "Kampus menggelar sosialisasi bahaya judi slot dan togel; polisi menjelaskan sanksi pidana bagi pelaku.",
    ),
    (
        "id",
        "Analisis Yuridis Pemberantasan Perjudian",
        "Skripsi ini mengkaji penegakan hukum terhadap bandar togel dan judi online menurut undang undang.",
    ),
    (
        "en",
        "Online gambling among university students: a survey study",
        "This study examines online casino and sports betting use and its harms, with prevention recommendations.",
    ),
    ("zh", "关于网络赌博危害的研究", "本文研究网络赌博与博彩广告的危害，分析警方打击跨境赌博犯罪的法律问题。"),
]

# (language, title, description): slot-game spam as hacked sites carry it.
PROMOTION = [
    ("vi", "Nổ hũ Mahjong Ways 2 uy tín - nạp 50k nhận thưởng x500", "Game nổ hũ đổi thưởng, nạp 50k, rút nhanh."),
    ("id", "KMET168 ⚡ Link Slot Gacor Gates of Olympus Maxwin", "Daftar sekarang, depo 5k via pulsa, WD cepat."),
    ("id", "Bocoran RTP Starlight Princess Hari Ini", "Pola maxwin x1000 scatter hitam, minimal bet 200 perak."),
    ("en", "Sweet Bonanza slot 🎰 play now", "Free spins, deposit bonus and maxwin x5000 on Pragmatic Play slots."),
    ("zh", "澳门威尼斯人官网 注册送彩金", "老虎机 电子游艺 首存优惠 返水 日出千万"),
]


def plain(url: str, title: str, description: str, h1: str = "", body: str = "Trang giới thiệu của đơn vị.") -> Sample:
    t, d = htmllib.escape(title), htmllib.escape(description, quote=True)
    heading = f"<h1>{htmllib.escape(h1)}</h1>" if h1 else ""
    page = (
        f'<html><head><meta charset="utf-8"><title>{t}</title><meta name="description" content="{d}"></head>'
        f"<body><main>{heading}<p>{htmllib.escape(body)}</p></main></body></html>"
    )
    return Sample("t", "?", "none", "plain", url, {i: page for i in IDENTITIES})


@pytest.fixture(scope="module")
def engine():
    return shared_engine()


def meta_finding(page: PageResult):
    return next((f for f in page.findings if f.check == "gambling_meta"), None)


@pytest.mark.parametrize(("lang", "title", "desc"), DISCUSSION, ids=[f"{d[0]}-{i}" for i, d in enumerate(DISCUSSION)])
def test_discussion_pages_are_not_flagged_and_the_finding_says_discussion(engine, lang, title, desc):
    for h1 in ("", title):  # a plain page (title and snippet only) and the article page with its own headline
        page = analyze_sample(engine, plain("https://dhkh.edu.vn/bai-viet/1.html", title, desc, h1=h1))
        assert not page.flagged, [f.why for f in page.findings if f.alarm]
    info = meta_finding(analyze_sample(engine, plain("https://dhkh.edu.vn/bai-viet/1.html", title, desc)))
    assert info is not None and info.severity == Severity.INFO
    assert "Đánh giá: thảo luận về cờ bạc" in info.why and "Dấu hiệu thảo luận" in info.why


@pytest.mark.parametrize(("lang", "title", "desc"), PROMOTION, ids=[f"{p[0]}-{i}" for i, p in enumerate(PROMOTION)])
def test_slot_spam_in_title_and_description_is_flagged_with_its_reasons(engine, lang, title, desc):
    page = analyze_sample(engine, plain("https://ubnd.quangninh.gov.vn/", title, desc))
    finding = meta_finding(page)
    assert page.flagged and finding is not None and finding.severity >= Severity.HIGH
    assert "Đánh giá: quảng cáo cờ bạc" in finding.why and "Dấu hiệu quảng cáo" in finding.why


def test_everyday_words_that_spam_also_uses_count_only_next_to_gambling(engine):
    for title, desc in [
        ("Daftar Dosen S1 Informatika", "Daftar nama dosen, bocoran jadwal ujian dan bonus tahunan pegawai."),
        ("Chương trình khuyến mãi tiết kiệm điện", "Hoàn tiền 10% cho khách hàng thanh toán hóa đơn qua ngân hàng."),
        ("Mahjong and Olympus: a history of games", "Princess, Zeus and bonanza stories for children; login here."),
    ]:
        page = analyze_sample(engine, plain("https://a.ac.id/", title, desc))
        assert meta_finding(page) is None and not page.flagged


def test_site_name_glued_to_a_gambling_phrase_is_critical(engine):
    page = analyze_sample(
        engine, plain("https://dharmawanita.okuselatankab.go.id/", "slot gacor - dharmawanita OKU Selatan", "")
    )
    finding = meta_finding(page)
    assert finding.severity == Severity.CRITICAL and "dharmawanita" in finding.why and "bị ghép" in finding.why


def test_spinning_syntax_left_by_a_spam_kit_is_named(engine):
    desc = "{Daftar|Login|Akses} NAGA69 {sekarang|hari ini} dan raih maxwin x500 di Gates of Olympus."
    finding = meta_finding(analyze_sample(engine, plain("https://a.go.id/", "Beranda", desc)))
    assert finding.alarm and "cú pháp spin" in finding.why and "naga69" in finding.why


def test_headline_with_a_brand_injected_around_it_is_flagged(engine):
    h1 = "Bắt quả tang nhóm đối tượng đánh bạc bằng hình thức lô đề"
    page = analyze_sample(engine, plain("https://congan.nghean.gov.vn/tin/1.html", f"nổ hũ ZOWIN88 - {h1}", h1, h1=h1))
    assert meta_finding(page).alarm


def _page(url: str, head: list[str]) -> PageResult:
    page = PageResult(url=url, depth=1, via="link")
    page.summary = {"title": "x", "head_gambling": head}
    return page


def test_the_same_spam_line_on_many_pages_is_a_site_finding(engine):
    check = REGISTRY["repeated_head"]()
    line = "Situs Slot Gacor Maxwin Hari Ini - Link Daftar RAJA88"
    pages = [_page(f"https://a.go.id/{i}", [line]) for i in range(4)] + [_page("https://a.go.id/x", [])]
    ctx = SiteContext("https://a.go.id/", "a.go.id", pages, set(), set(), engine.vocabulary, engine.blocklist)
    findings, error, _ = check.execute(ctx)
    assert error is None and len(findings) == 1
    assert findings[0].severity == Severity.CRITICAL and "4/5 trang" in findings[0].why
    # An article about gambling has its own title on its own page: once is not a pattern.
    ctx.pages = [_page("https://a.go.id/1", [line])] + [_page(f"https://a.go.id/{i}", []) for i in range(2, 6)]
    assert check.execute(ctx)[0] == []
    # A site-wide description that warns against gambling is not spam, however often it repeats.
    warning = "Cổng thông tin Công an tỉnh: đấu tranh phòng chống tội phạm cờ bạc, cá độ"
    ctx.pages = [_page(f"https://a.go.id/{i}", [warning]) for i in range(4)]
    assert check.execute(ctx)[0] == []


def test_a_gambling_title_over_a_page_that_never_mentions_gambling_is_named_foreign(engine):
    body = "Sở Y tế tỉnh thông báo lịch tiêm chủng mở rộng tại các trạm y tế xã, phường trong tháng. " * 4
    page = analyze_sample(engine, plain("https://soyte.nghean.gov.vn/", "Link vào KMET168 chính thức", "", body=body))
    assert "không thuộc về trang" in meta_finding(page).why
    news = "Công an tỉnh triệt phá đường dây đánh bạc qua mạng, khởi tố 5 bị can. " * 4
    page = analyze_sample(engine, plain("https://congan.nghean.gov.vn/", "Tin tức về cá độ", "", body=news))
    assert "không thuộc về trang" not in meta_finding(page).why
