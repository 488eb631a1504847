"""Vietnamese text pools and obfuscation tricks for the labelled corpus (deterministic given a Random)."""

from __future__ import annotations

import random
import unicodedata

PROVINCES = [
    "Quảng Ninh",
    "Nghệ An",
    "Thanh Hóa",
    "Đắk Lắk",
    "Cần Thơ",
    "Bắc Giang",
    "Lâm Đồng",
    "Hà Tĩnh",
    "Bình Định",
]
AGENCIES = [
    "Sở Thông tin và Truyền thông",
    "Ủy ban nhân dân tỉnh",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Ủy ban nhân dân huyện Yên Thành",
    "Trường THPT Chuyên Lê Quý Đôn",
    "Sở Tài nguyên và Môi trường",
    "Thanh tra tỉnh",
]
MENU = [
    "Trang chủ",
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Văn bản pháp luật",
    "Thủ tục hành chính",
    "Dịch vụ công",
    "Hỏi đáp",
    "Liên hệ",
    "Sơ đồ cổng",
    "Cơ cấu tổ chức",
    "Chức năng nhiệm vụ",
    "Lịch công tác",
    "Thông báo",
    "Công khai ngân sách",
    "Chuyển đổi số",
    "Cải cách hành chính",
    "Thi đua khen thưởng",
    "Tuyển dụng",
]
NEWS = [
    "Hội nghị triển khai nhiệm vụ năm {y} của ngành",
    "UBND tỉnh kiểm tra tiến độ dự án đường giao thông liên huyện",
    "Tập huấn kỹ năng chuyển đổi số cho cán bộ cấp xã",
    "Công bố quyết định bổ nhiệm Phó Giám đốc Sở",
    "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công",
    "Kết quả tuyển sinh lớp 10 năm học {y}-{y1}",
    "Tăng cường phòng chống dịch sốt xuất huyết trên địa bàn",
    "Lễ phát động Tháng hành động vì an toàn thực phẩm",
    "Đoàn công tác của Bộ làm việc với tỉnh về cải cách hành chính",
    "Thông báo lịch tiếp công dân định kỳ tháng {m}",
    "Hội thảo bảo đảm an toàn thông tin cho hệ thống cấp tỉnh",
    "Sơ kết 6 tháng thực hiện Nghị quyết về phát triển kinh tế số",
]
GAMBLING_NEWS = [
    "Công an tỉnh triệt phá đường dây đánh bạc qua mạng hơn {n} tỷ đồng",
    "Cảnh báo thủ đoạn lôi kéo người dân tham gia cá độ bóng đá",
    "Khởi tố {k} bị can tổ chức đánh bạc qua trang {b}",
    "Bắt quả tang nhóm đối tượng đánh bạc bằng hình thức lô đề",
    "Tuyên truyền phòng chống tệ nạn cờ bạc, cá độ trong học sinh",
    "Xử lý nghiêm hành vi quảng cáo nhà cái, game bài đổi thưởng trên mạng",
    "Triệt phá ổ nhóm tổ chức đánh bạc tài xỉu trực tuyến",
    "Người dân cảnh giác với các ứng dụng game bài, nổ hũ, bắn cá đổi thưởng",
]
SENTENCES = [
    "Theo báo cáo của {a}, trong thời gian qua công tác {t} đã đạt nhiều kết quả tích cực.",
    "Đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành tiếp tục phối hợp chặt chẽ trong thực hiện nhiệm vụ.",
    "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm cho thời gian tới.",
    "Người dân có thể tra cứu thông tin và nộp hồ sơ trực tuyến mọi lúc, mọi nơi.",
    "Tỉnh {p} đặt mục tiêu đến năm {y} hoàn thành chuyển đổi số ở cả ba cấp chính quyền.",
    "Các đơn vị cần rà soát, cập nhật đầy đủ dữ liệu lên hệ thống trước ngày {d}.",
    "Công tác tuyên truyền được đẩy mạnh trên Cổng thông tin điện tử và mạng xã hội.",
    "Kết quả kiểm tra cho thấy phần lớn các cơ quan đã chấp hành nghiêm quy định.",
]
CRACKDOWN = [
    "Ngày {d}, Công an tỉnh {p} cho biết đã triệt phá thành công đường dây đánh bạc qua mạng do {k} đối tượng cầm đầu.",
    "Các đối tượng sử dụng trang {b} để tổ chức cá độ bóng đá, tài xỉu, game bài "
    "với tổng số tiền giao dịch hơn {n} tỷ đồng.",
    "Cơ quan điều tra đã khởi tố vụ án, khởi tố bị can về tội tổ chức đánh bạc theo Điều 322 Bộ luật Hình sự.",
    "Qua điều tra, các đối tượng quảng cáo nhà cái {b} trên mạng xã hội, lôi kéo người chơi nạp tiền vào tài khoản.",
    "Công an khuyến cáo người dân không tham gia cá độ, đánh bạc trực tuyến, không truy cập các trang như {b}, {b2}.",
    "Tang vật thu giữ gồm {k} điện thoại, máy tính và nhiều tài liệu liên quan đến hoạt động cá cược.",
    "Các trang cá độ như {b} thường quảng cáo khuyến mãi nạp tiền, hoàn trả cược để dụ dỗ người chơi.",
    "Nhiều người đã mất trắng tài sản khi tin vào lời mời chơi nổ hũ, bắn cá đổi thưởng, lô đề online.",
    "Tòa án nhân dân tỉnh đã xét xử sơ thẩm vụ án đánh bạc qua mạng, tuyên phạt các bị cáo từ {k} đến {n} năm tù.",
    "Cơ quan chức năng đề nghị nhà mạng ngăn chặn các tên miền quảng cáo cờ bạc, cá độ trực tuyến.",
]
BRANDS = ["new88", "jun88", "hi88", "789bet", "f8bet", "shbet", "kubet", "fb88", "w88", "8kbet", "mb66"]
HELDOUT_BRANDS = ["qq3bet", "zowin", "sonclub", "cf68", "hello88", "ww88", "nohu52", "bong88", "k9win", "vz99"]
ANCHORS = [
    "nhà cái uy tín",
    "kèo nhà cái",
    "game bài đổi thưởng",
    "tài xỉu online",
    "nổ hũ đổi thưởng",
    "bắn cá đổi thưởng",
    "soi kèo bóng đá hôm nay",
    "link vào {b}",
    "{b} chính thức",
    "casino trực tuyến",
    "cá cược bóng đá",
    "top nhà cái uy tín",
    "đăng ký {b} nhận 100k",
    "xóc đĩa online",
    "đá gà trực tuyến",
]
HELDOUT_ANCHORS = [
    "slot gacor hari ini",
    "situs judi online terpercaya",
    "daftar slot maxwin",
    "togel online",
    "{b} slot",
    "tỷ lệ kèo nhà cái",
    "lô đề online uy tín",
    "app cá cược",
    "sòng bạc trực tuyến",
    "kèo bóng đá {b}",
    "online casino bonus",
    "sportsbook {b}",
    "game bài {b}",
    "rút tiền siêu tốc {b}",
]
SPAM_PARAS = [
    "{B} là nhà cái uy tín hàng đầu, link vào {b} mới nhất không bị chặn, đăng ký nhận ngay 100k.",
    "Tham gia cá cược thể thao, casino trực tuyến, game bài đổi thưởng, nổ hũ, bắn cá tại {b}.",
    "Nạp tiền nhanh, rút tiền siêu tốc, hoàn trả cược mỗi ngày, khuyến mãi nạp lần đầu 200%.",
    "Tải app {b} chơi ngay tài xỉu online, xóc đĩa, lô đề với tỷ lệ kèo nhà cái hấp dẫn nhất.",
    "Situs judi slot gacor hari ini maxwin, daftar {b} link alternatif terpercaya.",
]
_TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def fill(rng: random.Random, template: str, brands: list[str] = BRANDS) -> str:
    b, b2 = rng.sample(brands, 2)
    y = rng.randint(2019, 2025)
    return template.format(
        a=rng.choice(AGENCIES),
        p=rng.choice(PROVINCES),
        t=rng.choice(["cải cách hành chính", "chuyển đổi số"]),
        y=y,
        y1=y + 1,
        m=rng.randint(1, 12),
        d=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{y}",
        n=rng.randint(10, 900),
        k=rng.randint(2, 30),
        b=b,
        b2=b2,
        B=b.upper(),
    )


