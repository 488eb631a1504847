def register(router) -> None:
    """Register the core records' API viewsets on the project router."""
    from canhgiac.core.api import figures, views, workflow

    router.register("agencies", views.AgencyViewSet)
    router.register("users", views.UserViewSet)
    router.register("documents", views.DocumentViewSet)
    router.register("notifications", workflow.NotificationViewSet)
    router.register("deadlines", workflow.DeadlineViewSet)
    router.register("deadline-rules", workflow.DeadlineRuleViewSet)
    router.register("holidays", workflow.HolidayViewSet)
    router.register("figures", figures.FigureViewSet, basename="figure")
