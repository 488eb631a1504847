"""The web actions of the triage base, the same for every kind of detected item: dismiss (with a reason), reopen,
escalate into a new case or into an existing one (its code typed in the form)."""

from typing import Any

from canhgiac.cases.triage import find_case
from canhgiac.core.views.generic import ObjectActionView


class TriageActionView(ObjectActionView):
    """Configure with ``model``, ``triage`` (the app's ``EscalatingTriage``) and ``step``; a form may post
    ``action=reopen`` to the dismiss URL."""

    triage: Any = None
    step = "dismiss"

    def act(self, request, obj):
        step = "reopen" if request.POST.get("action") == "reopen" else self.step
        name = self.triage.item_name
        if step == "reopen":
            self.triage.reopen(obj, actor=request.user)
            return f"Đã mở lại {name}.", None
        if step == "dismiss":
            self.triage.dismiss(obj, actor=request.user, reason=request.POST.get("reason", ""))
            return f"Đã bỏ qua {name} (báo động nhầm).", None
        existing = find_case(request.POST.get("case"), request.user)
        case = self.triage.escalate([obj], actor=request.user, case=existing)
        verb = f"Đã bổ sung {name} vào vụ việc" if existing else "Đã tạo vụ việc"
        return f"{verb} {case.code}.", case
