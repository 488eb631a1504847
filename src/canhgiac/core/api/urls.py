def register(router) -> None:
    """Register the core records' API viewsets on the project router."""
    from canhgiac.core.agencykinds import AgencyKindViewSet
    from canhgiac.core.api import figures, search, views, workflow

    router.register("agencies", views.AgencyViewSet)
    router.register("agency-kinds", AgencyKindViewSet)
    router.register("users", views.UserViewSet)
    router.register("documents", views.DocumentViewSet)
    router.register("notifications", workflow.NotificationViewSet)
    router.register("deadlines", workflow.DeadlineViewSet)
    router.register("deadline-rules", workflow.DeadlineRuleViewSet)
    router.register("holidays", workflow.HolidayViewSet)
    router.register("figures", figures.FigureViewSet, basename="figure")
    router.register("search", search.SearchViewSet, basename="search")
