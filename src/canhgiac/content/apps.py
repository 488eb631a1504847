from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "canhgiac.content"
    label = "content"
    verbose_name = "Phân loại nội dung"
