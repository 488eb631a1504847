"""`canhgiac load_demo`: demo agencies, users, letters and cases. Safe to run again: nothing is duplicated."""

import datetime as dt
import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from canhgiac.core.choices import AgencyKindChoices as K
from canhgiac.core.choices import DocumentDirectionChoices as D
from canhgiac.core.choices import RoleChoices as R
from canhgiac.core.models import Agency, Document, User

DEMO_PASSWORD = "canhgiac-demo-2026"
AGENCIES = [
    ("STTTT", "Sở Thông tin và Truyền thông (demo)", K.AUTHORITY, None),
    ("STTTT-TTra", "Thanh tra Sở Thông tin và Truyền thông (demo)", K.AUTHORITY, "STTTT"),
    (
        "CAT-ANM",
        "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh (demo)",
        K.POLICE,
        None,
    ),
    ("VIETTEL", "Viettel chi nhánh tỉnh (demo)", K.CARRIER, None),
    ("VNPT", "VNPT tỉnh (VinaPhone) (demo)", K.CARRIER, None),
    ("MOBIFONE", "MobiFone tỉnh (demo)", K.CARRIER, None),
    ("UBND-CL", "UBND huyện Can Lộc (demo)", K.DISTRICT, None),
    ("SCT", "Sở Công Thương (demo)", K.DEPARTMENT, None),
    ("BAO", "Báo tỉnh (demo)", K.PRESS, None),
]
USERS = [
    ("quantri", "Quản trị", R.ADMINISTRATOR, "STTTT"),
    ("lanhdao", "Lãnh đạo Sở", R.LEADER, "STTTT"),
    ("thanhtra", "Thanh tra viên", R.INSPECTOR, "STTTT-TTra"),
    ("chuyenvien", "Chuyên viên", R.OFFICER, "STTTT"),
    ("congan", "Cán bộ Công an", R.POLICE_LIAISON, "CAT-ANM"),
    ("viettel", "Cán bộ Viettel", R.CARRIER_OPERATOR, "VIETTEL"),
    ("canloc", "Cán bộ huyện Can Lộc", R.DISTRICT_OFFICER, "UBND-CL"),
    ("xem", "Người xem", R.VIEWER, "STTTT"),
]
LETTERS = [
    (
        "386/CAT-ANM",
        D.INCOMING,
        "2023-02-17",
        "CAT-ANM",
        ["STTTT"],
        "Đề nghị khoá 02 chiều các số thuê bao có dấu hiệu lừa đảo",
    ),
    ("2719/CAT-ANM", D.INCOMING, "2023-08-10", "CAT-ANM", ["STTTT"], "Đề nghị xác minh thông tin tên miền new88.com"),
    (
        "205/STTTT-TTra",
        D.OUTGOING,
        "2023-02-20",
        "STTTT",
        ["VIETTEL", "VNPT", "MOBIFONE"],
        "Yêu cầu doanh nghiệp viễn thông khoá thuê bao theo đề nghị của Công an tỉnh",
    ),
    (
        "/BC-STTTT",
        D.OUTGOING,
        "2024-12-15",
        "STTTT",
        [],
        "Báo cáo kết quả công tác phòng, chống tội phạm năm 2024 (dự thảo)",
    ),
]
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


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo trùng)."

    @transaction.atomic
    def handle(self, *args, **options):
        from canhgiac.cases.models import Case
        from canhgiac.cases.services import create_case
        from canhgiac.core.services import register_document

        agencies = {}
        for code, name, kind, parent in AGENCIES:
            agencies[code], _ = Agency.objects.get_or_create(
                code=code, defaults={"name": name, "kind": kind, "parent": agencies.get(parent)}
            )
        for username, full_name, role, agency in USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": full_name, "role": role, "agency": agencies[agency]}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == R.ADMINISTRATOR
                user.is_superuser = role == R.ADMINISTRATOR
                user.save()
        actor = User.objects.get(username="chuyenvien")
        letters = {}
        for notation, direction, date, issuer, receivers, summary in LETTERS:
            existing = Document.objects.filter(summary=summary).first()
            letters[notation] = existing or register_document(
                actor=actor,
                notation=notation,
                direction=direction,
                date=dt.date.fromisoformat(date),
                issuing_agency=agencies[issuer],
                receiving_agencies=[agencies[r] for r in receivers],
                summary=summary,
            )
        created_cases = 0
        for title, category, source, date, damage, lead, district, indicators, case_letters in CASES:
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
                district=agencies.get(district),
                indicators=indicators,
                letters=[letters[n] for n in case_letters],
                addressed_agencies=[agencies["VIETTEL"]] if any(k == "phone" for k, _ in indicators) else [],
            )
            created_cases += 1
        from canhgiac.core import demo_workflow

        demo_workflow.load(self.stdout)
        for app in ("webwatch", "content"):
            # Each capability app may ship a ``demo.load(stdout)`` that is safe to run again.
            try:
                demo = importlib.import_module(f"canhgiac.{app}.demo")
            except ModuleNotFoundError:
                continue
            demo.load(self.stdout)
        self.stdout.write(
            f"Dữ liệu mẫu: {len(AGENCIES)} cơ quan, {len(USERS)} người dùng, {created_cases} vụ việc mới."
        )
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, _full_name, role, agency in USERS:
            note = " — bắt buộc bật xác thực hai lớp ở lần đăng nhập đầu" if role == R.ADMINISTRATOR else ""
            self.stdout.write(f"  {username:<11} {R(role).label} ({agency}){note}")
