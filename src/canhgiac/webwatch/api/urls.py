def register(router) -> None:
    """Register this app's API viewsets on the project router."""
    from canhgiac.webwatch.api import views

    router.register("webwatch/sites", views.SiteViewSet, basename="webwatch-site")
    router.register("webwatch/runs", views.ScanRunViewSet, basename="webwatch-run")
    router.register("webwatch/findings", views.FindingViewSet, basename="webwatch-finding")
