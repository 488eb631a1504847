from canhgiac.core.registry import CapabilityConfig, NavEntry


class OutreachConfig(CapabilityConfig):
    default = True
    name = "canhgiac.outreach"
    verbose_name = "Tuyên truyền"
    url_prefix = "outreach/"
    nav = (NavEntry("Tuyên truyền", "outreach:activity_list", 65),)
    api_routes = "canhgiac.outreach.api.register"
    demo_loader = "canhgiac.outreach.demo.load"
    demo_order = 120
    figures = "canhgiac.outreach.figures.FIGURES"

    def ready(self):
        from canhgiac.outreach import imports  # noqa: F401  (registers the outreach import kind)
