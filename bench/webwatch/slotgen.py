"""Text-only slot-game spam (titles and descriptions as real hacked sites carry them) and pages that discuss
gambling, in Vietnamese, Indonesian, English and Chinese. The tuning and held-out varieties use different games,
name shapes and templates, so the held-out run measures the checks on shapes they were not tuned on."""

from __future__ import annotations

import random

GAMES = ["Gates of Olympus", "Sweet Bonanza", "Mahjong Ways 2", "Starlight Princess", "Zeus vs Hades", "Sugar Rush"]
HELDOUT_GAMES = ["Olympus 1000", "Mahjong Wins", "Princess 1000", "Wild Bounty Showdown", "Lucky Neko", "Koi Gate"]
NAME_ENDS = ["88", "69", "128", "bet", "win"]
HELDOUT_NAME_ENDS = ["777", "138", "4D", "168", "303"]
NAME_STEMS = ["AYAM", "TAWON", "RAJA", "DEWA", "NAGA", "HOKI", "GARUDA", "BOS", "MPO", "LUCKY"]
DECOR = ["🔥", "⚡", "✈️", "🎰", "💎", "👑", "⭐", "»", "#", "➤", "★"]
TEMPLATES = [
    "{N} {e} Link Situs Slot Gacor {g} Maxwin {x} Hari Ini",
    "{N}: Daftar Slot {g} Depo {k}k Gampang Menang",
    "{N} {e} Nổ hũ {g} nạp {k}0k nhận thưởng {x}",
    "{N} Slot {g} Scatter Hitam {x} WD Cepat",
    "{N} 官网 {g} 注册送彩金 {e}",
    "{N} {e} {g} Scatter Hitam {x} Depo {k}k",
    "{N} {e} {g} {x} - WD Cepat",
]
HELDOUT_TEMPLATES = [
    "{N} {e} Bocoran RTP {g} Pola Maxwin {x} Depo Pulsa",
    "{N} | Game {g} nổ hũ uy tín, nạp {k}k rút nhanh {e}",
    "{N} {e} Slot Online {g} Bet 200 Jackpot {x}",
    "{N} 老虎机 {g} 首存 {k}0 {e}",
    "{N} {e} {g} Pecah {x} Depo Pulsa {k}rb",
    "{N} ★ {g} {x} nạp {k}k",
]
DESCRIPTIONS = [
    "{{Daftar|Login|Akses}} {N} {{sekarang|hari ini}} dan {{raih|dapatkan}} maxwin {x} di {g}. Min depo {k}k via QRIS.",
    "{N} là {{cổng game|nhà cái}} {{uy tín|hàng đầu}}: {g}, nạp {k}0k tặng {k}0k, rút tiền siêu tốc.",
    "{N} menghadirkan {g} dengan RTP tinggi, scatter {x}, deposit pulsa {k}rb tanpa potongan.",
    "{N} {g} {x}, depo {k}k via QRIS, WD {{cepat|lancar}}.",
    "{N}: {g}, {{Olympus|Bonanza|Princess}} {x}, nạp {k}0k.",
]

# (title, description): research, law, warnings and news that discuss gambling with words not in their headline.
DISCUSSION = [
    (
        "Luận văn thạc sĩ: Phòng ngừa tình hình tội phạm đánh bạc trên địa bàn tỉnh",
        "Luận văn nghiên cứu thực trạng tổ chức đánh bạc, cá độ bóng đá qua mạng và đề xuất giải pháp phòng ngừa.",
    ),
    (
        "Hội thảo khoa học về tác hại của cờ bạc trực tuyến đối với sinh viên",
        "Hội thảo phân tích nguy cơ sinh viên bị lôi kéo vào game bài, nổ hũ, cá cược; kiến nghị biện pháp ngăn chặn.",
    ),
    (
        "Dampak Judi Online terhadap Perilaku Remaja: Studi Kasus di Kota Bandung",
        "Penelitian ini menganalisis dampak judi online dan slot terhadap perilaku remaja serta upaya pencegahan.",
    ),
    (
        "Sosialisasi Bahaya Judi Online dan Pinjol bagi Mahasiswa",
        "Kampus menggelar sosialisasi bahaya judi slot dan pinjaman ilegal; polisi menjelaskan sanksi pidana.",
    ),
    (
        "Tinjauan Hukum Pidana terhadap Pemberantasan Perjudian Togel",
        "Skripsi ini mengkaji penegakan hukum terhadap bandar togel dan judi online menurut undang undang.",
    ),
    (
        "Online gambling among university students: a survey study",
        "This study examines online casino and sports betting use and its harms; problem gambling prevention.",
    ),
    (
        "Court upholds ban on illegal online casino advertising",
        "The court ruled that slot and betting advertising on public websites is prohibited under the gambling law.",
    ),
    ("关于网络赌博危害的研究", "本文研究网络赌博与博彩广告的危害，分析警方打击跨境赌博犯罪的法律问题。"),
    ("警方打击跨境网络赌博犯罪", "警方查处一起网络赌博案件，提醒群众警惕境外博彩网站。"),
]


def brand_name(rng: random.Random, heldout: bool) -> str:
    return rng.choice(NAME_STEMS) + rng.choice(HELDOUT_NAME_ENDS if heldout else NAME_ENDS)


def spin(rng: random.Random, text: str, keep_syntax: bool) -> str:
    """Resolve ``{a|b|c}`` spinning syntax, or leave it in as careless spam kits do."""
    out, i = [], 0
    while True:
        a = text.find("{", i)
        if a < 0:
            out.append(text[i:])
            return "".join(out)
        b = text.index("}", a)
        out.append(text[i:a])
        out.append(text[a : b + 1] if keep_syntax else rng.choice(text[a + 1 : b].split("|")))
        i = b + 1


def slot_title(rng: random.Random, heldout: bool) -> tuple[str, str]:
    """A spam (title, description) pair."""
    values = {
        "N": brand_name(rng, heldout),
        "e": rng.choice(DECOR),
        "g": rng.choice(HELDOUT_GAMES if heldout else GAMES),
        "x": rng.choice(["x500", "x1000", "x5000", "500x"]),
        "k": rng.choice([5, 10, 20, 25, 50]),
    }
    title = rng.choice(HELDOUT_TEMPLATES if heldout else TEMPLATES).format(**values)
    desc = spin(rng, rng.choice(DESCRIPTIONS).format(**values), keep_syntax=rng.random() < 0.3)
    return title, desc


def discussion(rng: random.Random) -> tuple[str, str]:
    return rng.choice(DISCUSSION)
