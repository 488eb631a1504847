from canhgiac.intake.api.public import register_public
from canhgiac.intake.api.views import ReportViewSet, ScamWarningViewSet


def register(router) -> None:
    router.register("intake/reports", ReportViewSet, basename="intakereport")
    router.register("intake/warnings", ScamWarningViewSet)
    register_public(router)
