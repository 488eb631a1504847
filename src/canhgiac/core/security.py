"""Credentials other than the password: API tokens (created and revoked by their owner) and the trace left by
every change to them (``SecurityEvent``); the token authentication that keeps two-factor mandatory."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from canhgiac.core.models import SecurityEvent
from canhgiac.core.models.logs import SecurityEventChoices

TOTP_REQUIRED = (
    "Tài khoản này bắt buộc xác thực hai lớp (TOTP): mã API chỉ dùng được sau khi chủ tài khoản đã đăng ký "
    "thiết bị xác thực (Tài khoản → Xác thực hai lớp)."
)


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, refused (403) for roles that must use TOTP until they have a confirmed device:
    a token must not be a way around two-factor authentication."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if getattr(user, "requires_otp", False) and not has_confirmed_device(user):
            raise exceptions.PermissionDenied(TOTP_REQUIRED)
        return user, token


def record(actor, action: str, subject: str = "", detail: str = "") -> SecurityEvent:
    return SecurityEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None, action=action, subject=subject, detail=detail[:300]
    )


def token_label(key: str) -> str:
    """What is shown and logged of a token: its first characters, never the whole key."""
    return f"{key[:6]}…"


def create_token(*, actor) -> Token:
    """A new API token for ``actor`` (an existing one is revoked first, with its trace). The key is shown once."""
    with transaction.atomic():
        revoke_token(actor=actor)
        token = Token.objects.create(user=actor)
        record(actor, SecurityEventChoices.TOKEN_CREATED, actor.username, token_label(token.key))
    return token


def revoke_token(*, actor) -> bool:
    """Revoke ``actor``'s own API token; False when there was none."""
    with transaction.atomic():
        token = Token.objects.select_for_update().filter(user=actor).first()
        if token is None:
            return False
        label = token_label(token.key)
        token.delete()
        record(actor, SecurityEventChoices.TOKEN_REVOKED, actor.username, label)
    return True
