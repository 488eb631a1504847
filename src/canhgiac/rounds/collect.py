"""What a round hands the report builder: one ``core.reporttypes.AgencyPart`` per contributing agency.

The ``reports`` app calls ``parts(round)`` and needs no knowledge of rounds. Figures keep the difference between a
nil return (``nil``: a confirmed zero, "chưa phát hiện") and a figure the agency did not report (``value`` None)."""

from decimal import Decimal

from canhgiac.core.reporttypes import AgencyPart, ContributedFigure
from canhgiac.rounds.models import Contribution, ReportRound


def _number(value: Decimal | None) -> int | Decimal | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def parts(round: ReportRound) -> list[AgencyPart]:  # noqa: A002  (the name the report builder calls it by)
    """Every part of ``round`` in the order the agencies were asked, whatever its status (the builder decides
    which statuses it prints); sections in the order asked, files still attached by name."""
    result = []
    query = Contribution.objects.filter(round=round).select_related("agency").prefetch_related("figures", "attachments")
    for part in query.order_by("id"):
        figures = {
            row.key: ContributedFigure(
                key=row.key, value=_number(row.value), recorded=_number(row.recorded), nil=row.nil, note=row.note
            )
            for row in part.figures.all()
        }
        sections = {s["key"]: part.texts.get(s["key"], "") for s in part.sections}
        result.append(
            AgencyPart(
                agency_code=part.agency.code,
                agency_name=part.agency.name,
                agency_kind=part.agency.kind,
                status=part.status,
                figures=figures,
                sections=sections,
                attachments=[a.original_name for a in part.attachments.all() if not a.withdrawn],
            )
        )
    return result
