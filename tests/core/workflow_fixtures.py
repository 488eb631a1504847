"""Fixtures of the workflow tests: the shipped calendar and rules, and a real SMTP server (aiosmtpd)."""

from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller

from canhgiac.core.models import DeadlineRule, Holiday
from canhgiac.core.reference_data import load_deadline_rules, load_holidays
from tests.processes import free_port, wait_until


@pytest.fixture
def calendar(db):
    """The calendar and rules the migration loads (loaded again only if a transactional test flushed them)."""
    load_holidays(Holiday)
    load_deadline_rules(DeadlineRule)


class Inbox:
    """An aiosmtpd handler keeping every message it is handed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; Django's SMTP backend is pointed at it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


def wait_for_mail(inbox, count=1):
    wait_until(lambda: len(inbox.messages) >= count, 10, f"{count} e-mail(s) on the test SMTP server")
    return inbox.messages


def subject_of(envelope) -> str:
    return str(make_header(decode_header(message_from_bytes(envelope.content)["Subject"])))
