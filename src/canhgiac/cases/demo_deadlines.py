"""Demo deadlines, a status change and the reminders they raise, so `make run` shows the panels and the bell.
Safe to run again: nothing is added when the demo deadlines exist."""

import datetime as dt

from canhgiac.cases.models import Case
from canhgiac.cases.services import transition_case
from canhgiac.core.deadlines import attach_deadline, remind_deadlines, today
from canhgiac.core.models import Deadline, User
from canhgiac.core.workdays import WorkCalendar

# (case title, rule key or "", working days before today to start from, label and days ahead for a manual one,
#  responsible user)
DEMO_DEADLINES = [
    ("Giả danh công an gọi điện yêu cầu chuyển tiền", "violation_record", 6, "", 0, "thanhtra"),
    ("Website cá độ bóng đá new88", "sanction_decision", 5, "", 0, "thanhtra"),
    (
        "Quảng cáo vay nóng qua tin nhắn SMS",
        "",
        0,
        "Trả lời Công văn của Công an tỉnh về thuê bao quảng cáo",
        2,
        "chuyenvien",
    ),
    ("Quảng cáo vay nóng qua tin nhắn SMS", "subscriber_one_way", 0, "", 0, "chuyenvien"),
    ("Trang giả mạo Cổng dịch vụ công", "", 0, "Báo cáo kết quả xác minh tên miền giả mạo", -3, "chuyenvien"),
]


def load(stdout) -> None:
    if Deadline.objects.exists():
        return
    actor = User.objects.get(username="lanhdao")
    calendar = WorkCalendar.load()
    now = today()
    added = 0
    for title, rule, back, label, ahead, responsible in DEMO_DEADLINES:
        case = Case.objects.filter(title=title).first()
        if case is None:
            continue
        start = now
        for _ in range(back):
            start = start - dt.timedelta(days=1)
            while not calendar.is_working_day(start):
                start -= dt.timedelta(days=1)
        due = now + dt.timedelta(days=ahead) if label else None
        start = min(start, due) if due else start
        attach_deadline(
            case,
            rule,
            actor=actor,
            start=start,
            due_date=due,
            label=label,
            responsible=User.objects.get(username=responsible),
        )
        added += 1
    case = Case.objects.filter(title="Website cá độ bóng đá new88", status="received").first()
    if case is not None:
        transition_case(
            case,
            "verifying",
            actor=User.objects.get(username="thanhtra"),
            reason="Đề nghị Công an tỉnh xác minh chủ sở hữu tên miền theo Công văn 2719/CAT-ANM",
        )
    sent = remind_deadlines()
    stdout.write(f"Thời hạn mẫu: {added}; nhắc hạn đã gửi: {sent['soon']} sắp đến hạn, {sent['overdue']} quá hạn.")
