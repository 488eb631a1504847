"""Reads of the posture registers: anti-malware coverage per agency and for the province."""

from decimal import Decimal

from django.db.models import Count, Q

from canhgiac.core.figures import percentage


def coverage(queryset) -> dict:
    """Computers, those with the agent and the share (2 decimals, half up) per agency and in total."""
    rows = list(
        queryset.values("agency_id", "agency__name", "agency__code")
        .annotate(total=Count("pk"), protected=Count("pk", filter=Q(protected=True)))
        .order_by("agency__name")
    )
    share = percentage("protected", "total")
    for row in rows:
        row["percent"] = share(row)
    total = {"total": sum(r["total"] for r in rows), "protected": sum(r["protected"] for r in rows)}
    total["percent"] = share(total)
    return {"agencies": rows, "province": total}


def percent_text(value: Decimal | None) -> str:
    """70.93 → "70,93%" as Vietnamese officials write it; "—" when there is nothing to divide."""
    return "—" if value is None else f"{value}".replace(".", ",") + "%"
