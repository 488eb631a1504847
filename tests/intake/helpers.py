from canhgiac.intake.services import reports


def staff_report(world, *, role="inspector", phones="0912 345 678", **extra):
    data = {
        "channel": "email",
        "report_type": "scam_call",
        "content": "Người dân phản ánh cuộc gọi giả danh ngân hàng.",
        "reporter_name": "Trần Thị Bình",
        "reporter_phone": "0987000111",
        "reporter_email": "binh@example.com",
        "consent": True,
        "phones": phones,
    }
    data.update(extra)
    return reports.create(actor=world.user(role), **data)
