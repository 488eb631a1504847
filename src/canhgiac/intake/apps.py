from canhgiac.core.registry import CapabilityConfig, NavEntry, ScheduledJob


class IntakeConfig(CapabilityConfig):
    default = True
    name = "canhgiac.intake"
    verbose_name = "Tiếp nhận phản ánh"
    url_prefix = "intake/"
    nav = (
        NavEntry("Phản ánh", "intake:report_list", 25, "?status=new"),
        NavEntry("Đường dây nóng", "intake:hotline", 26),
        NavEntry("Cảnh báo", "intake:scamwarning_list", 27),
    )
    api_routes = "canhgiac.intake.api.urls.register"
    demo_loader = "canhgiac.intake.demo.load"
    demo_order = 40
    figures = "canhgiac.intake.figures.FIGURES"
    scheduled_jobs = (
        ScheduledJob("intake-remind-heads", "canhgiac.intake.tasks.remind_heads", 3600.0),
        ScheduledJob("intake-sweep-due-dates", "canhgiac.intake.tasks.sweep_due_dates", 600.0),
    )

    def ready(self):
        from canhgiac.intake import imports  # noqa: F401  (registers the 5656 import kind)
