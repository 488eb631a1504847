from canhgiac.core.registry import CapabilityConfig, NavEntry, Panel


class CasesConfig(CapabilityConfig):
    default = True
    name = "canhgiac.cases"
    label = "cases"
    figures = "canhgiac.cases.figures.FIGURES"
    search = "canhgiac.cases.search.SECTIONS"
    verbose_name = "Vụ việc"
    url_prefix = "cases/"
    nav = (
        NavEntry("Vụ việc", "cases:case_list", 10),
        NavEntry("Dấu hiệu", "cases:indicator_list", 20),
        NavEntry("Chứng cứ", "cases:evidence_list", 30),
    )
    dashboard_panels = (
        Panel("cases/panels/counts.html", "canhgiac.cases.panels.counts", 10),
        Panel("cases/panels/breakdown.html", "canhgiac.cases.panels.breakdown", 20),
        Panel("cases/panels/mine.html", "canhgiac.cases.panels.mine", 30),
        Panel("cases/panels/recent.html", "canhgiac.cases.panels.recent", 90),
    )
    related_panels = (
        Panel("cases/panels/related_cases.html", "canhgiac.cases.panels.letter_cases", 10, "core.document"),
        Panel("cases/panels/related_cases.html", "canhgiac.cases.panels.agency_cases", 10, "core.agency"),
    )
    api_routes = "canhgiac.cases.api.urls.register"
    demo_loader = "canhgiac.cases.demo.load"
    demo_order = 10

    def ready(self):
        from canhgiac.cases import imports  # noqa: F401  (registers the cases import kind)
