"""``canhgiac report figures|build``: the figures catalogue and the consolidated report from the command line."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canhgiac.core import reporttypes


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Ngày “{text}” không hợp lệ: viết theo dạng YYYY-MM-DD, ví dụ 2023-06-30.") from None


class Command(BaseCommand):
    help = "Báo cáo: in các chỉ số của một kỳ (figures) hoặc lập báo cáo tổng hợp ra tệp Word/PDF (build)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name, text in (("figures", "In giá trị mọi chỉ số trong danh mục"), ("build", "Lập báo cáo tổng hợp")):
            p = sub.add_parser(name, help=text)
            dates = name == "figures"  # a build from a round takes the round's period
            p.add_argument("--from", dest="start", required=dates, help="Ngày đầu kỳ, YYYY-MM-DD")
            p.add_argument("--to", dest="end", required=dates, help="Ngày cuối kỳ, YYYY-MM-DD")
            p.add_argument("--agency", default="", help="Ký hiệu cơ quan (mặc định: toàn tỉnh / cơ quan chủ trì)")
        figures = sub.choices["figures"]
        figures.add_argument("--json", action="store_true", help="In JSON {khoá: giá trị}")
        build = sub.choices["build"]
        build.add_argument("--type", default="", help="Loại báo cáo (mặc định: báo cáo định kỳ)")
        build.add_argument(
            "--round",
            type=int,
            default=None,
            help="Số đợt báo cáo: lập báo cáo theo loại, kỳ của đợt và các phần đã nộp (không cần --from, --to)",
        )
        build.add_argument("--out", type=Path, required=True, help="Tệp .docx ghi ra")
        build.add_argument("--pdf", action="store_true", help="Ghi thêm tệp PDF cạnh tệp .docx (cần LibreOffice)")
        build.add_argument("--place", default="", help="Địa danh ở dòng ngày tháng")

    def handle(self, *args, **opts):
        from canhgiac.core.figures import Window

        if opts["action"] == "build" and opts["round"] is not None:
            return self.build_round(opts)
        if not (opts["start"] and opts["end"]):
            raise CommandError("Cần --from và --to (kỳ báo cáo), hoặc --round SỐ_ĐỢT để lập báo cáo của một đợt.")
        start, end = _date(opts["start"]), _date(opts["end"])
        try:
            window = Window(start, end)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        agency = self._agency(opts["agency"])
        if opts["action"] == "figures":
            return self.figures(window, agency, opts["json"])
        return self.build(window, agency, opts)

    def _agency(self, code: str):
        from canhgiac.core.models import Agency

        if not code:
            return None
        agency = Agency.objects.filter(code__iexact=code).first()
        if agency is None:
            known = ", ".join(Agency.objects.order_by("code").values_list("code", flat=True)[:30])
            known = known or "(chưa có cơ quan nào)"
            raise CommandError(f"Không có cơ quan có ký hiệu “{code}”. Các ký hiệu: {known}.")
        return agency

    def figures(self, window, agency, as_json: bool) -> None:
        from canhgiac.core.figures import catalogue, compute, unit_text
        from canhgiac.reports.numbers import value_text

        values = compute(window, agency=agency)
        if as_json:
            # Decimals (a percentage) as JSON numbers: 70.93, not "70.93".
            self.stdout.write(json.dumps(values, ensure_ascii=False, indent=2, default=float))
            return
        every = catalogue()
        for key, value in values.items():
            figure = every[key]
            self.stdout.write(f"{key}\t{figure.label}\t{value_text(value, figure.unit, unit_text(figure))}")

    def build_round(self, opts) -> None:
        from canhgiac.core.figures import Window
        from canhgiac.reports.consolidate import round_parts
        from canhgiac.rounds.models import ReportRound

        if opts["start"] or opts["end"] or opts["type"]:
            raise CommandError("Với --round, loại và kỳ báo cáo lấy theo đợt: bỏ --from, --to, --type.")
        rnd = ReportRound.objects.filter(pk=opts["round"]).first()
        if rnd is None:
            known = ", ".join(str(pk) for pk in ReportRound.objects.order_by("-pk").values_list("pk", flat=True)[:20])
            raise CommandError(f"Không có đợt báo cáo số {opts['round']}. Các đợt: {known or '(chưa có đợt nào)'}.")
        opts = {**opts, "type": rnd.report_type}
        self.stdout.write(f"Đợt báo cáo: {rnd} ({rnd.period_text}).")
        self.build(Window(rnd.period_start, rnd.period_end), self._agency(opts["agency"]), opts, round_parts(rnd))

    def build(self, window, agency, opts, parts=None) -> None:
        from canhgiac.core.models import Agency
        from canhgiac.reports.charts import report_charts
        from canhgiac.reports.context import ReportInput, build_report_context
        from canhgiac.reports.render import PdfError, render_docx, to_pdf
        from canhgiac.reports.services import current_template
        from canhgiac.reports.types import DEFAULT_TYPE

        type_key = opts["type"] or DEFAULT_TYPE
        try:
            reporttypes.get(type_key)
        except reporttypes.UnknownReportType as exc:
            known = ", ".join(t.key for t in reporttypes.all_types())
            raise CommandError(f"{exc} Các loại: {known}.") from None
        # The author: the agency named, else the provincial authority (the first authority agency without a parent
        # authority). Figures are the province's when the author is an authority, else the author's own.
        authorities = Agency.objects.filter(kind="authority").exclude(parent__kind="authority")
        author = agency or authorities.order_by("pk").first()
        data = ReportInput(
            type_key=type_key,
            window=window,
            agency_name=author.name if author else "",
            agency_code=author.code if author else "",
            parent_name=author.parent.name if author and author.parent_id else "",
            place=opts["place"],
            parts=parts or [],
            scope_agency=agency if agency is not None and agency.kind != "authority" else None,
        )
        context = build_report_context(data)
        for note in context["notes"]:
            self.stderr.write(f"Lưu ý: {note}")
        version, template = current_template(type_key)
        content = render_docx(context, template, report_charts(context))
        out: Path = opts["out"]
        if out.parent and not out.parent.exists():
            raise CommandError(f"Không có thư mục {out.parent}.")
        out.write_bytes(content)
        self.stdout.write(f"Đã ghi {out} ({len(content) / 1024:.1f} KB, mẫu phiên bản {version}).")
        if opts["pdf"]:
            try:
                pdf = to_pdf(content)
            except PdfError as exc:
                raise CommandError(str(exc)) from None
            target = out.with_suffix(".pdf")
            target.write_bytes(pdf)
            self.stdout.write(f"Đã ghi {target} ({len(pdf) / 1024:.1f} KB).")
