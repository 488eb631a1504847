"""`canhgiac load_demo`: demo agencies, users, letters and cases. Safe to run again: nothing is duplicated."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction

from canhgiac.core.choices import AgencyKindCodes as K
from canhgiac.core.choices import DocumentDirectionChoices as D
from canhgiac.core.choices import RoleChoices as R
from canhgiac.core.models import Agency, Document, User

DEMO_PASSWORD = "canhgiac-demo-2026"
# A merged province (Hưng Yên after its merger with Thái Bình on 1 July 2025). Codes are kept stable: other apps'
# demo data name agencies by code ("STTTT", "STTTT-TTra", "UBND-CL" are identifiers of earlier demo data, not names).
PROVINCE = "Hưng Yên"
AGENCIES = [
    ("UBND-HY", f"Ủy ban nhân dân tỉnh {PROVINCE} (demo)", K.OTHER, None),
    ("STTTT", f"Sở Khoa học và Công nghệ tỉnh {PROVINCE} (demo)", K.AUTHORITY, "UBND-HY"),
    ("STTTT-TTra", "Bộ phận thanh tra, kiểm tra chuyên ngành, Sở Khoa học và Công nghệ (demo)", K.AUTHORITY, "STTTT"),
    ("CAT-HY", f"Công an tỉnh {PROVINCE} (demo)", K.POLICE, None),
    ("CAT-ANM", "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (demo)", K.POLICE, "CAT-HY"),
    ("VIETTEL", f"Viettel {PROVINCE} – Chi nhánh Tập đoàn Công nghiệp – Viễn thông Quân đội (demo)", K.CARRIER, None),
    ("VNPT", f"VNPT {PROVINCE} (VinaPhone) (demo)", K.CARRIER, None),
    ("MOBIFONE", f"MobiFone {PROVINCE} (demo)", K.CARRIER, None),
    ("UBND-CL", "UBND phường Phố Hiến (demo)", K.COMMUNE, None),
    ("UBND-NQ", "UBND xã Như Quỳnh (demo)", K.COMMUNE, None),
    ("SVHTTDL", f"Sở Văn hóa, Thể thao và Du lịch tỉnh {PROVINCE} (demo)", K.DEPARTMENT, "UBND-HY"),
    ("SCT", f"Sở Công Thương tỉnh {PROVINCE} (demo)", K.DEPARTMENT, "UBND-HY"),
    ("QLTT", f"Chi cục Quản lý thị trường tỉnh {PROVINCE} (demo)", K.DEPARTMENT, "SCT"),
    ("HQ", f"Hải quan khu vực quản lý địa bàn tỉnh {PROVINCE} (demo)", K.OTHER, None),
    ("BAO", f"Báo và Phát thanh, Truyền hình {PROVINCE} (demo)", K.PRESS, None),
]
USERS = [
    ("quantri", "Quản trị", R.ADMINISTRATOR, "STTTT"),
    ("lanhdao", "Lãnh đạo Sở", R.LEADER, "STTTT"),
    ("thanhtra", "Thanh tra viên", R.INSPECTOR, "STTTT-TTra"),
    ("chuyenvien", "Chuyên viên", R.OFFICER, "STTTT"),
    ("congan", "Cán bộ Công an", R.POLICE_LIAISON, "CAT-ANM"),
    ("viettel", "Cán bộ Viettel", R.CARRIER_OPERATOR, "VIETTEL"),
    ("canloc", "Cán bộ UBND phường Phố Hiến", R.DISTRICT_OFFICER, "UBND-CL"),
    ("nhuquynh", "Cán bộ UBND xã Như Quỳnh", R.DISTRICT_OFFICER, "UBND-NQ"),
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


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo trùng)."

    @transaction.atomic
    def handle(self, *args, **options):
        from canhgiac.core import registry
        from canhgiac.core.services import agencies as agency_service
        from canhgiac.core.services import register_document

        # The administrator first (without an agency yet): every record below is written by a person, through its
        # service, and shows in the change log as such.
        admin_name, admin_full, _role, _agency = USERS[0]
        admin, created = User.objects.get_or_create(
            username=admin_name,
            defaults={"first_name": admin_full, "role": R.ADMINISTRATOR, "is_staff": True, "is_superuser": True},
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        agencies = {}
        for code, name, kind, parent in AGENCIES:
            wanted = {"name": name, "kind": kind, "parent": agencies.get(parent)}
            agency = Agency.objects.filter(code=code).first()
            if agency is None:
                agency = agency_service.create(actor=admin, code=code, **wanted)
            elif any(getattr(agency, k) != v for k, v in wanted.items()):  # demo data of an earlier version
                agency = agency_service.update(agency, actor=admin, reason="Dữ liệu mẫu: tỉnh sau sáp nhập", **wanted)
            agencies[code] = agency
        for username, full_name, role, agency in USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": full_name, "role": role, "agency": agencies[agency]}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == R.ADMINISTRATOR
                user.is_superuser = role == R.ADMINISTRATOR
                user.save()
            elif user.agency_id is None:
                user.agency = agencies[agency]
                user.save(update_fields=["agency"])
        actor = User.objects.get(username="chuyenvien")
        for notation, direction, date, issuer, receivers, summary in LETTERS:
            if not Document.objects.filter(summary=summary).exists():
                register_document(
                    actor=actor,
                    notation=notation,
                    direction=direction,
                    date=dt.date.fromisoformat(date),
                    issuing_agency=agencies[issuer],
                    receiving_agencies=[agencies[r] for r in receivers],
                    summary=summary,
                )
        for load in registry.demo_loaders():
            # Each capability app's ``demo.load(stdout)``, safe to run again.
            load(self.stdout)
        self.stdout.write(f"Dữ liệu mẫu: {len(AGENCIES)} cơ quan, {len(USERS)} người dùng, {len(LETTERS)} văn bản.")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, _full_name, role, agency in USERS:
            note = " — bắt buộc bật xác thực hai lớp ở lần đăng nhập đầu" if role == R.ADMINISTRATOR else ""
            self.stdout.write(f"  {username:<11} {R(role).label} ({agency}){note}")
