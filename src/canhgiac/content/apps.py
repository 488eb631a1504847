from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "canhgiac.content"
    label = "content"
    verbose_name = "Phân loại nội dung"

    def ready(self):
        from canhgiac.content import imports  # noqa: F401  (registers the content import kind)
