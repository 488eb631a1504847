"""``canhgiac content train|retrain|classify``: the content classifier from the command line."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.content import datasets as ds
from canhgiac.content.ingest import InputError, RowError, read_labels, read_texts
from canhgiac.content.model import MODEL_DIR, MODEL_FILE, ContentModel, get_classifier

CHUNK = 2000


class Command(BaseCommand):
    help = "Phân loại nội dung: huấn luyện, huấn luyện lại với nhãn của người duyệt, phân loại tệp CSV/JSONL."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name in ("train", "retrain"):
            p = sub.add_parser(name, help="Huấn luyện mô hình từ dữ liệu công khai" if name == "train" else
                               "Huấn luyện lại, thêm nhãn đã được người duyệt xác nhận")  # fmt: skip
            p.add_argument("--out", type=Path, default=MODEL_DIR / MODEL_FILE, help="Nơi ghi tệp mô hình")
            p.add_argument("--seed", type=int, default=0)
            p.add_argument("--data", type=Path, default=None, help="Thư mục dữ liệu chung (mặc định ../shared/data)")
            p.add_argument("--no-eval", action="store_true", help="Không đo chất lượng sau khi huấn luyện")
            if name == "retrain":
                p.add_argument(
                    "--labels", type=Path, default=None, help="CSV có cột text,label (thêm vào nhãn đã duyệt)"
                )
                p.add_argument("--no-db", action="store_true", help="Không lấy nhãn đã duyệt trong cơ sở dữ liệu")
        p = sub.add_parser("ingest", help="Nhập tệp .csv/.jsonl của công cụ theo dõi mạng xã hội vào hàng đợi duyệt")
        p.add_argument("--input", type=Path, required=True)
        p.add_argument("--user", required=True, help="Tên đăng nhập của người nhập (ghi vào nhật ký thay đổi)")
        p = sub.add_parser("classify", help="Phân loại văn bản trong tệp .csv hoặc .jsonl")
        p.add_argument("--input", type=Path, required=True)
        p.add_argument("--text-column", default=None)
        p.add_argument("--json", action="store_true", help="Xuất JSON")
        p.add_argument("--model", type=Path, default=None, help="Tệp mô hình khác mô hình đi kèm")

    def handle(self, *args, **opts):
        if opts["action"] == "classify":
            return self.classify(opts)
        if opts["action"] == "ingest":
            return self.ingest(opts)
        return self.train(opts)

    def ingest(self, opts):
        from canhgiac.content.services import ingest_items
        from canhgiac.core.models import User
        from canhgiac.core.services import ServiceError

        user = User.objects.filter(username=opts["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{opts['user']}” đang hoạt động.")
        if not opts["input"].is_file():
            raise CommandError(f"Không có tệp {opts['input']}.")
        try:
            job = ingest_items(opts["input"], actor=user)
        except ServiceError as exc:
            raise CommandError(str(exc)) from exc
        for error in job.errors:
            prefix = "Cảnh báo" if error.get("warning") else "Lỗi"
            where = "tệp" if error.get("row") is None else f"dòng {error['row']}"
            column = f", trường '{error['column']}'" if error.get("column") else ""
            self.stderr.write(f"{prefix} {where}{column}: {error.get('message')}")
        if job.status == "failed":
            raise CommandError(f"Không nhập được tệp {opts['input']} (lượt nhập #{job.pk}).")
        duplicates = job.counts.get("duplicates", 0)
        self.stdout.write(
            f"{job.total_rows} dòng: lưu {job.created_count}, trùng {duplicates}, "
            f"lỗi {job.error_count - duplicates}, cần duyệt {job.counts.get('flagged', 0)}."
        )

    def _print_errors(self, errors: list[RowError]) -> None:
        for err in errors:
            prefix = "Lỗi" if err.skipped else "Cảnh báo"
            self.stderr.write(f"{prefix} {err}")

    def train(self, opts):
        from canhgiac.content.evaluate import format_metrics
        from canhgiac.content.training import Sources, train

        sources = Sources(root=opts["data"])
        if opts["action"] == "retrain":
            sources.reviewer_labels = self.reviewer_labels(opts)
        try:
            model, metrics = train(sources, seed=opts["seed"], evaluate=not opts["no_eval"], log=self.stdout.write)
        except ds.DataMissing as exc:
            raise CommandError(str(exc)) from exc
        path = model.save(opts["out"])
        get_classifier.cache_clear()
        if metrics:
            self.stdout.write(format_metrics(metrics))
        self.stdout.write(f"Đã ghi mô hình: {path} ({path.stat().st_size / 1e6:.1f} MB)")

    def reviewer_labels(self, opts) -> list[tuple[str, str]]:
        """Labels confirmed or corrected in the review queue, plus those of ``--labels FILE``."""
        from canhgiac.content.services import reviewer_labels

        pairs = [] if opts["no_db"] else reviewer_labels()
        self.stdout.write(f"Nhãn đã duyệt trong hệ thống: {len(pairs)}.")
        if opts["labels"]:
            try:
                from_file, errors = read_labels(opts["labels"])
            except InputError as exc:
                raise CommandError(str(exc)) from exc
            self._print_errors(errors)
            self.stdout.write(f"Nhãn trong tệp: {len(from_file)} dòng dùng được, {len(errors)} dòng lỗi.")
            pairs += from_file
        if not pairs:
            raise CommandError("Không có nhãn nào của người duyệt để huấn luyện lại.")
        return pairs

    def classify(self, opts):
        try:
            rows, errors = read_texts(opts["input"], opts["text_column"])
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        model = ContentModel.load(opts["model"]) if opts["model"] else get_classifier()
        results = []
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            for row, pred in zip(chunk, model.classify([r.text for r in chunk]), strict=True):
                results.append({"row": row.row, "label_vi": ds.LABEL_NAMES_VI[pred.label], **pred.to_dict()})
        if opts["json"]:
            out = {"results": results, "errors": [vars(e) for e in errors]}
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            self._print_errors(errors)
            for r in results:
                score = r["scores"][r["label"]]
                cues = ", ".join(r["cues"])
                self.stdout.write(f"{r['row']:>6}  {r['label_vi']:<24} {score:6.1%}  {cues}")
            self.stdout.write(f"Đã phân loại {len(results)} văn bản; {sum(e.skipped for e in errors)} dòng lỗi.")
        if not results:
            raise CommandError("Không phân loại được văn bản nào trong tệp.")
