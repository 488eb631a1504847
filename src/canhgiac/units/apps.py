from canhgiac.core.registry import CapabilityConfig, NavEntry


class UnitsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.units"
    verbose_name = "Đơn vị hành chính"
    url_prefix = "units/"
    nav = (
        NavEntry("Đơn vị hành chính", "units:administrativeunit_list", 55),
        NavEntry("Đài truyền thanh cơ sở", "units:radiostation_list", 56),
        NavEntry("Số cán bộ", "units:staffcount_list", 57),
    )
    api_routes = "canhgiac.units.api.register"
    demo_loader = "canhgiac.units.services.load_demo"
    demo_order = 5  # before the cases: the agencies get their "địa bàn" here
    figures = "canhgiac.units.figures.FIGURES"

    def ready(self):
        from canhgiac.units import services  # noqa: F401  (registers the import kinds)
