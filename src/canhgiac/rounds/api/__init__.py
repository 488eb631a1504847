def register(router) -> None:
    """Register this app's API viewsets on the project router."""
    from canhgiac.rounds.api import views

    router.register("rounds", views.RoundViewSet)
    router.register("contributions", views.ContributionViewSet)
