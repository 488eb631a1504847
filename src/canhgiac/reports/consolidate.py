"""A report built from a report round: the round's type and period, and the parts the agencies sent.

Only parts submitted or accepted bring their figures and texts; a part not sent (still a draft, or returned for
correction) stays in the report by name, marked missing, so a figure never reads as zero because an agency has
not answered. Building again while the round's report is a draft refreshes its parts; once issued, a new draft.

Who may: staff of the provincial authority who write records (``ReportService``: the same rule as any report)."""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction

from canhgiac.core.kit import PermissionDenied
from canhgiac.core.reporttypes import AgencyPart
from canhgiac.reports.context import RECEIVED
from canhgiac.reports.models import Report, ReportStatusChoices
from canhgiac.reports.services import attach_parts, reports, require_provincial
from canhgiac.rounds import collect
from canhgiac.rounds.models import ReportRound


def received_only(parts: list[AgencyPart]) -> list[AgencyPart]:
    """The parts as the report prints them: a part not received keeps its agency and status, nothing else."""
    return [
        part if part.status in RECEIVED else replace(part, figures={}, sections={}, attachments=[]) for part in parts
    ]


def round_parts(rnd: ReportRound) -> list[AgencyPart]:
    return received_only(collect.parts(rnd))


@transaction.atomic
def report_from_round(rnd: ReportRound, *, actor) -> tuple[Report, bool]:
    """The round's draft report with the parts received so far: (report, created)."""
    require_provincial(actor, "Chỉ cán bộ của cơ quan chủ trì (Sở) mới lập báo cáo tổng hợp từ đợt báo cáo.")
    if not ReportRound.objects.visible_to(actor).filter(pk=rnd.pk).exists():
        raise PermissionDenied("Bạn không xem được đợt báo cáo này.")
    ReportRound.objects.select_for_update().filter(pk=rnd.pk).first()  # one build at a time per round
    parts = round_parts(rnd)
    draft = Report.objects.filter(round=rnd, status=ReportStatusChoices.DRAFT).order_by("-id").first()
    if draft is not None:
        return attach_parts(draft, parts, actor=actor), False
    report = reports.create(
        actor=actor,
        reason=f"Lập báo cáo tổng hợp từ đợt báo cáo “{rnd}”",
        report_type=rnd.report_type,
        period_start=rnd.period_start,
        period_end=rnd.period_end,
        round=rnd,
    )
    return attach_parts(report, parts, actor=actor), True
