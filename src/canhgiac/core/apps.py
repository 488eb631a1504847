from canhgiac.core.registry import CapabilityConfig, NavEntry, Panel, ScheduledJob


class CoreConfig(CapabilityConfig):
    default = True
    name = "canhgiac.core"
    label = "core"
    figures = "canhgiac.core.figure_sets.FIGURES"
    search = "canhgiac.core.globalsearch.CORE_SECTIONS"
    verbose_name = "Nền tảng"
    nav = (
        NavEntry("Văn bản", "core:document_list", 40),
        NavEntry("Cơ quan", "core:agency_list", 50),
        NavEntry("Loại cơ quan", "core:agencykind_list", 51),
        NavEntry("Thời hạn", "core:deadline_list", 45, "?status=open"),
        NavEntry("Số liệu", "core:figures", 70),
    )
    dashboard_panels = (Panel("core/panels/deadlines.html", "canhgiac.core.context_processors.always", 25),)
    api_routes = "canhgiac.core.api.urls.register"
    # Reminders before and after each open deadline's limit; each is sent once however often this runs.
    scheduled_jobs = (ScheduledJob("core-deadline-reminders", "canhgiac.core.tasks.raise_deadline_reminders", 3600.0),)

    def ready(self):
        # Scheduled jobs are declared by the apps; Celery beat reads them from here (loaded before it starts).
        from django.conf import settings
        from django.db.backends.signals import connection_created

        from canhgiac.celery import app
        from canhgiac.core import registry
        from canhgiac.core.imports import agencykinds  # noqa: F401  (registers its import kind)
        from canhgiac.core.link_rows import name_link_rows
        from canhgiac.core.search import register_sqlite_fold
        from canhgiac.core.signals_db import private_sqlite_files

        name_link_rows()
        connection_created.connect(private_sqlite_files, dispatch_uid="canhgiac-private-sqlite")
        connection_created.connect(register_sqlite_fold, dispatch_uid="canhgiac-sqlite-fold")
        app.conf.beat_schedule = {**getattr(settings, "CELERY_BEAT_SCHEDULE", {}), **registry.beat_schedule()}
