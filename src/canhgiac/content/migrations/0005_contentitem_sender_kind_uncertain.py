from django.db import migrations, models

SENDER_KINDS = [
    ("brandname", "Tên thương hiệu đã đăng ký"),
    ("shortcode", "Đầu số ngắn"),
    ("personal", "Số cá nhân"),
    ("unknown", "Không rõ"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_triage_base"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentitem",
            name="sender_kind",
            field=models.CharField(
                blank=True,
                choices=SENDER_KINDS,
                max_length=10,
                null=True,
                verbose_name="loại người gửi",
            ),
        ),
        migrations.AddField(
            model_name="contentitem",
            name="uncertain",
            field=models.BooleanField(db_index=True, default=False, verbose_name="chưa chắc chắn"),
        ),
        migrations.AddField(
            model_name="historicalcontentitem",
            name="sender_kind",
            field=models.CharField(
                blank=True,
                choices=SENDER_KINDS,
                max_length=10,
                null=True,
                verbose_name="loại người gửi",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontentitem",
            name="uncertain",
            field=models.BooleanField(db_index=True, default=False, verbose_name="chưa chắc chắn"),
        ),
    ]
