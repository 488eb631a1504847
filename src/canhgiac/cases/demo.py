"""Demo cases for ``canhgiac load_demo`` (registered in ``CasesConfig.demo_loader``), written through the service."""

import datetime as dt

from canhgiac.cases import demo_deadlines
from canhgiac.cases.models import Case
from canhgiac.cases.services import create_case
from canhgiac.core.letters import parse_letter_number
from canhgiac.core.models import Agency, Document, User

CASES = [
    (
        "Giả danh công an gọi điện yêu cầu chuyển tiền",
        "fraud",
        "citizen",
        "2024-03-04",
        25_850_000,
        "CAT-ANM",
        "UBND-CL",
        [("phone", "0912 345 678"), ("bank_account", "VCB:0071000012345")],
        ["386/CAT-ANM"],
    ),
    (
        "Website cá độ bóng đá new88",
        "gambling",
        "police",
        "2024-04-11",
        None,
        "STTTT",
        None,
        [("domain", "new88.com"), ("url", "https://new88.com/khuyen-mai")],
        ["2719/CAT-ANM"],
    ),
    (
        "Quảng cáo vay nóng qua tin nhắn SMS",
        "loan_shark",
        "carrier",
        "2024-05-20",
        None,
        "STTTT",
        None,
        [("phone", "0387 654 321")],
        [],
    ),
    (
        "Trang giả mạo Cổng dịch vụ công",
        "fraud",
        "webwatch",
        "2024-06-02",
        120_000_000,
        "STTTT",
        None,
        [("domain", "dichvucong-gov.top"), ("ip", "103.97.125.10")],
        [],
    ),
    (
        "Tài khoản Facebook đăng tin sai sự thật về dịch bệnh",
        "false_info",
        "press",
        "2024-06-15",
        None,
        "STTTT",
        None,
        [("social", "https://www.facebook.com/profile.php?id=100012345678")],
        [],
    ),
    (
        "Cuộc gọi đe doạ đòi nợ",
        "harassment",
        "hotline",
        "2024-07-01",
        None,
        "UBND-CL",
        "UBND-CL",
        [("phone", "0862 111 222")],
        [],
    ),
    (
        "Rao bán dữ liệu cá nhân trên Telegram",
        "personal_data",
        "police",
        "2024-07-19",
        None,
        "CAT-ANM",
        None,
        [("social", "https://t.me/data_khachhang_vn"), ("email", "bandata@example.com")],
        [],
    ),
    (
        "Thiết bị phát sóng chưa hợp quy tại cửa hàng điện thoại",
        "uncertified_equipment",
        "inspection",
        "2024-08-08",
        None,
        "STTTT-TTra",
        "UBND-CL",
        [("imei", "490154203237518")],
        [],
    ),
]


def _letter(notation: str) -> Document:
    parsed = parse_letter_number(notation)
    return Document.objects.get(number=parsed.number, year=parsed.year, symbol=parsed.symbol)


def load(stdout) -> None:
    actor = User.objects.get(username="chuyenvien")
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    created = 0
    for title, category, source, date, damage, lead, commune, indicators, case_letters in CASES:
        if Case.objects.filter(title=title).exists():
            continue
        create_case(
            actor=actor,
            title=title,
            category=category,
            source=source,
            received_on=dt.date.fromisoformat(date),
            damage_vnd=damage,
            lead_agency=agencies[lead],
            locality=agencies[commune].unit if commune in agencies else None,  # the commune agency's unit
            indicators=indicators,
            letters=[_letter(n) for n in case_letters],
            addressed_agencies=[agencies["VIETTEL"]] if any(k == "phone" for k, _ in indicators) else [],
        )
        created += 1
    stdout.write(f"Vụ việc mẫu: {created} vụ việc mới.")
    demo_deadlines.load(stdout)  # deadlines on the demo cases, a status change and the reminders they raise
