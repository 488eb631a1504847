"""What the rounds app shows on the dashboard (``RoundsConfig.dashboard_panels``)."""

from canhgiac.rounds.choices import OPEN_STATUSES
from canhgiac.rounds.models import Contribution
from canhgiac.rounds.rules import is_inspectorate


def awaited(request) -> dict | None:
    """The inspectorate: parts late across rounds. An agency: its own parts still to send. None when nothing."""
    user = request.user
    parts = Contribution.objects.visible_to(user).select_related("round", "agency").order_by("due_date", "id")
    if is_inspectorate(user):
        rows, title = parts.late(), "Phần đóng góp quá hạn chưa nộp"
    else:
        rows, title = parts.filter(status__in=OPEN_STATUSES), "Phần đóng góp cơ quan bạn cần gửi"
    if not rows.exists():
        return None
    return {"title": title, "rows": rows[:10], "count": rows.count()}
