"""Who sees what: one place for the role rules used by views, API and services."""

from canhgiac.core.choices import RoleChoices

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
    """Staff of an agency whose kind is flagged province-wide (the provincial inspectorate), and superusers, see
    every agency's records. The flag is data (``AgencyKind.province_wide``), read once per user object."""
    if getattr(user, "is_superuser", False):
        return True
    if getattr(user, "role", None) not in AUTHORITY_ROLES or getattr(user, "agency_id", None) is None:
        return False
    agency = user.agency
    memo = getattr(user, "_scope_memo", None)
    if memo is None or memo[0] != (agency.pk, agency.kind):
        info = agency.kind_info
        memo = user._scope_memo = ((agency.pk, agency.kind), bool(info and info.province_wide))
    return memo[1]


def can_read_personal_data(user) -> bool:
    return bool(getattr(user, "is_superuser", False) or getattr(user, "role", None) in PERSONAL_DATA_ROLES)


def can_write(user, area: str = "records") -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser or user.role in WRITE_ROLES[area])
