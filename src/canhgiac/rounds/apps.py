from canhgiac.core.registry import CapabilityConfig, NavEntry, Panel, ScheduledJob


class RoundsConfig(CapabilityConfig):
    default = True
    name = "canhgiac.rounds"
    label = "rounds"
    verbose_name = "Đợt báo cáo"
    url_prefix = "rounds/"
    nav = (NavEntry("Đợt báo cáo", "rounds:reportround_list", 60),)
    dashboard_panels = (Panel("rounds/panels/awaited.html", "canhgiac.rounds.panels.awaited", 40),)
    api_routes = "canhgiac.rounds.api.register"
    demo_loader = "canhgiac.rounds.demo.load"
    demo_order = 90
    scheduled_jobs = (
        ScheduledJob("rounds-remind-late", "canhgiac.rounds.tasks.remind_late_contributions", 24 * 3600.0),
    )

    def ready(self):
        from canhgiac.core.notifications import NOTIFICATION_KINDS

        # The kinds of message a round sends (name, e-mailed unless the user chose otherwise).
        NOTIFICATION_KINDS.setdefault("round_opened", ("Đề nghị gửi phần đóng góp báo cáo", True))
        NOTIFICATION_KINDS.setdefault("contribution_submitted", ("Cơ quan phối hợp đã nộp phần đóng góp", False))
        NOTIFICATION_KINDS.setdefault("contribution_returned", ("Phần đóng góp bị trả lại để chỉnh sửa", True))
        NOTIFICATION_KINDS.setdefault("contribution_accepted", ("Phần đóng góp đã được tiếp nhận", False))
        NOTIFICATION_KINDS.setdefault("contribution_reminder", ("Nhắc nộp phần đóng góp báo cáo", True))
