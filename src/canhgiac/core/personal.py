"""Personal data: shown only to roles that need it, and every read is logged."""

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
