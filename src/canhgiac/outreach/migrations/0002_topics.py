from django.db import migrations

TOPICS = [
    ("fraud", "Lừa đảo trực tuyến"),
    ("false_info", "Thông tin sai sự thật, tin giả"),
    ("gambling", "Cờ bạc, cá độ trực tuyến"),
    ("cybersecurity", "An toàn thông tin mạng"),
    ("personal_data", "Bảo vệ dữ liệu cá nhân"),
    ("digital_skills", "Kỹ năng số, chuyển đổi số"),
    ("spam", "Tin nhắn rác, cuộc gọi rác"),
    ("law", "Phổ biến, giáo dục pháp luật"),
    ("security_order", "An ninh, trật tự"),
    ("offensive", "Nội dung xấu độc"),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("outreach", "Topic")
    for code, name in TOPICS:
        Topic.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
