"""What Django's admin and the libraries' admin classes would show in English, said in Vietnamese.

Translatable strings go to the project's catalogue (``locale/vi``); this module holds what no catalogue reaches:
permission names Django stores in English in the database (“Can add case”), the ``alt`` text Django writes on its
yes/no icons (“True”, “False”) and the titles of records whose ``__str__`` a library writes in English.
"""

from django.apps import apps
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.utils import unquote
from django.templatetags.static import static
from django.utils.html import format_html
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from canhgiac.core.templatetags.labels import attr_value

PERMISSION_ACTIONS = {"add": "Thêm", "change": "Sửa", "delete": "Xoá", "view": "Xem"}
YES_NO = {True: "Có", False: "Không", None: "Không rõ"}
# Library models and apps whose names are in English and in no catalogue (plain strings, or no name at all).
LIBRARY_NAMES = {
    "captcha": "Mã kiểm tra (captcha)",
    "captcha.captchastore": "mã kiểm tra đã phát",
    "otp_totp.totpdevice": "thiết bị xác thực hai bước",
}


def permission_label(permission) -> str:
    """“Hồ sơ vụ việc | Sửa vụ việc” for the permission Django names “Can change case”."""
    model = permission.content_type.model_class()
    if model is None:
        return permission.name
    meta = model._meta
    action, _, model_name = permission.codename.partition("_")
    name = permission.name
    if action in PERMISSION_ACTIONS and model_name == meta.model_name:
        name = f"{PERMISSION_ACTIONS[action]} {LIBRARY_NAMES.get(meta.label_lower, meta.verbose_name)}"
    app = LIBRARY_NAMES.get(meta.app_label, apps.get_app_config(meta.app_label).verbose_name)
    return f"{app} | {name}"


class VietnamesePermissions:
    """A ModelAdmin mixin: the permission pickers (user, group) list permissions by their Vietnamese label."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


def _boolean_icon(field_val):
    name = {True: "yes", False: "no", None: "unknown"}[field_val]
    icon = static(f"admin/img/icon-{name}.svg")
    return format_html('<img src="{}" alt="{}">', icon, YES_NO[field_val])


# Django's yes/no icon carries alt="True"/"False"/"None" (not translated); every caller (lists, read-only fields)
# looks the function up in this module when it runs, so one replacement covers them all.
admin_list._boolean_icon = _boolean_icon  # type: ignore[attr-defined]


class Titled:
    """A record shown under a Vietnamese title on its admin page (breadcrumb, heading, window title), for library
    models whose ``__str__`` is English; everything else is the record's own."""

    def __init__(self, obj, title: str):
        self._obj = obj
        self._title = title

    def __getattr__(self, name):
        return getattr(self._obj, name)

    def __str__(self) -> str:
        return self._title


class TitledRecords:
    """A ModelAdmin mixin: ``record_title(obj)`` replaces the record's English ``__str__`` on its page."""

    def record_title(self, obj) -> str:
        raise NotImplementedError

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            title = self.record_title(obj)
            context = {**context, "original": Titled(obj, title), "subtitle": title}
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            title = self.record_title(obj)
            extra_context = {
                "title": f"Lịch sử thay đổi: {title}",
                "object": Titled(obj, title),
                **(extra_context or {}),
            }
        return super().history_view(request, object_id, extra_context)


def history_value(value) -> str:
    """A changed value as the history list shows it: a removed related record named in Vietnamese (the library
    writes “Deleted <model> (pk=None)”, also for a foreign key that was simply empty), the rest as the app's own
    pages show attribute values (Có/Không, “—” for nothing)."""
    if isinstance(value, DeletedObject):
        return "—" if value.pk is None else f"{value.model._meta.verbose_name} đã xoá (mã {value.pk})"
    return attr_value("", value)


class _HistoryValues(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return [history_value(item) for item in value] if isinstance(value, list) else history_value(value)


class VietnameseHistory:
    """A SimpleHistoryAdmin mixin: the old and new values in the history list said in Vietnamese (the library writes
    “Deleted <model> (pk=None)” for an empty foreign key, “None”, “True”)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return _HistoryValues(self.model, historical_record)
