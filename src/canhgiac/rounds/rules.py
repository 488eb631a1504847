"""Who may do what with a round and its parts: the one place the rounds app decides it."""

from canhgiac.core.choices import RoleChoices
from canhgiac.core.kit import PermissionDenied
from canhgiac.core.scoping import can_write, has_global_scope


def is_inspectorate(user) -> bool:
    """Staff of the provincial authority who write records: they open rounds, review parts and remind."""
    return bool(user and user.is_authenticated and can_write(user, "records") and has_global_scope(user))


def require_inspectorate(actor, what: str) -> None:
    if not is_inspectorate(actor):
        raise PermissionDenied(f"Chỉ cán bộ của cơ quan chủ trì (Sở) mới được {what}.")


def may_fill(user, part) -> bool:
    """The contributing agency's own users (every role but read-only viewers), and the inspectorate, who may
    type in a part received by letter on the agency's behalf (the change log says who did)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_inspectorate(user):
        return True
    return user.agency_id == part.agency_id and user.role != RoleChoices.VIEWER


def require_fill(actor, part) -> None:
    if not may_fill(actor, part):
        raise PermissionDenied("Chỉ cán bộ của cơ quan được đề nghị mới được điền và nộp phần đóng góp này.")


def agency_recipients(agency) -> list:
    """The users told about an agency's part: its active users who may fill it."""
    return list(agency.users.filter(is_active=True).exclude(role=RoleChoices.VIEWER).order_by("id"))
