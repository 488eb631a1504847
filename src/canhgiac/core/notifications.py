"""``notify()``: messages to users in the application (the bell) and, by preference, by e-mail after commit."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from canhgiac.core.models import Notification, NotificationPreference

log = logging.getLogger(__name__)

# Each kind of notification: its Vietnamese name and whether it is e-mailed when the user has not chosen.
NOTIFICATION_KINDS: dict[str, tuple[str, bool]] = {
    "status_changed": ("Thay đổi trạng thái hồ sơ", False),
    "deadline_set": ("Được giao theo dõi thời hạn", False),
    "deadline_soon": ("Sắp đến hạn", True),
    "deadline_overdue": ("Quá hạn", True),
}


class NotificationError(ValueError):
    """A notification of an unknown kind, or an action on someone else's notification."""


def wants_email(user, verb: str) -> bool:
    choice = NotificationPreference.objects.filter(user=user, verb=verb).values_list("email", flat=True).first()
    return NOTIFICATION_KINDS[verb][1] if choice is None else choice


def notify(users, *, verb: str, text: str, url: str = "", obj=None) -> list[Notification]:
    """One notification per user (duplicates and inactive users dropped); e-mails leave after the transaction
    commits, so a rolled-back write never sends one."""
    if verb not in NOTIFICATION_KINDS:
        raise NotificationError(f"Loại thông báo không hợp lệ: {verb}.")
    recipients = {u.pk: u for u in users if u is not None and u.is_active}
    created = Notification.objects.bulk_create(
        [Notification(recipient=u, verb=verb, text=text[:500], url=url[:300], target=obj) for u in recipients.values()]
    )
    mail_ids = [row.pk for row in created if row.recipient.email and wants_email(row.recipient, verb)]
    if mail_ids:
        transaction.on_commit(partial(send_notification_emails, mail_ids))
    return created


def send_notification_emails(ids) -> int:
    """E-mail the given notifications not yet e-mailed (through Django's e-mail backend); returns how many left."""
    rows = list(Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related("recipient"))
    if not rows:
        return 0
    sent = 0
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    try:
        with get_connection() as connection:
            for row in rows:
                subject = f"[Cảnh giác] {NOTIFICATION_KINDS.get(row.verb, (row.verb,))[0]}"
                body = row.text + (f"\n\nXem chi tiết: {base}{row.url}" if row.url else "")
                message = EmailMessage(subject, body, to=[row.recipient.email], connection=connection)
                if message.send() and Notification.objects.filter(pk=row.pk, emailed_at__isnull=True).update(
                    emailed_at=timezone.now()
                ):
                    sent += 1
    except OSError as exc:  # SMTP down or refused: the notification stays in the application, unmailed
        log.warning("Không gửi được thư thông báo: %s", exc)
    return sent


def mark_read(notification: Notification, *, actor) -> Notification:
    if notification.recipient_id != actor.pk:
        raise NotificationError("Thông báo này không phải của bạn.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, actor) -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def set_preferences(*, actor, email_verbs) -> None:
    """Choose, per kind, whether ``actor`` also gets an e-mail (kinds not listed: in the application only)."""
    unknown = set(email_verbs) - set(NOTIFICATION_KINDS)
    if unknown:
        raise NotificationError(f"Loại thông báo không hợp lệ: {', '.join(sorted(unknown))}.")
    for verb in NOTIFICATION_KINDS:
        NotificationPreference.objects.update_or_create(user=actor, verb=verb, defaults={"email": verb in email_verbs})
