"""The libraries' apps under Vietnamese names (the admin's index and breadcrumbs); installed from ``settings``."""

from axes.apps import AppConfig as AxesAppConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Nhật ký đăng nhập"


class TOTPConfig(TOTPAppConfig):
    verbose_name = "Xác thực hai bước"
