from django.contrib import admin

from canhgiac.cases.models import Case, Indicator
from canhgiac.core.admin import RecordAdmin


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
