"""``canhgiac intake import --source 5656 --file F.csv [--user NAME] [--all-or-nothing]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.intake.imports import KINDS


class Command(BaseCommand):
    help = "Tiếp nhận phản ánh: nhập tệp xuất của hệ thống 5656/156 quốc gia."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("import", help="Nhập tệp CSV/XLSX xuất từ hệ thống 5656 (tin nhắn) hoặc 156 (cuộc gọi)")
        p.add_argument("--source", choices=sorted(KINDS), required=True)
        p.add_argument("--file", type=Path, required=True)
        p.add_argument("--user", default="", help="Tên đăng nhập người nhập (mặc định: cán bộ trực phản ánh)")
        p.add_argument("--all-or-nothing", action="store_true", help="Có dòng lỗi thì không nhập dòng nào")

    def handle(self, *args, **opts):
        from canhgiac.core.imports.runner import import_now
        from canhgiac.core.models import User
        from canhgiac.core.services import ServiceError
        from canhgiac.intake.services import duty_officer

        user = User.objects.filter(username=opts["user"], is_active=True).first() if opts["user"] else duty_officer()
        if user is None:
            raise CommandError(f"Không có người dùng “{opts['user']}” đang hoạt động (dùng --user).")
        mode = "all" if opts["all_or_nothing"] else "skip"
        try:
            job = import_now(KINDS[opts["source"]], opts["file"], actor=user, mode=mode)
        except ServiceError as exc:
            raise CommandError(str(exc)) from exc
        for error in job.errors:
            where = "tệp" if error.get("row") is None else f"dòng {error['row']}"
            column = f", cột '{error['column']}'" if error.get("column") else ""
            self.stderr.write(f"Lỗi {where}{column}: {error.get('message')}")
        if job.status == "failed":
            raise CommandError(f"Không nhập được tệp {opts['file']} (lượt nhập #{job.pk}).")
        self.stdout.write(
            f"{job.total_rows} dòng: nhập {job.created_count} phản ánh, "
            f"bỏ qua {job.error_count} (trùng {job.counts.get('duplicates', 0)})."
        )
