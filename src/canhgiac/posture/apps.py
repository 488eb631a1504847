from canhgiac.core.registry import CapabilityConfig, NavEntry


class PostureConfig(CapabilityConfig):
    default = True
    name = "canhgiac.posture"
    verbose_name = "Hiện trạng an toàn thông tin"
    url_prefix = "posture/"
    nav = (
        NavEntry("Hệ thống thông tin", "posture:informationsystem_list", 70),
        NavEntry("Máy tính (phòng chống mã độc)", "posture:endpoint_list", 72),
        NavEntry("Tỷ lệ máy tính được bảo vệ", "posture:coverage", 73),
    )
    api_routes = "canhgiac.posture.api.register"
    demo_loader = "canhgiac.posture.demo.load"
    demo_order = 60
    figures = "canhgiac.posture.figures.FIGURES"

    def ready(self):
        from canhgiac.posture import imports  # noqa: F401  (registers the systems and endpoints import kinds)