def strip_marks(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def stylise(s: str) -> str:
    """Mathematical sans-serif bold letters (𝗡𝗵𝗮̀ 𝗰𝗮́𝗶), marks kept as combining characters."""
    out = []
    for c in unicodedata.normalize("NFD", s):
        if "A" <= c <= "Z":
            out.append(chr(0x1D5D4 + ord(c) - 65))
        elif "a" <= c <= "z":
            out.append(chr(0x1D5EE + ord(c) - 97))
        elif "0" <= c <= "9":
            out.append(chr(0x1D7EC + ord(c) - 48))
        else:
            out.append(c)
    return "".join(out)


def dotted(s: str, sep: str = ".") -> str:
    return " ".join(sep.join(word) for word in s.split())


def scramble(rng: random.Random, s: str) -> str:
    """Tone marks moved to random vowels: "cửa lừa" -> "củả lừá"."""
    base = strip_marks(s)
    out = []
    for c in base:
        out.append(c)
        if c.lower() in "aeiouy" and rng.random() < 0.6:
            out.append(rng.choice(_TONES))
    return unicodedata.normalize("NFC", "".join(out))


def obfuscate(rng: random.Random, s: str) -> str:
    trick = rng.choice(["plain", "plain", "upper", "nomarks", "stylised", "dotted", "spaced", "scrambled"])
    if trick == "upper":
        return s.upper()
    if trick == "nomarks":
        return strip_marks(s)
    if trick == "stylised":
        return stylise(s)
    if trick == "dotted":
        return dotted(s)
    if trick == "spaced":
        return dotted(s, " ")
    if trick == "scrambled":
        return scramble(rng, s)
    return s
