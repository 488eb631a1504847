"""Who sees what: one place for the role rules used by views, API and services."""

from canhgiac.core.choices import AgencyKindChoices, RoleChoices

AUTHORITY_ROLES = {
    RoleChoices.ADMINISTRATOR,
    RoleChoices.LEADER,
    RoleChoices.INSPECTOR,
    RoleChoices.OFFICER,
    RoleChoices.VIEWER,
}
# Roles that may read personal data (subscriber owners, reporters' contacts); every read is logged.
PERSONAL_DATA_ROLES = {
    RoleChoices.ADMINISTRATOR,
    RoleChoices.LEADER,
    RoleChoices.INSPECTOR,
    RoleChoices.POLICE_LIAISON,
}
# Roles allowed to write records of a kind ("records"), manage agencies/users ("admin").
WRITE_ROLES = {
    "records": {
        RoleChoices.ADMINISTRATOR,
        RoleChoices.LEADER,
        RoleChoices.INSPECTOR,
        RoleChoices.OFFICER,
        RoleChoices.POLICE_LIAISON,
        RoleChoices.DISTRICT_OFFICER,
    },
    "admin": {RoleChoices.ADMINISTRATOR},
}


def has_global_scope(user) -> bool:
    """Authority staff (and superusers) see every agency's records."""
    if getattr(user, "is_superuser", False):
        return True
    agency = getattr(user, "agency", None)
    return agency is not None and agency.kind == AgencyKindChoices.AUTHORITY and user.role in AUTHORITY_ROLES


def can_read_personal_data(user) -> bool:
    return bool(getattr(user, "is_superuser", False) or getattr(user, "role", None) in PERSONAL_DATA_ROLES)


def can_write(user, area: str = "records") -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser or user.role in WRITE_ROLES[area])
