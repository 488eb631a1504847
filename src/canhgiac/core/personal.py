"""Personal data: shown only to roles that need it, and every read is logged."""

from typing import Any

from canhgiac.core.models import PersonalDataAccess
from canhgiac.core.scoping import can_read_personal_data


def reveal_personal_data(user, obj, *, channel: str = "web") -> dict | None:
    """Return the object's personal fields for ``user`` (logging the read), or None when hidden from them."""
    fields = getattr(obj, "personal_fields", ())
    if not fields or not can_read_personal_data(user):
        return None
    values = {name: getattr(obj, name) for name in fields}
    if any(values.values()):
        PersonalDataAccess.objects.create(
            user=user,
            model=obj._meta.label_lower,
            object_id=str(obj.pk),
            fields=",".join(name for name, value in values.items() if value),
            channel=channel,
        )
    return values


# --- A person's data: export, erasure, retention (Personal Data Protection Law 2025) -----------------------------

ERASED = ""


def holders() -> list[Any]:
    """Every model that declares personal fields."""
    from django.apps import apps

    return [m for m in apps.get_models() if getattr(m, "personal_fields", ())]


def _variants(value: str) -> set[str]:
    """What to look for: the value as given and, for a phone number, the ways people write it."""
    value = value.strip()
    found = {value}
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 9 and value.replace(" ", "").replace(".", "").lstrip("+").isdigit():
        national = digits[2:] if digits.startswith("84") else digits.lstrip("0")
        local = "0" + national
        found |= {local, "+84" + national, "84" + national, f"{local[:4]} {local[4:7]} {local[7:]}"}
        found.add(f"{local[:4]}.{local[4:7]}.{local[7:]}")
    return {v for v in found if len(v) >= 3}


def find_person(value: str) -> list:
    """Every record holding ``value`` (a name, phone number, e-mail or address) in one of its personal fields."""
    from django.db.models import Q

    if len(value.strip()) < 3:
        raise ValueError("Cần ít nhất 3 ký tự để tìm dữ liệu của một người.")
    records = []
    for model in holders():
        query = Q()
        for name in model.personal_fields:
            for variant in _variants(value):
                query |= Q(**{f"{name}__icontains": variant})
        records.extend(model._default_manager.filter(query).order_by("pk"))
    return records


def _may_manage(actor, *, erase: bool) -> None:
    from canhgiac.core.choices import RoleChoices
    from canhgiac.core.kit import PermissionDenied

    allowed = {RoleChoices.ADMINISTRATOR, RoleChoices.LEADER}
    if not erase:
        allowed.add(RoleChoices.INSPECTOR)
    if not (getattr(actor, "is_superuser", False) or getattr(actor, "role", None) in allowed):
        raise PermissionDenied("Vai trò của bạn không được xuất hoặc xoá dữ liệu cá nhân.")


def _describe(obj) -> dict:
    fields = {name: getattr(obj, name) for name in obj.personal_fields if getattr(obj, name)}
    url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    return {
        "record": obj._meta.verbose_name,
        "model": obj._meta.label_lower,
        "id": obj.pk,
        "title": str(obj),
        "url": url,
        "fields": {str(obj._meta.get_field(name).verbose_name): value for name, value in fields.items()},
    }


def export_person(actor, value: str) -> dict:
    """Everything stored about a person (the records holding their data and who read it), for their request under
    the PDP Law; the export is itself logged as a read of each record."""
    from django.utils import timezone

    _may_manage(actor, erase=False)
    records = find_person(value)
    reads = []
    for obj in records:
        PersonalDataAccess.objects.create(
            user=actor, model=obj._meta.label_lower, object_id=str(obj.pk), fields=",".join(obj.personal_fields),
            channel="export",
        )  # fmt: skip
        for access in PersonalDataAccess.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk)):
            reads.append({"record": f"{obj._meta.label_lower}#{obj.pk}", "user": str(access.user),
                          "at": access.at.isoformat(), "channel": access.channel, "fields": access.fields})  # fmt: skip
    return {
        "query": value,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "records": [_describe(obj) for obj in records],
        "reads": reads,
    }


def _still_needed(obj) -> str:
    """Why the law still needs this record's personal data (an open matter), or ""."""
    workflow = getattr(type(obj), "workflow", None)
    status = getattr(obj, "status", None)
    if workflow is not None and status is not None and status not in workflow.final:
        return f"{obj._meta.verbose_name} {obj} đang được xử lý"
    return ""


def erase_person(actor, value: str, *, reason: str, records=None) -> dict:
    """Blank the person's data in every record holding it that is no longer being handled; records still open are
    kept (the law requires them for the matter) and listed. Each erasure is in the change log with its reason."""
    from django.db import transaction

    from canhgiac.core.kit import ServiceError, set_history

    _may_manage(actor, erase=True)
    if not reason.strip():
        raise ServiceError("Cần ghi lý do xoá dữ liệu cá nhân (ví dụ: yêu cầu của chủ thể dữ liệu ngày …).")
    erased, kept = [], []
    with transaction.atomic():
        for obj in records if records is not None else find_person(value):
            why = _still_needed(obj)
            if why:
                kept.append({"record": f"{obj._meta.label_lower}#{obj.pk}", "why": why})
                continue
            for name in obj.personal_fields:
                setattr(obj, name, ERASED)
            set_history(obj, actor, f"Xoá dữ liệu cá nhân: {reason}")
            obj.save(update_fields=[*obj.personal_fields, *(["last_updated"] if hasattr(obj, "last_updated") else [])])
            PersonalDataAccess.objects.create(
                user=actor, model=obj._meta.label_lower, object_id=str(obj.pk), fields=",".join(obj.personal_fields),
                channel="erasure",
            )  # fmt: skip
            erased.append(f"{obj._meta.label_lower}#{obj.pk}")
    return {"erased": erased, "kept": kept}


def apply_retention(actor, *, days: int, dry_run: bool = False) -> dict:
    """Erase the personal data of records finished more than ``days`` ago (the retention period in settings)."""
    import datetime as dt

    from django.db.models import Q
    from django.utils import timezone

    limit = timezone.now() - dt.timedelta(days=days)
    due = []
    for model in holders():
        if not hasattr(model, "last_updated"):
            continue
        holding = Q()
        for name in model.personal_fields:
            holding |= ~Q(**{name: ERASED})
        for obj in model._default_manager.filter(holding, last_updated__lt=limit):
            if not _still_needed(obj):
                due.append(obj)
    if dry_run:
        return {"erased": [f"{o._meta.label_lower}#{o.pk}" for o in due], "kept": []}
    return erase_person(actor, "", reason=f"hết thời hạn lưu giữ {days} ngày", records=due)
