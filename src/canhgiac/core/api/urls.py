def register(router) -> None:
    """Register the core records' API viewsets on the project router."""
    from canhgiac.core.api import views

    router.register("agencies", views.AgencyViewSet)
    router.register("users", views.UserViewSet)
    router.register("documents", views.DocumentViewSet)
