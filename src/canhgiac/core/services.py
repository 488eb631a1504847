"""Shared service helpers and the writes of core records (agencies, official letters)."""

from django.db import transaction

from canhgiac.core.letters import parse_letter_number
from canhgiac.core.models import Agency, Document
from canhgiac.core.scoping import can_write


class ServiceError(Exception):
    """A domain rule refused the operation; the message is for the user (Vietnamese)."""


class PermissionDenied(ServiceError):
    """The acting user's role or agency does not allow this operation."""


def require_write(actor, area: str = "records") -> None:
    if not can_write(actor, area):
        raise PermissionDenied("Vai trò của bạn không được phép thực hiện thao tác này.")


def require_visible(instance, actor, denied: str) -> None:
    """Refuse with ``denied`` when ``actor`` may not see ``instance`` (the same scope rules as lists and the API)."""
    if not type(instance).objects.visible_to(actor).filter(pk=instance.pk).exists():
        raise PermissionDenied(denied)


def lock_for_write(instance, actor, denied: str):
    """``instance``'s row, locked until the transaction ends, once ``actor`` may write and may see it."""
    require_write(actor)
    require_visible(instance, actor, denied)
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def set_history(instance, actor, reason: str = "") -> None:
    """Attribute the next save of ``instance`` in the change log to ``actor`` with ``reason``."""
    instance._history_user = actor
    instance._change_reason = reason[:100]


@transaction.atomic
def save_agency(agency: Agency, *, actor) -> Agency:
    require_write(actor, "admin")
    if agency.pk is None:
        agency.created_by = actor
    agency.full_clean()
    set_history(agency, actor, "Lưu cơ quan")
    agency.save()
    return agency


@transaction.atomic
def register_document(*, actor, notation: str, receiving_agencies=(), **fields) -> Document:
    """Register an official letter from its notation ("386/CAT-ANM"); LetterNumberError if malformed."""
    require_write(actor)
    parsed = parse_letter_number(notation)
    fields.setdefault("doc_type", parsed.inferred_type)
    document = Document(number=parsed.number, year=parsed.year, symbol=parsed.symbol, created_by=actor, **fields)
    document.full_clean()
    set_history(document, actor, "Đăng ký văn bản")
    document.save()
    if receiving_agencies:
        document.receiving_agencies.set(receiving_agencies)
    return document


@transaction.atomic
def update_document(document: Document, *, actor, notation: str | None = None, receiving_agencies=None, **fields):
    require_write(actor)
    if notation is not None:
        parsed = parse_letter_number(notation)
        document.number, document.year, document.symbol = parsed.number, parsed.year, parsed.symbol
    for name, value in fields.items():
        setattr(document, name, value)
    document.full_clean()
    set_history(document, actor, "Cập nhật văn bản")
    document.save()
    if receiving_agencies is not None:
        document.receiving_agencies.set(receiving_agencies)
    return document
