from canhgiac.content.api.views import ContentClassifyViewSet, ContentItemViewSet


def register(router) -> None:
    """Register this app's API viewsets on the project router."""
    router.register("content/items", ContentItemViewSet)
    router.register("content", ContentClassifyViewSet, basename="content")
