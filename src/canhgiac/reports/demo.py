"""Demo: the consolidated report of the demo report round (the parts received; the late and returned ones named as
missing), or, without a round, a draft periodic report of the last full half-year; both ready to preview."""

import datetime as dt

from django.utils import timezone

from canhgiac.core.models import Agency, User
from canhgiac.reports.consolidate import report_from_round
from canhgiac.reports.models import Report
from canhgiac.reports.services import create_report, edit_narrative
from canhgiac.rounds.models import ReportRound


def last_half_year(today: dt.date) -> tuple[dt.date, dt.date]:
    if today.month > 6:
        return dt.date(today.year, 1, 1), dt.date(today.year, 6, 30)
    return dt.date(today.year - 1, 7, 1), dt.date(today.year - 1, 12, 31)


def load(stdout) -> None:
    author = Agency.objects.filter(kind="authority").exclude(parent__kind="authority").order_by("pk").first()
    writer = (
        User.objects.filter(agency=author, is_active=True, role__in=["officer", "leader", "administrator"])
        .order_by("role")
        .first()
    )
    if author is None or writer is None:
        stdout.write("Báo cáo: chưa có cơ quan chủ trì và cán bộ của nó, bỏ qua.")
        return
    rnd = ReportRound.objects.order_by("-period_end", "-id").first()
    if rnd is not None:
        if rnd.reports.exists():
            stdout.write(f"Báo cáo: đợt “{rnd}” đã có báo cáo tổng hợp, không tạo thêm.")
            return
        report, _ = report_from_round(rnd, actor=writer)
        report = edit_narrative(report, narrative(author), actor=writer)
        stdout.write(f"Báo cáo: dự thảo tổng hợp từ đợt “{rnd}” (#{report.pk}) tại /reports/{report.pk}/.")
        return
    if Report.objects.exists():
        stdout.write("Báo cáo: đã có, không tạo thêm.")
        return
    start, end = last_half_year(timezone.localdate())
    report = create_report(
        actor=writer, report_type="periodic", period_start=start, period_end=end, narrative=narrative(author)
    )
    stdout.write(f"Báo cáo: dự thảo “{report.title}” (#{report.pk}) tại /reports/{report.pk}/.")


def narrative(author) -> dict[str, str]:
    return {
        "intro": f"{author.name} tổng hợp kết quả công tác phối hợp phòng, chống tội phạm trong lĩnh vực "
        "thông tin và truyền thông của các cơ quan, đơn vị trên địa bàn tỉnh như sau:",
        "tasks": "Tiếp tục phối hợp chặt chẽ với Công an tỉnh và các doanh nghiệp viễn thông.\n\n"
        "Đẩy mạnh tuyên truyền về các thủ đoạn lừa đảo trên không gian mạng.",
    }
