from canhgiac.core.registry import CapabilityConfig, NavEntry, ScheduledJob


class WebwatchConfig(CapabilityConfig):
    default = True
    name = "canhgiac.webwatch"
    label = "webwatch"
    figures = "canhgiac.webwatch.figures.FIGURES"
    search = "canhgiac.webwatch.filtersets.SEARCH"
    verbose_name = "Giám sát website"
    url_prefix = "webwatch/"
    nav = (NavEntry("Giám sát website", "webwatch:site_list", 60),)
    api_routes = "canhgiac.webwatch.api.urls.register"
    demo_loader = "canhgiac.webwatch.demo.load"
    demo_order = 20
    # Each site has its own schedule (nightly by default); this finds the sites that are due and queues their scans.
    scheduled_jobs = (ScheduledJob("webwatch-scan-due-sites", "canhgiac.webwatch.tasks.scan_due_sites", 900.0),)
