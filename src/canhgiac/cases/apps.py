from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "canhgiac.cases"
    label = "cases"
    verbose_name = "Vụ việc"

    def ready(self):
        from canhgiac.cases import imports  # noqa: F401  (registers the cases import kind)
