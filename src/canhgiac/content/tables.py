import django_tables2 as tables
from django.utils.html import format_html

from canhgiac.content.models import ContentItem, platform_name
from canhgiac.core.safety import safe_url


class RiskColumn(tables.Column):
    def render(self, value):
        return f"{value:.0%}"


class ContentItemTable(tables.Table):
    risk = RiskColumn()
    uncertain = tables.BooleanColumn(verbose_name="Chưa chắc chắn", yesno="Chưa chắc chắn,")
    text = tables.Column(linkify=True, verbose_name="Nội dung")
    published_at = tables.DateTimeColumn("d/m/Y H:i")
    url = tables.Column(verbose_name="Liên kết")

    class Meta:
        model = ContentItem
        fields = ("risk", "label", "uncertain", "text", "platform", "author", "published_at", "status", "url")
        attrs = {"class": "table", "id": "content-table"}

    def render_platform(self, value):
        return platform_name(value)

    def render_text(self, value):
        return " ".join(value.split())[:140]

    def render_url(self, value):
        href = safe_url(value)
        if not href:
            return format_html('<span class="mono">{}</span>', value[:80])
        return format_html('<a href="{}" rel="noopener noreferrer" target="_blank">mở ↗</a>', href)

    def value_text(self, value):
        return value

    def value_url(self, value):
        return value
