"""DRF permission built on the same role rules as the web UI (core.scoping)."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from canhgiac.core.scoping import can_write


class RolePermission(BasePermission):
    """Reads need a login; writes need a role allowed for the view's ``write_area``. Rows come scoped."""

    message = "Vai trò của bạn không được phép thực hiện thao tác này."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        return can_write(user, getattr(view, "write_area", "records"))
