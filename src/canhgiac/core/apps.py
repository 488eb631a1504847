from canhgiac.core.registry import CapabilityConfig, NavEntry


class CoreConfig(CapabilityConfig):
    default = True
    name = "canhgiac.core"
    label = "core"
    verbose_name = "Nền tảng"
    nav = (NavEntry("Văn bản", "core:document_list", 40), NavEntry("Cơ quan", "core:agency_list", 50))
    api_routes = "canhgiac.core.api.urls.register"

    def ready(self):
        # Scheduled jobs are declared by the apps; Celery beat reads them from here (loaded before it starts).
        from django.conf import settings

        from canhgiac.celery import app
        from canhgiac.core import registry

        app.conf.beat_schedule = {**getattr(settings, "CELERY_BEAT_SCHEDULE", {}), **registry.beat_schedule()}
