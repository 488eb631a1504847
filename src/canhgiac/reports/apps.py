from canhgiac.core.registry import CapabilityConfig, NavEntry, Panel


class ReportsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.reports"
    label = "reports"
    verbose_name = "Báo cáo tổng hợp"
    url_prefix = "reports/"
    nav = (NavEntry("Báo cáo", "reports:report_list", 80), NavEntry("Mẫu báo cáo", "reports:template_list", 81))
    related_panels = (
        Panel("reports/panels/round_reports.html", "canhgiac.reports.panels.round_reports", 10, "rounds.reportround"),
    )
    api_routes = "canhgiac.reports.api.register"
    demo_loader = "canhgiac.reports.demo.load"
    demo_order = 200  # after the records the report counts

    def ready(self):
        from canhgiac.reports import types  # noqa: F401  (registers the shipped report types)
