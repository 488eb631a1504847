from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và các tệp từ một tệp sao lưu của 'canhgiac backup' (kiểm tra mã băm trước)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Tệp .tar.gz do 'canhgiac backup' tạo")
        parser.add_argument("--force", action="store_true", help="Thay cả cơ sở dữ liệu đang có hồ sơ")

    def handle(self, *args, **options):
        try:
            manifest = restore(options["archive"], force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {manifest['created']}: {len(manifest['tables'])} bảng, "
            f"{len(manifest['files']) - 1} tệp đính kèm; số dòng mọi bảng khớp bản kê."
        )
