"""The intake's time limits as data in the shared rule table (an administrator amends them when the law changes)."""

import datetime as dt

from django.db import migrations

RULES = [
    {
        "key": "intake_process",
        "label": "Xử lý, phân loại phản ánh của người dân",
        "citation": "Thông tư 05/2021/TT-TTCP (quy trình xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh)",
        "days": 10,
        "working_days": True,
        "effective_from": dt.date(2021, 11, 15),
        "remind_days_before": 2,
        "unverified": True,
        "note": "Thời hạn 10 ngày xử lý đơn theo thực tiễn áp dụng Thông tư 05/2021/TT-TTCP — CHƯA đối chiếu văn bản "
        "gốc; Nghị định 154/2026/NĐ-CP (Điều 14–15) không quy định thời hạn cho kiến nghị, phản ánh.",
    },
    {
        "key": "intake_reply",
        "label": "Trả lời người phản ánh sau khi đã lập hồ sơ vụ việc",
        "citation": "Quy chế nội bộ của cơ quan (không có thời hạn luật định)",
        "days": 30,
        "working_days": False,
        "effective_from": dt.date(2021, 11, 15),
        "remind_days_before": 5,
        "unverified": True,
        "note": "Thời hạn nội bộ; cơ quan tự quy định và có thể sửa.",
    },
]


def add_rules(apps, schema_editor):
    rule = apps.get_model("core", "DeadlineRule")
    for row in RULES:
        data = dict(row)
        rule.objects.get_or_create(key=data.pop("key"), effective_from=data.pop("effective_from"), defaults=data)


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial"), ("core", "0006_security_events")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
