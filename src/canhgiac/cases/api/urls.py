def register(router) -> None:
    """Register this app's API viewsets on the project router."""
    from canhgiac.cases.api import views

    router.register("cases", views.CaseViewSet)
    router.register("indicators", views.IndicatorViewSet)
    router.register("evidence", views.EvidenceViewSet)
