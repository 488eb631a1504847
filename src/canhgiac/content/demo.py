"""Demo content items (a few of each class, some without diacritics), classified by the shipped model.

Safe to run again: items are keyed by their URL and are not stored twice.
"""

import datetime as dt

from django.utils import timezone

from canhgiac.content.ingest import Item

DEMO_ITEMS = [
    ("facebook", "https://facebook.com/posts/demo-1", "hotro.nganhang.vn",
     "Tài khoản của quý khách bị khoá do nghi vấn rửa tiền, vui lòng truy cập vcb-hotro.com và nhập mã OTP để "
     "xác minh, liên hệ 0912345678"),
    ("zalo", "https://zalo.me/demo-2", "tuyen.ctv.online",
     "Tuyen cong tac vien lam nhiem vu tren app, hoa hong 30% moi don, nap truoc 500k nhan lai 800k trong ngay, "
     "lh zalo 0987654321"),
    ("facebook", "https://facebook.com/posts/demo-3", "nhacai.uytin88",
     "Nhà cái uy tín new88 nạp rút siêu tốc, tặng 100% thẻ nạp đầu, cá độ bóng đá mọi giải đấu tại new88.com"),
    ("tiktok", "https://tiktok.com/@demo/video/4", "soikeo.vip",
     "Soi keo nha cai hom nay, bao lo de chuan 99%, vao nhom kin de nhan so dep"),
    ("facebook", "https://facebook.com/posts/demo-5", "vaynhanh.247",
     "Vay nóng 50 triệu không thế chấp, chỉ cần CCCD, giải ngân trong 30 phút, lãi suất thấp, gọi 0868123456"),
    ("sms", "", "0399888777",
     "Ho tro vay tien mat den 70tr khong can chung minh thu nhap, duyet ho so trong ngay, nhan tin ngay"),
    ("facebook", "https://facebook.com/posts/demo-7", "tin.nong.24h",
     "Khẩn cấp: nước máy toàn thành phố bị nhiễm độc, người dân tuyệt đối không sử dụng, chia sẻ ngay cho người thân"),
    ("youtube", "https://youtube.com/watch?v=demo8", "binhluan.xau",
     "Đồ ngu như chó, cả lũ chúng mày cút hết đi"),
    ("facebook", "https://facebook.com/posts/demo-9", "shop.giare",
     "Sale sốc 90% tất cả sản phẩm, inbox ngay để nhận mã giảm giá, số lượng có hạn!!!"),
    ("facebook", "https://facebook.com/posts/demo-10", "phuong.hoa",
     "Chúc mừng sinh nhật em gái, chúc em luôn vui vẻ và học thật giỏi nhé"),
    ("baochi", "https://baotinh.vn/demo-11", "",
     "Sáng nay, UBND tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2026"),
]  # fmt: skip


def load(stdout) -> None:
    from canhgiac.content.services import store_items
    from canhgiac.core.models import User

    actor = User.objects.filter(username="chuyenvien").first()
    if actor is None:
        stdout.write("Nội dung mẫu: bỏ qua (chưa có tài khoản “chuyenvien”).")
        return
    now = timezone.now()
    items = [
        Item(row=n, text=text, platform=platform, url=url, author=author, published_at=now - dt.timedelta(hours=n))
        for n, (platform, url, author, text) in enumerate(DEMO_ITEMS, start=1)
    ]
    stored, flagged, _ = store_items(items, actor=actor)
    stdout.write(f"Nội dung mẫu: {stored} nội dung mới, {flagged} cần duyệt.")
