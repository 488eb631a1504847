"""What the reports app shows on other records' pages (``ReportsConfig.related_panels``)."""

from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.reports.models import Report


def round_reports(request, rnd) -> dict:
    """On a round's page: the reports built from it, and for the inspectorate the button that builds one."""
    user = request.user
    rows = Report.objects.visible_to(user).filter(round=rnd).select_related("document").order_by("-id")
    may_build = bool(has_global_scope(user) and can_write(user))
    if not may_build and not rows.exists():
        return None
    return {"round": rnd, "reports": rows, "may_build": may_build, "has_draft": any(not r.is_issued for r in rows)}
