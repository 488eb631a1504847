from canhgiac.core.registry import CapabilityConfig, NavEntry


class ContentConfig(CapabilityConfig):
    default = True
    name = "canhgiac.content"
    label = "content"
    figures = "canhgiac.content.figures.FIGURES"
    search = "canhgiac.content.filtersets.SEARCH"
    verbose_name = "Phân loại nội dung"
    url_prefix = "content/"
    nav = (NavEntry("Phân loại nội dung", "content:review_queue", 70),)
    api_routes = "canhgiac.content.api.urls.register"
    demo_loader = "canhgiac.content.demo.load"
    demo_order = 30

    def ready(self):
        from canhgiac.content import imports  # noqa: F401  (registers the content import kind)
