"""The app registry, in NetBox's manner: each capability app declares, in its ``AppConfig``, what it adds to the
whole — navigation entries, dashboard panels, panels on other records' pages, URL and API routes, demo loaders and
scheduled jobs — and the project assembles what is registered. ``core`` never imports an app.

An app's config subclasses :class:`CapabilityConfig` and fills the class attributes; dotted paths are imported
only when used, so declaring costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    order: int = 100
    query: str = ""  # "?status=open": the list opens already filtered


@dataclass(frozen=True)
class Panel:
    """A block of a page: ``template`` rendered with what ``context(request[, obj])`` (a dotted path) returns.

    On the dashboard ``context`` takes the request; on another record's page (``model`` = "app_label.model") it
    takes the request and the record. It returns None to leave the panel out for this user or record."""

    template: str
    context: str
    order: int = 100
    model: str = ""


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    task: str
    seconds: float
    kwargs: dict = field(default_factory=dict)


class CapabilityConfig(AppConfig):
    """Base of every capability app's config; see the module's docstring. Each subclass sets ``default = True``
    (its module imports this class too, so Django must be told which config is the app's)."""

    default = False

    url_prefix: str = ""  # "cases/": the app's ``urls`` module is included there
    nav: tuple[NavEntry, ...] = ()
    dashboard_panels: tuple[Panel, ...] = ()
    related_panels: tuple[Panel, ...] = ()
    api_routes: str = ""  # dotted path of ``register(router)``
    demo_loader: str = ""  # dotted path of ``load(stdout)``, safe to run again
    demo_order: int = 100
    scheduled_jobs: tuple[ScheduledJob, ...] = ()
    figures: str = ""  # dotted path of the app's list of report figures (see ``core.figures``)
    search: str = ""  # dotted path of the app's list of global search sections (see ``core.globalsearch``)


def capabilities() -> Iterator[CapabilityConfig]:
    for config in apps.get_app_configs():
        if isinstance(config, CapabilityConfig):
            yield config


def nav_entries() -> list[NavEntry]:
    return sorted((entry for c in capabilities() for entry in c.nav), key=lambda e: e.order)


def _rendered(panels, *args) -> list[dict]:
    """Each panel with its context, in order; those whose context is None are left out."""
    result = []
    for panel in sorted(panels, key=lambda p: p.order):
        context = import_string(panel.context)(*args)
        if context is not None:
            result.append({"template": panel.template, "context": context})
    return result


def dashboard_panels(request) -> list[dict]:
    return _rendered([p for c in capabilities() for p in c.dashboard_panels], request)


def related_panels(request, obj) -> list[dict]:
    label = obj._meta.label_lower
    return _rendered([p for c in capabilities() for p in c.related_panels if p.model == label], request, obj)


def url_patterns() -> list:
    from django.urls import include, path

    return [path(c.url_prefix, include(f"{c.name}.urls")) for c in capabilities() if c.url_prefix]


def register_api_routes(router) -> None:
    for config in capabilities():
        if config.api_routes:
            import_string(config.api_routes)(router)


def demo_loaders() -> list:
    return [import_string(c.demo_loader) for c in sorted(capabilities(), key=lambda c: c.demo_order) if c.demo_loader]


def beat_schedule() -> dict:
    return {
        job.name: {"task": job.task, "schedule": job.seconds, "kwargs": job.kwargs}
        for config in capabilities()
        for job in config.scheduled_jobs
    }
