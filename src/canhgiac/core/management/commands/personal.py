import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from canhgiac.core import personal
from canhgiac.core.kit import ServiceError
from canhgiac.core.models import User


class Command(BaseCommand):
    help = (
        "Dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân: xuất mọi dữ liệu đang lưu về một người, xoá (có ghi lý do "
        "và nhật ký), xoá khi hết thời hạn lưu giữ."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Xuất mọi hồ sơ có dữ liệu của một người (JSON)")
        export.add_argument("value", help="Họ tên, số điện thoại, thư điện tử hoặc địa chỉ")
        export.add_argument("--user", required=True, help="Tên đăng nhập của người thực hiện")
        export.add_argument("--out", type=Path, help="Tệp JSON (mặc định: in ra màn hình)")
        erase = sub.add_parser("erase", help="Xoá dữ liệu của một người khỏi các hồ sơ đã kết thúc")
        erase.add_argument("value")
        erase.add_argument("--user", required=True)
        erase.add_argument("--reason", required=True, help="Lý do (ví dụ: yêu cầu của chủ thể dữ liệu ngày …)")
        retention = sub.add_parser("retention", help="Xoá dữ liệu cá nhân của hồ sơ đã kết thúc quá thời hạn lưu giữ")
        retention.add_argument("--user", required=True)
        retention.add_argument("--days", type=int, default=settings.PERSONAL_DATA_RETENTION_DAYS)
        retention.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xoá")

    def handle(self, *args, **options):
        actor = User.objects.filter(username=options["user"], is_active=True).first()
        if actor is None:
            raise CommandError(f"Không có người dùng đang hoạt động tên '{options['user']}'.")
        try:
            if options["action"] == "export":
                data = personal.export_person(actor, options["value"])
                text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
                if options["out"]:
                    options["out"].write_text(text, encoding="utf-8")
                    options["out"].chmod(0o600)
                    self.stdout.write(f"Đã xuất {len(data['records'])} hồ sơ vào {options['out']}.")
                else:
                    self.stdout.write(text)
                return
            if options["action"] == "erase":
                result = personal.erase_person(actor, options["value"], reason=options["reason"])
            else:
                if options["days"] <= 0:
                    raise CommandError("Thời hạn lưu giữ phải là số ngày dương.")
                result = personal.apply_retention(actor, days=options["days"], dry_run=options["dry_run"])
        except (ServiceError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        verb = "Sẽ xoá" if options.get("dry_run") else "Đã xoá"
        self.stdout.write(f"{verb} dữ liệu cá nhân trong {len(result['erased'])} hồ sơ.")
        for item in result["kept"]:
            self.stdout.write(f"Giữ lại {item['record']}: {item['why']}.")
