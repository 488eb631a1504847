"""Demo petitions and receptions, through the services, shaped on the An Giang report of 2024 (seed 000): "tiếp
nhận và xử lý 08 đơn, trong đó có 01 vụ việc tố cáo … tăng 01 vụ việc so với cùng kỳ năm 2023; tiếp công dân đối
với 05 trường hợp (TP. Long Xuyên, huyện An Phú, huyện Châu Phú)", and a few petitions of this year at every stage.
Safe to run again: nothing is added once demo petitions exist."""

import datetime as dt

from canhgiac.core.deadlines import today
from canhgiac.core.models import Agency, Document, User
from canhgiac.core.services import register_document
from canhgiac.petitions.models import Petition
from canhgiac.petitions.services import petitions, receptions
from canhgiac.petitions.steps import extend_petition, take_step

D = dt.date
# (kind, received, title, respondent, locality, steps: [(action, date, letter notation or "", reason)])
PAST = [
    ("complaint", D(2023, 2, 8), "Khiếu nại quyết định xử phạt về quảng cáo qua tin nhắn", "Chánh Thanh tra Sở",
     "TP. Long Xuyên", [("accept", D(2023, 2, 15), "", ""), ("resolve", D(2023, 3, 10), "12/QĐ-TTra", "")]),
    ("recommendation", D(2023, 3, 2), "Kiến nghị xử lý trạm BTS gây nhiễu", "", "huyện An Phú",
     [("accept", D(2023, 3, 9), "", ""), ("resolve", D(2023, 3, 30), "35/TTra-KN", "")]),
    ("reflection", D(2023, 4, 11), "Phản ánh tin nhắn rác quảng cáo vay tiền", "", "TP. Long Xuyên",
     [("transfer", D(2023, 4, 14), "41/TTra-CĐ", "Thuộc thẩm quyền của doanh nghiệp viễn thông")]),
    ("reflection", D(2023, 5, 3), "Phản ánh trang mạng xã hội đăng tin sai sự thật", "", "huyện Châu Phú",
     [("accept", D(2023, 5, 10), "", ""), ("resolve", D(2023, 6, 2), "57/TTra-KN", "")]),
    ("complaint", D(2023, 5, 20), "Khiếu nại việc thu hồi số thuê bao", "Doanh nghiệp viễn thông", "huyện An Phú",
     [("refuse", D(2023, 5, 26), "", "Đơn khiếu nại đã quá thời hiệu (Điều 9 Luật Khiếu nại)")]),
    ("recommendation", D(2023, 6, 5), "Kiến nghị tăng cường tuyên truyền chống lừa đảo", "", "TP. Long Xuyên",
     [("accept", D(2023, 6, 9), "", ""), ("resolve", D(2023, 6, 26), "66/TTra-KN", "")]),
    ("reflection", D(2023, 6, 19), "Phản ánh cuộc gọi giả danh công an", "", "huyện Châu Phú",
     [("withdraw", D(2023, 6, 22), "", "Người phản ánh rút đơn")]),
    ("denunciation", D(2024, 2, 26), "Tố cáo việc đăng tải thông tin trên báo và đài truyền hình tỉnh",
     "Đài Phát thanh - Truyền hình tỉnh và Báo An Giang", "TP. Long Xuyên",
     [("accept", D(2024, 3, 4), "", ""), ("resolve", D(2024, 3, 29), "28/KL-TTra", "")]),
    ("complaint", D(2024, 1, 15), "Khiếu nại biên bản vi phạm hành chính về viễn thông", "Đoàn kiểm tra",
     "huyện An Phú", [("accept", D(2024, 1, 22), "", ""), ("resolve", D(2024, 2, 20), "08/QĐ-TTra", "")]),
    ("reflection", D(2024, 2, 2), "Phản ánh tài khoản Facebook mạo danh cơ quan nhà nước", "", "TP. Long Xuyên",
     [("transfer", D(2024, 2, 6), "15/TTra-CĐ", "Chuyển Công an tỉnh xử lý theo thẩm quyền")]),
    ("reflection", D(2024, 3, 12), "Phản ánh lừa đảo qua mạng mua bán hàng", "", "huyện Châu Phú",
     [("accept", D(2024, 3, 15), "", ""), ("resolve", D(2024, 4, 5), "39/TTra-KN", "")]),
    ("recommendation", D(2024, 4, 1), "Kiến nghị gỡ bỏ bài viết sai sự thật", "", "huyện An Phú",
     [("accept", D(2024, 4, 5), "", ""), ("resolve", D(2024, 4, 26), "47/TTra-KN", "")]),
    ("reflection", D(2024, 4, 22), "Phản ánh tin nhắn lừa đảo trúng thưởng", "", "TP. Long Xuyên",
     [("accept", D(2024, 4, 25), "", ""), ("resolve", D(2024, 5, 16), "58/TTra-KN", "")]),
    ("recommendation", D(2024, 5, 13), "Kiến nghị xử lý điểm kinh doanh SIM kích hoạt sẵn", "", "huyện Châu Phú",
     [("accept", D(2024, 5, 17), "", ""), ("resolve", D(2024, 6, 14), "71/TTra-KN", "")]),
    ("reflection", D(2024, 6, 10), "Phản ánh trang web giả mạo ngân hàng", "", "TP. Long Xuyên",
     [("transfer", D(2024, 6, 12), "76/TTra-CĐ", "Chuyển Công an tỉnh xử lý theo thẩm quyền")]),
]  # fmt: skip
RECEPTIONS = [
    (D(2024, 1, 18), "TP. Long Xuyên", "reflection", "Phản ánh thông tin sai sự thật trên mạng xã hội", "guided"),
    (D(2024, 2, 26), "TP. Long Xuyên", "denunciation", "Tố cáo việc đăng tải thông tin của báo, đài", "petition"),
    (D(2024, 3, 21), "huyện An Phú", "reflection", "Phản ánh bị lừa đảo qua mạng", "guided"),
    (D(2024, 5, 9), "huyện Châu Phú", "recommendation", "Kiến nghị xử lý tài khoản lừa đảo", "transferred"),
    (D(2024, 6, 20), "huyện Châu Phú", "reflection", "Phản ánh tin nhắn giả mạo ngân hàng", "answered"),
]


