from canhgiac.core import registry


def navigation(request) -> dict:
    """The navigation entries the apps registered that the user may open, for the page header."""
    from canhgiac.core.views.generic import may_open  # views import this module's neighbours: not at load time

    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_entries": [entry for entry in registry.nav_entries() if may_open(user, entry.url_name)]}


def always(request) -> dict:
    """Context of a dashboard panel whose template loads what it shows itself."""
    return {}
