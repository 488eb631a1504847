from canhgiac.core.registry import CapabilityConfig, NavEntry, ScheduledJob


class PetitionsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.petitions"
    label = "petitions"
    verbose_name = "Đơn thư, tiếp công dân"
    url_prefix = "petitions/"
    nav = (
        NavEntry("Đơn thư", "petitions:petition_list", 35),
        NavEntry("Tiếp công dân", "petitions:reception_list", 36),
    )
    api_routes = "canhgiac.petitions.api.register"
    demo_loader = "canhgiac.petitions.demo.load"
    demo_order = 60
    figures = "canhgiac.petitions.figures.FIGURES"
    scheduled_jobs = (ScheduledJob("petitions-flag-overdue", "canhgiac.petitions.tasks.flag_overdue", 3600.0),)

    def ready(self):
        from canhgiac.petitions import imports  # noqa: F401  (registers the petitions import kinds)
