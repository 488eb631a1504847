"""One write path for every record: a ``RecordService`` per model, in Zulip's manner of action functions.

A model's service declares, once, the fields a user may write (forms and serializers take the same list), the
write area of the roles that may write it, and its object-level rules (who may change which record and which of
its fields). ``create`` / ``update`` then do the same steps for every model, in one transaction:

1. the actor's role may write the area (``require_write``);
2. no unknown field: a name outside the declaration is refused, never silently dropped;
3. on update, the record is one the actor may see and change (``may_change``), locked for the write;
4. each field is one the actor may write on that record (``writable``): personal data only by roles that may
   read it, fields such as a case's lead agency only by its owner;
5. every reference (foreign key, many-to-many) is a row the actor may see — and may use (``references``);
   links the actor cannot see are kept as they are, never shown, never dropped;
6. the domain hook ``prepare`` runs, the row is validated (``full_clean``), saved with the actor and the reason in
   the change log, its links set, and ``after_save`` runs — all or nothing.

``@write_action(area)`` gives any other write (a transition, a dismissal) the same role check and transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction

from canhgiac.core.scoping import can_read_personal_data, can_write


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


class UnknownFieldError(ServiceError):
    """The caller named a field the record does not take."""


class FieldError(ServiceError):
    """A refusal that belongs to one field; views and the API show it next to that field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class ReferenceDenied(FieldError, PermissionDenied):
    """A referenced record is one the actor may not see or may not use here."""


class FieldDenied(FieldError, PermissionDenied):
    """The actor may not write this field of this record."""


def write_action(area: str = "records"):
    """Decorate a service function taking ``actor=``: role check for ``area``, then one transaction."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, actor, **kwargs):
            require_write(actor, area)
            with transaction.atomic():
                return function(*args, actor=actor, **kwargs)

        wrapper.write_area = area  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


class RecordService:
    """Create and update one model's records; subclass and declare, override the hooks for domain rules."""

    model: ClassVar[type[models.Model]]
    # Every field a user may write, in form order. Forms and serializers are built from this list.
    fields: ClassVar[tuple[str, ...]] = ()
    # Inputs that are not model fields but the service takes (e.g. a letter's "notation", a case's indicators).
    extra_inputs: ClassVar[tuple[str, ...]] = ()
    area: ClassVar[str] = "records"
    verb: ClassVar[str] = "bản ghi"  # "vụ việc", "văn bản": used in the change log and in messages
    denied: ClassVar[str] = "Bạn không có quyền sửa bản ghi này."

    # --- declarations a subclass overrides -------------------------------------------------------------------------
    def references(self, actor, name: str, field) -> models.QuerySet | None:
        """The rows ``actor`` may reference in ``name``; default: what the actor may see. None: no limit."""
        related = field.related_model
        manager = related._default_manager
        return manager.visible_to(actor) if hasattr(manager, "visible_to") else None

    def may_change(self, actor, obj) -> bool:
        """Object-level rule beyond visibility: may ``actor`` change this record at all?"""
        return True

    def writable(self, actor, obj, name: str) -> bool:
        """May ``actor`` write field ``name`` of ``obj`` (None when creating)?"""
        if name in getattr(self.model, "personal_fields", ()) and obj is not None:
            return can_read_personal_data(actor)
        return True

    def prepare(self, actor, obj, data: dict, created: bool) -> None:
        """Domain rules and derived fields, before validation; raise ServiceError to refuse."""

    def after_save(self, actor, obj, data: dict, created: bool) -> None:
        """Further writes in the same transaction (child rows, links that need the saved row)."""

    # --- the generic steps ---------------------------------------------------------------------------------------
    def create(self, *, actor, reason: str = "", **data: Any):
        require_write(actor, self.area)
        with transaction.atomic():
            obj = self.model()
            self._write(actor, obj, data, created=True, reason=reason or f"Tạo {self.verb}")
            return obj

    def update(self, obj, *, actor, reason: str = "", **data: Any):
        require_write(actor, self.area)
        with transaction.atomic():
            obj = self.lock(obj, actor)
            self._write(actor, obj, data, created=False, reason=reason or f"Cập nhật {self.verb}")
            return obj

    def lock(self, obj, actor):
        """The row of ``obj`` locked for this transaction, once ``actor`` may see and change it."""
        manager = self.model._default_manager
        visible = manager.visible_to(actor) if hasattr(manager, "visible_to") else manager.all()
        if not visible.filter(pk=obj.pk).exists():
            raise PermissionDenied(self.denied)
        locked = manager.select_for_update().get(pk=obj.pk)
        if not self.may_change(actor, locked):
            raise PermissionDenied(self.denied)
        return locked

    def _write(self, actor, obj, data: dict, *, created: bool, reason: str) -> None:
        unknown = sorted(set(data) - set(self.fields) - set(self.extra_inputs))
        if unknown:
            raise UnknownFieldError(
                f"Trường không được nhận: {', '.join(unknown)}. Các trường được nhận: {', '.join(self.fields)}."
            )
        m2m: dict[str, list] = {}
        for name in [n for n in data if n in self.fields]:
            if not self.writable(actor, None if created else obj, name):
                raise FieldDenied(name, f"Bạn không được sửa trường “{_label(self.model, name)}” của {self.verb} này.")
            field: Any = self.model._meta.get_field(name)
            value = data[name]
            if field.many_to_many:
                m2m[name] = self._checked_links(actor, obj, name, field, value, created)
                continue
            unchanged = not created and getattr(value, "pk", value) == getattr(obj, field.attname, None)
            if field.is_relation and value is not None and not unchanged:
                self._check_reference(actor, name, field, [value])
            if value is None and not field.null and isinstance(field, (models.CharField, models.TextField)):
                value = ""
            setattr(obj, name, value)
        if created and hasattr(obj, "created_by_id") and obj.created_by_id is None:
            obj.created_by = actor
        self.prepare(actor, obj, data, created)
        obj.full_clean(exclude=self.clean_exclude())
        set_history(obj, actor, reason)
        self.save(actor, obj, created)
        for name, rows in m2m.items():
            getattr(obj, name).set(rows)
        self.after_save(actor, obj, data, created)

    def save(self, actor, obj, created: bool) -> None:
        obj.save()

    def clean_exclude(self) -> list[str]:
        """Fields ``full_clean`` leaves alone (those the service sets itself after validation)."""
        return []

    def _check_reference(self, actor, name: str, field, values: Iterable) -> None:
        allowed = self.references(actor, name, field)
        if allowed is None:
            return
        pks = {getattr(v, "pk", v) for v in values}
        found = set(allowed.filter(pk__in=pks).values_list("pk", flat=True))
        if pks - found:
            missing = ", ".join(f"#{pk}" for pk in sorted(pks - found, key=str))
            raise ReferenceDenied(
                name,
                f"“{_label(self.model, name)}”: không dùng được bản ghi {missing} "
                "(không tồn tại hoặc ngoài quyền của bạn).",
            )

    def _checked_links(self, actor, obj, name: str, field, value, created: bool) -> list:
        """The links to set: the requested ones (each checked), plus the existing ones the actor cannot see."""
        requested = list(value or [])
        if created or obj.pk is None:
            self._check_reference(actor, name, field, requested)
            return requested
        existing = set(getattr(obj, name).values_list("pk", flat=True))
        self._check_reference(actor, name, field, [v for v in requested if getattr(v, "pk", v) not in existing])
        allowed = self.references(actor, name, field)
        if allowed is None:
            return requested
        hidden = getattr(obj, name).exclude(pk__in=allowed.values("pk"))
        return [*requested, *hidden]
