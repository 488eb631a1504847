from canhgiac.core import registry


def navigation(request) -> dict:
    """The navigation entries the apps registered, for the page header."""
    return {"nav_entries": registry.nav_entries()} if getattr(request, "user", None) else {}


def always(request) -> dict:
    """Context of a dashboard panel whose template loads what it shows itself."""
    return {}
