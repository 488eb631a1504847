from canhgiac.core.registry import CapabilityConfig, NavEntry


class SecopsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.secops"
    verbose_name = "Vận hành an toàn thông tin"
    url_prefix = "secops/"
    nav = (
        NavEntry("Cảnh báo SOC", "secops:alert_list", 74),
        NavEntry("Sự cố an toàn thông tin", "secops:incident_list", 75),
        NavEntry("Cảnh báo gửi cơ quan", "secops:securitywarning_list", 76),
        NavEntry("Ánh xạ địa chỉ – cơ quan", "secops:agencynetwork_list", 77),
    )
    api_routes = "canhgiac.secops.api.register"
    demo_loader = "canhgiac.secops.demo.load"
    demo_order = 61
    figures = "canhgiac.secops.figures.FIGURES"

    def ready(self):
        from canhgiac.secops import imports  # noqa: F401  (registers the soc-alerts import kind)
