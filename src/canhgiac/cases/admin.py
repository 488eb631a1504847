from django.contrib import admin
from django.utils.html import format_html, format_html_join

from canhgiac.cases.models import Case, Indicator
from canhgiac.core.admin import RecordAdmin
from canhgiac.core.templatetags.labels import ATTR_LABELS, attr_value


@admin.register(Case)
class CaseAdmin(RecordAdmin):
    list_display = ("code", "title", "category", "status", "received_on", "lead_agency")
    list_filter = ("category", "status", "source")
    search_fields = ("code", "title")
    readonly_fields = ("code", "status")


@admin.register(Indicator)
class IndicatorAdmin(RecordAdmin):
    list_display = ("kind", "value", "created")
    list_filter = ("kind",)
    search_fields = ("value",)
    exclude = ("attrs",)
    readonly_fields = ("attributes",)

    @admin.display(description="thuộc tính")
    def attributes(self, obj):
        """The normaliser's attributes as the indicator's page shows them: Vietnamese names, readable values."""
        if not obj.attrs:
            return "—"
        rows = ((ATTR_LABELS.get(key, key), attr_value(key, value)) for key, value in obj.attrs.items())
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))
