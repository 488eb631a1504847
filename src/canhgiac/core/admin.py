from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from simple_history.admin import SimpleHistoryAdmin

from canhgiac.core import admin_security  # tokens, TOTP devices, login logs
from canhgiac.core.admin_vietnamese import VietnameseHistory, VietnamesePermissions
from canhgiac.core.models import Agency, Document, DomainSource, PersonalDataAccess, SecurityEvent, User


@admin.register(User)
class UserAdmin(VietnamesePermissions, VietnameseHistory, DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "agency", "role", "is_active")
    list_filter = ("role", "agency", "is_active")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Cơ quan và vai trò", {"fields": ("agency", "role", "phone")}),
    )
    add_fieldsets = (*DjangoUserAdmin.add_fieldsets, ("Cơ quan và vai trò", {"fields": ("agency", "role")}))

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(VietnamesePermissions, DjangoGroupAdmin):
    pass


class RecordAdmin(VietnameseHistory, SimpleHistoryAdmin):
    """Records are read here, changed only through their services (the application's forms and API), which check
    ownership and leave the change log; the admin neither adds, changes nor deletes them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agency)
class AgencyAdmin(RecordAdmin):
    list_display = ("name", "code", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "code")


@admin.register(Document)
class DocumentAdmin(RecordAdmin):
    list_display = ("__str__", "direction", "doc_type", "date", "issuing_agency")
    list_filter = ("direction", "doc_type")
    search_fields = ("symbol", "summary")


class RecordKindFilter(admin.SimpleListFilter):
    title = "loại hồ sơ"
    parameter_name = "model"

    def lookups(self, request, model_admin):
        labels = PersonalDataAccess.objects.order_by().values_list("model", flat=True).distinct()
        return [(label, PersonalDataAccess(model=label).record_kind) for label in sorted(labels)]

    def queryset(self, request, queryset):
        return queryset.filter(model=self.value()) if self.value() else queryset


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "record", "object_id", "field_names", "channel")
    list_filter = (RecordKindFilter, "channel")
    fields = ("at", "user", "record", "object_id", "field_names", "channel")
    readonly_fields = fields

    @admin.display(description="loại hồ sơ")
    def record(self, obj):
        return obj.record_kind

    @admin.display(description="trường đã xem")
    def field_names(self, obj):
        return obj.field_labels

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin_security.ReadOnlyLogAdmin, admin.ModelAdmin):
    list_display = ("at", "actor", "action", "subject", "detail")
    list_filter = ("action",)


@admin.register(DomainSource)
class DomainSourceAdmin(RecordAdmin):
    list_display = ("name", "kind", "domain_count", "loaded_at", "licence")
    list_filter = ("kind",)
