from django.apps import AppConfig


class WebwatchConfig(AppConfig):
    name = "canhgiac.webwatch"
    label = "webwatch"
    verbose_name = "Giám sát website"
