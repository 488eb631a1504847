"""The admin of credentials and login logs: nothing disappears without a trace.

API tokens and TOTP devices may be removed by an administrator (a lost phone, a leaked token) but not created or
edited for someone else (that would let the administrator act as that user); each removal leaves a
``SecurityEvent``. Login logs cannot be deleted or edited; clearing failed attempts (unlocking) is logged.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.db import transaction
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

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


class TracedTokenAdmin(TracedDeletion, TokenAdmin):
    event = SecurityEventChoices.TOKEN_REVOKED
    list_display = ("label", "user", "created")

    @admin.display(description="mã")
    def label(self, obj):
        return token_label(obj.key)

    def describe(self, obj):
        return obj.user.get_username(), f"{token_label(obj.key)} (quản trị viên thu hồi)"


class TracedDeviceAdmin(TracedDeletion, TOTPDeviceAdmin):
    event = SecurityEventChoices.DEVICE_DELETED

    def describe(self, obj):
        return obj.user.get_username(), f"thiết bị “{obj.name}”"


class TracedAttemptAdmin(TracedDeletion, AccessAttemptAdmin):
    event = SecurityEventChoices.LOCKOUT_CLEARED

    def describe(self, obj):
        return obj.username or "", f"{obj.failures_since_start} lần sai từ {obj.ip_address}"


class ReadOnlyLogAdmin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class KeptAccessLogAdmin(ReadOnlyLogAdmin, AccessLogAdmin):
    pass


class KeptFailureLogAdmin(ReadOnlyLogAdmin, AccessFailureLogAdmin):
    pass


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
