from canhgiac.core.registry import CapabilityConfig, NavEntry


class UnitsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.units"
    verbose_name = "Đơn vị hành chính"
    url_prefix = "units/"
    nav = (NavEntry("Đơn vị hành chính", "units:administrativeunit_list", 55),)
    api_routes = "canhgiac.units.api.register"
    demo_loader = "canhgiac.units.services.load_demo"

    def ready(self):
        from canhgiac.units import services  # noqa: F401  (registers the units import kind)
