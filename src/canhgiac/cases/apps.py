from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "canhgiac.cases"
    label = "cases"
    verbose_name = "Vụ việc"
