"""Demo outreach activities, written through the service (modelled on the 2024 reports of the seeds)."""

import datetime as dt

from canhgiac.core.models import Agency, User
from canhgiac.outreach.models import Activity, Topic
from canhgiac.outreach.services import activities
from canhgiac.units.models import AdministrativeUnit

D = dt.date
ACTIVITIES = [
    # (agency code, fields)
    ("STTTT", dict(kind="tv", date=D(2024, 1, 1), period_end=D(2024, 6, 30), title="Chuyển đổi số và Truyền thông",
                   channel="tv", partner="Đài Phát thanh và Truyền hình tỉnh", audience="citizens", quantity=2,
                   topics=["fraud"])),
    ("STTTT", dict(kind="leaflet", date=D(2024, 3, 15),
                   title="Phòng ngừa thủ đoạn tội phạm lừa đảo trên không gian mạng", channel="print",
                   audience="citizens", quantity=40000, topics=["fraud"])),
    ("STTTT", dict(kind="training", date=D(2024, 4, 10), title="Tập huấn phòng ngừa vi phạm pháp luật và tội phạm "
                   "trên mạng Internet cho người dân", channel="in_person", audience="citizens", quantity=2,
                   participants=180, topics=["fraud", "law"])),
    ("STTTT", dict(kind="training", date=D(2024, 5, 20), title="Tập huấn an toàn, an ninh mạng cho cán bộ chuyên "
                   "trách CNTT", channel="in_person", audience="it_staff", quantity=12, participants=360,
                   topics=["cybersecurity"])),
    ("STTTT", dict(kind="class", date=D(2024, 6, 5), title="Nâng cao nhận thức, kỹ năng chuyển đổi số, an toàn "
                   "thông tin mạng", channel="in_person", audience="citizens_businesses", quantity=17,
                   participants=1200, topics=["digital_skills", "cybersecurity"])),
    ("STTTT", dict(kind="radio", date=D(2024, 7, 1), title="Bảo đảm an toàn thông tin khi dùng mạng xã hội, mạng "
                   "viễn thông", channel="commune_radio", audience="citizens", quantity=2, topics=["cybersecurity"])),
    ("STTTT", dict(kind="contest", date=D(2024, 9, 1), period_end=D(2024, 10, 31),
                   title="Cuộc thi trực tuyến nâng cao nhận thức về an toàn thông tin trên không gian mạng năm 2024",
                   channel="online", audience="everyone", quantity=1, participating_units=1072, entries=62846,
                   topics=["cybersecurity"])),
    ("STTTT", dict(kind="gameshow", date=D(2024, 10, 15), title="Nhận diện lừa đảo trên không gian mạng",
                   channel="tv", partner="Đài Phát thanh và Truyền hình tỉnh; Công an tỉnh", audience="everyone",
                   quantity=1, participating_units=14, topics=["fraud"])),
    ("STTTT", dict(kind="sms", date=D(2024, 11, 1), title="Cảnh giác cuộc gọi giả danh công an yêu cầu cập nhật "
                   "định danh điện tử", channel="sms", partner="Các doanh nghiệp viễn thông", audience="citizens",
                   quantity=250000, topics=["fraud"])),
    ("STTTT", dict(kind="leaflet", date=D(2026, 3, 10), title="Cảnh giác cuộc gọi giả danh cơ quan nhà nước (2026)",
                   channel="print", audience="citizens", quantity=12000, topics=["fraud"], communes="42")),
    ("BAO", dict(kind="article", date=D(2024, 2, 17), title="Lừa đảo “chạy án”, một đối tượng bị phạt 12 năm tù",
                 channel="online_press", outlet="Báo tỉnh", audience="everyone", topics=["fraud"])),
    ("BAO", dict(kind="article", date=D(2024, 1, 1), period_end=D(2024, 12, 31),
                 title="Tin, bài phổ biến, giáo dục pháp luật về an ninh, trật tự", channel="online_press",
                 outlet="Báo tỉnh", audience="everyone", quantity=500, topics=["law", "security_order"])),
]  # fmt: skip


def load(stdout) -> None:
    actor = User.objects.filter(username="chuyenvien").first()
    agencies = {a.code: a for a in Agency.objects.filter(code__in={code for code, _ in ACTIVITIES})}
    topics = {t.code: t for t in Topic.objects.all()}
    new = 0
    for code, fields in ACTIVITIES:
        if actor is None or code not in agencies or Activity.objects.filter(title=fields["title"]).exists():
            continue
        data = {**fields, "topics": [topics[t] for t in fields.get("topics", ()) if t in topics]}
        if "communes" in fields:  # the first communes of a province in force on that day (units loaded first)
            units = AdministrativeUnit.objects.on(fields["date"]).filter(parent__code=fields["communes"])
            data["communes"] = list(units.order_by("code")[:10])
        activities.create(actor=actor, agency=agencies[code], reason="Dữ liệu mẫu", **data)
        new += 1
    stdout.write(f"Tuyên truyền: {new} hoạt động mới.")