def _letter(actor, notation: str, on: dt.date, summary: str) -> Document:
    number, symbol = notation.split("/", 1)
    found = Document.objects.filter(number=int(number), symbol=symbol, date__year=on.year).first()
    return found or register_document(
        actor=actor, notation=notation, direction="out", doc_type="qd" if "QĐ" in symbol else "cv", date=on,
        issuing_agency=actor.agency, summary=summary,
    )  # fmt: skip


def _petition(actor, officer, agency, kind, received, title, respondent, locality, **extra) -> Petition:
    return petitions.create(
        actor=officer, kind=kind, received_on=received, channel=extra.pop("channel", "post"), title=title,
        summary=title + ".", respondent=respondent, locality=locality, handling_agency=agency, assignee=officer,
        head=actor, petitioner_name=extra.pop("name", "Nguyễn Văn An"), petitioner_phone="0912345678",
        petitioner_address=f"{locality}, tỉnh An Giang", **extra,
    )  # fmt: skip


def load(stdout) -> None:
    if Petition.objects.exists():
        return
    head, officer = User.objects.get(username="lanhdao"), User.objects.get(username="thanhtra")
    agency = officer.agency
    police = Agency.objects.filter(code="CAT-ANM").first() or agency
    for kind, received, title, respondent, locality, steps in PAST:
        petition = _petition(head, officer, agency, kind, received, title, respondent, locality)
        for action, on, notation, reason in steps:
            letter = _letter(head, notation, on, f"{title} — {petition.code}") if notation else None
            take_step(petition, action, actor=head, on=on, reason=reason, letter=letter, agency=police)
    for received, locality, kind, topic, outcome in RECEPTIONS:
        receptions.create(
            actor=officer, received_on=received, citizen_name="Trần Thị Bình", citizen_phone="0987654321",
            citizen_address=f"{locality}, tỉnh An Giang", locality=locality, kind=kind, topic=topic, outcome=outcome,
            agency=agency, officer=officer,
        )  # fmt: skip
    now = today()
    fresh = _petition(head, officer, agency, "complaint", now - dt.timedelta(days=2), "Khiếu nại quyết định xử phạt "
                      "vi phạm quy định về SIM", "Chánh Thanh tra Sở", "phường Long Xuyên")  # fmt: skip
    late = _petition(head, officer, agency, "reflection", now - dt.timedelta(days=30), "Phản ánh cuộc gọi rác quấy "
                     "rối kéo dài", "", "phường Châu Đốc", channel="portal")  # fmt: skip
    denounced = _petition(head, officer, agency, "denunciation", now - dt.timedelta(days=20), "Tố cáo cơ sở kinh "
                          "doanh SIM kích hoạt sẵn", "Cửa hàng điện thoại X", "xã An Phú")  # fmt: skip
    take_step(denounced, "accept", actor=head, on=now - dt.timedelta(days=14))
    extend_petition(denounced, actor=head, days=30, reason="Vụ việc phức tạp, phải xác minh ở nhiều nơi",
                    letter=_letter(head, "91/QĐ-TTra", now, "Gia hạn giải quyết tố cáo"))  # fmt: skip
    _petition(head, officer, agency, "denunciation", now - dt.timedelta(days=1), "Thông tin tố cáo không rõ người "
              "gửi về website cờ bạc", "Website cá cược", "", anonymous=True, name="", channel="email")  # fmt: skip
    from canhgiac.petitions.steps import flag_overdue_petitions

    flag_overdue_petitions()
    count = Petition.objects.count()
    stdout.write(f"Đơn thư: {count} đơn mẫu (gồm {fresh.code}, {late.code}); sổ tiếp công dân: {len(RECEPTIONS)} lượt.")
