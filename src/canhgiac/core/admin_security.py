"""The admin of credentials and login logs: nothing disappears without a trace.

API tokens and TOTP devices may be removed by an administrator (a lost phone, a leaked token) but not created or
edited for someone else (that would let the administrator act as that user); each removal leaves a
``SecurityEvent``. Login logs cannot be deleted or edited; clearing failed attempts (unlocking) is logged.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.db import transaction
from django.utils.timezone import localtime
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from canhgiac.core.admin_vietnamese import YES_NO, TitledRecords
from canhgiac.core.models.logs import SecurityEventChoices
from canhgiac.core.security import record, token_label


class TracedDeletion:
    """Deletion (one object or the bulk action) in one transaction with a ``SecurityEvent`` per object."""

    event: str = ""

    def describe(self, obj) -> tuple[str, str]:
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(request.user, self.event, *self.describe(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record(request.user, self.event, *self.describe(obj))
            super().delete_queryset(request, queryset)


class TracedTokenAdmin(TitledRecords, TracedDeletion, TokenAdmin):
    event = SecurityEventChoices.TOKEN_REVOKED
    list_display = ("label", "user", "created")
    search_help_text = "Tìm theo tên đăng nhập"

    @admin.display(description="mã")
    def label(self, obj):
        return token_label(obj.key)

    def record_title(self, obj):
        return f"Mã API {token_label(obj.key)} của {obj.user.get_username()}"

    def describe(self, obj):
        return obj.user.get_username(), f"{token_label(obj.key)} (quản trị viên thu hồi)"


class ConfirmedFilter(admin.SimpleListFilter):
    title = "đã xác nhận"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return (("1", "Có"), ("0", "Không"))

    def queryset(self, request, queryset):
        return queryset.filter(confirmed=self.value() == "1") if self.value() else queryset


class TracedDeviceAdmin(TracedDeletion, TOTPDeviceAdmin):
    """django-otp names its fields in English and without translation, and shows the secret key and its QR code;
    here a device shows whose it is, its name and when it was used — enough to decide to remove it."""

    event = SecurityEventChoices.DEVICE_DELETED
    list_filter = (ConfirmedFilter,)
    search_help_text = "Tìm theo tên đăng nhập hoặc địa chỉ email"
    shown = ("owner", "device_name", "is_confirmed", "added_at", "used_at")
    readonly_fields = shown

    def get_list_display(self, request):
        return self.shown

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": self.shown})]

    @admin.display(description="người dùng", ordering="user")
    def owner(self, obj):
        return obj.user

    @admin.display(description="tên thiết bị", ordering="name")
    def device_name(self, obj):
        return obj.name

    @admin.display(description="đã xác nhận", ordering="confirmed")
    def is_confirmed(self, obj):
        return YES_NO[obj.confirmed]

    @admin.display(description="thêm lúc", ordering="created_at")
    def added_at(self, obj):
        return obj.created_at

    @admin.display(description="dùng lần cuối", ordering="last_used_at")
    def used_at(self, obj):
        return obj.last_used_at or "chưa dùng"

    def describe(self, obj):
        return obj.user.get_username(), f"thiết bị “{obj.name}”"


class TracedAttemptAdmin(TitledRecords, TracedDeletion, AccessAttemptAdmin):
    event = SecurityEventChoices.LOCKOUT_CLEARED

    def record_title(self, obj):
        return f"Lượt đăng nhập sai của {obj.username or '—'} lúc {localtime(obj.attempt_time):%d/%m/%Y %H:%M}"

    def describe(self, obj):
        return obj.username or "", f"{obj.failures_since_start} lần sai từ {obj.ip_address}"


class ReadOnlyLogAdmin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class KeptAccessLogAdmin(TitledRecords, ReadOnlyLogAdmin, AccessLogAdmin):
    def record_title(self, obj):
        return f"Lần đăng nhập của {obj.username or '—'} lúc {localtime(obj.attempt_time):%d/%m/%Y %H:%M}"


class KeptFailureLogAdmin(TitledRecords, ReadOnlyLogAdmin, AccessFailureLogAdmin):
    def record_title(self, obj):
        return f"Đăng nhập sai của {obj.username or '—'} lúc {localtime(obj.attempt_time):%d/%m/%Y %H:%M}"


for model, model_admin in (
    (TokenProxy, TracedTokenAdmin),
    (TOTPDevice, TracedDeviceAdmin),
    (AccessAttempt, TracedAttemptAdmin),
    (AccessLog, KeptAccessLogAdmin),
    (AccessFailureLog, KeptFailureLogAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
