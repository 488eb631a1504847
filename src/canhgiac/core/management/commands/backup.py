from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from canhgiac.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu vào một tệp .tar.gz kèm bản kê mã băm."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, help="Tệp sao lưu (mặc định var/backups/canhgiac_<thời điểm>.tar.gz)")

    def handle(self, *args, **options):
        from django.conf import settings

        stamp = f"{timezone.localtime():%Y-%m-%d_%H%M%S}"
        out = options["out"] or Path(settings.VAR_DIR) / "backups" / f"canhgiac_{stamp}.tar.gz"
        try:
            manifest = backup(out)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = f"{sum(manifest['tables'].values()):,}".replace(",", ".")
        tables, files = len(manifest["tables"]), len(manifest["files"])
        self.stdout.write(f"Đã sao lưu vào {out}: {tables} bảng, {rows} dòng, {files} tệp.")
        if manifest.get("object_store"):
            self.stdout.write(
                f"Tệp đính kèm nằm trên kho lưu trữ đối tượng (bucket “{manifest['object_store']}”), không có trong "
                "bản sao lưu này: hãy sao lưu bucket bằng công cụ của kho (bật lưu phiên bản)."
            )
