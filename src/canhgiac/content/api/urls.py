def register(router) -> None:
    """Register this app's API viewsets on the project router."""
