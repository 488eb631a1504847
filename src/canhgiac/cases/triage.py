"""Escalation of detected items into cases — the cases app's half of the triage base (``core.triage``).

An app's triage service subclasses :class:`EscalatingTriage` and says what a case opened from its items holds
(``case_data``), which indicators they carry (``indicators``) and what evidence is kept (``evidence``). One
``escalate`` then opens a case from several items at once, or adds them to an existing case, with their evidence
and indicators, marks each item escalated, and refuses items that already went to a case.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.base import ContentFile
from django.db import transaction

from canhgiac.cases.models import Case
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.cases.services import add_indicator, attach_evidence, cases, create_case
from canhgiac.core.kit import require_write
from canhgiac.core.triage import TriageError, TriageService, TriageStatusChoices


class EscalatingTriage(TriageService):
    def case_data(self, items: Sequence, actor) -> dict:
        """Fields of a new case opened from ``items`` (title, category, source, received_on, lead_agency…)."""
        raise NotImplementedError

    def indicators(self, item) -> list[tuple[str, str]]:
        """(kind, text) of the indicators an item carries; those that do not normalise are noted, not fatal."""
        return []

    def evidence(self, item) -> tuple[str, bytes, str]:
        """(file name, bytes, description) of the evidence an item leaves in the case."""
        raise NotImplementedError

    def escalate(self, items: Sequence, *, actor, case: Case | None = None) -> Case:
        """Open a case from ``items`` (or add them to ``case``), with their indicators and evidence."""
        items = list(items)
        if not items:
            raise TriageError(f"Chưa chọn {self.item_name} nào để chuyển thành vụ việc.")
        require_write(actor, self.area)
        with transaction.atomic():
            locked = [self.lock(item, actor) for item in items]
            indicators, skipped = [], []
            for item in locked:
                for kind, text in self.indicators(item):
                    try:
                        normalize(kind, text)
                        indicators.append((kind, text))
                    except IndicatorError as exc:
                        skipped.append(f"{text} ({exc})")
            if case is None:
                data = self.case_data(locked, actor)
                if skipped:
                    data["description"] = (
                        data.get("description", "") + "\nKhông chuẩn hoá được, không thêm làm dấu hiệu: "
                    ) + "; ".join(skipped)
                case = create_case(actor=actor, indicators=list(dict.fromkeys(indicators)), **data)
                verb = "Chuyển thành vụ việc"
            else:
                case = cases.lock(case, actor)
                for kind, text in dict.fromkeys(indicators):
                    add_indicator(case, kind, text, actor=actor)
                verb = "Bổ sung vào vụ việc"
            for item in locked:
                name, content, description = self.evidence(item)
                attach_evidence(case, ContentFile(content, name=name), actor=actor, description=description)
                item.case = case
                self._decide(item, actor, TriageStatusChoices.ESCALATED, f"{verb} {case.code}", ["case"])
                self.after(item, actor, "escalate")
            return case


def find_case(value, actor) -> Case | None:
    """The case a user names to add items to: its code ("VV-2026-00004") or id; None when nothing is named."""
    text = str(value or "").strip()
    if not text:
        return None
    cases = Case.objects.visible_to(actor)
    case = cases.filter(code__iexact=text).first() or (cases.filter(pk=int(text)).first() if text.isdigit() else None)
    if case is None:
        raise TriageError(f"Không tìm thấy vụ việc “{text}” (kiểm tra mã vụ việc, hoặc bạn không có quyền xem).")
    return case
