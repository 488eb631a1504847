from canhgiac.core import registry


def navigation(request) -> dict:
    """The navigation entries the apps registered that the user may open, for the page header."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    if not user.is_authenticated:  # the login page and the public portal (its own URLs): nothing to check
        return {"nav_entries": registry.nav_entries()}
    return {"nav_entries": [entry for entry in registry.nav_entries() if _may_open(user, entry.url_name)]}


def _may_open(user, url_name: str) -> bool:
    from django.urls import NoReverseMatch

    from canhgiac.core.views.generic import may_open

    try:
        return may_open(user, url_name)
    except NoReverseMatch:  # a host with its own URLs (the public portal) has no staff pages
        return False


def always(request) -> dict:
    """Context of a dashboard panel whose template loads what it shows itself."""
    return {}
