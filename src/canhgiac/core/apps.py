from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "canhgiac.core"
    label = "core"
    verbose_name = "Nền tảng"
