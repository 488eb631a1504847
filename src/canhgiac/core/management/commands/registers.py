"""``canhgiac registers kinds|sample|import``: every registered import kind from the command line, through the one
import framework (the same job, runner, row errors and templates as the upload pages)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.core.imports.kinds import ImportFileError, ImportModeChoices, RowError, all_kinds, get_kind


def _kind(name: str):
    try:
        return get_kind(name)
    except ImportFileError as exc:
        names = ", ".join(k.name for k in all_kinds())
        raise CommandError(f"{exc} Các loại dữ liệu nhập: {names}.") from None


class Command(BaseCommand):
    help = "Sổ dữ liệu: liệt kê các loại dữ liệu nhập, ghi tệp mẫu, nhập tệp XLSX/CSV (tất cả hoặc không dòng nào)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("kinds", help="Các loại dữ liệu nhập và các cột của từng loại")
        p = sub.add_parser("sample", help="Ghi tệp mẫu (các cột và dòng ví dụ) của một loại")
        p.add_argument("kind")
        p.add_argument("--out", type=Path, required=True, help="Tệp .xlsx hoặc .csv")
        p = sub.add_parser("import", help="Nhập một tệp: mặc định một dòng lỗi thì không lưu dòng nào")
        p.add_argument("kind")
        p.add_argument("--file", type=Path, required=True)
        p.add_argument("--skip-bad-rows", action="store_true", help="Bỏ qua dòng lỗi, nhập các dòng còn lại")
        p.add_argument("--user", default=None, help="Tên đăng nhập của người nhập (mặc định: quản trị duy nhất)")

    def handle(self, *args, **opts):
        action = {"kinds": self.kinds, "sample": self.sample, "import": self.import_}[opts["action"]]
        return action(opts)

    def kinds(self, opts):
        for kind in all_kinds():
            modes = ", ".join(ImportModeChoices(m).label.lower() for m in kind.modes)
            self.stdout.write(f"{kind.name} — {kind.label} (tệp {', '.join(kind.formats)}; {modes})")
            for c in kind.columns:
                aliases = f" [hoặc: {', '.join(c.aliases)}]" if c.aliases else ""
                need = "bắt buộc" if c.required else "không bắt buộc"
                self.stdout.write(f"  - {c.label} ({need}){aliases}{': ' + c.help if c.help else ''}")

    def sample(self, opts):
        from canhgiac.core.imports.templates import template

        kind, out = _kind(opts["kind"]), opts["out"]
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            raise CommandError(f"“{out}”: tệp mẫu chỉ có dạng .xlsx hoặc .csv.")
        content, _type, _name = template(kind, fmt)
        try:
            out.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {out}: {exc.strerror}.") from exc
        rows = 1 + len(kind.sample_rows)
        self.stdout.write(f"Đã ghi tệp mẫu “{kind.label}”: {out} ({len(kind.columns)} cột, {rows} dòng ví dụ).")

    def _user(self, username):
        from canhgiac.core.models import User

        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(f"Không có người dùng “{username}” đang hoạt động.")
            return user
        admins = list(User.objects.filter(is_superuser=True, is_active=True)[:2])
        if len(admins) != 1:
            raise CommandError("Hãy chỉ rõ người nhập bằng --user TÊN_ĐĂNG_NHẬP (ghi vào nhật ký thay đổi).")
        return admins[0]

    def import_(self, opts):
        from canhgiac.core.imports.runner import import_now
        from canhgiac.core.services import ServiceError

        kind, path = _kind(opts["kind"]), opts["file"]
        mode = ImportModeChoices.SKIP_BAD_ROWS if opts["skip_bad_rows"] else ImportModeChoices.ALL_OR_NOTHING
        if mode not in kind.modes:
            hint = " (thêm --skip-bad-rows)" if ImportModeChoices.SKIP_BAD_ROWS in kind.modes else ""
            raise CommandError(f"Dữ liệu “{kind.label}” không nhập theo cách “{mode.label.lower()}”{hint}.")
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            job = import_now(kind.name, path, actor=self._user(opts["user"]), mode=mode)
        except ServiceError as exc:
            raise CommandError(str(exc)) from exc
        for error in job.errors:
            text = str(RowError(error.get("row"), error.get("column", ""), error.get("message", "")))
            self.stderr.write(("Cảnh báo " if error.get("warning") else "Lỗi ") + text)
        if job.status != "done":
            stored = "không dòng nào được lưu" if mode == ImportModeChoices.ALL_OR_NOTHING else "nhập không thành công"
            failed = f"{job.error_count} dòng lỗi, {stored}" if job.error_count else stored
            raise CommandError(f"Không nhập được tệp {path}: {failed} (lượt nhập #{job.pk}).")
        skipped = f", bỏ qua {job.error_count} dòng lỗi" if job.error_count else ""
        counts = "".join(f", {label.lower()}: {job.counts.get(key, 0)}" for key, label in kind.count_labels)
        self.stdout.write(f"Đã nhập {job.created_count} {kind.created_label} từ {path}{skipped}{counts} "
                          f"(lượt nhập #{job.pk}).")  # fmt: skip
