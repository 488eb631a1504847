"""The public look-up: what the office knows about a phone number, domain, link or account — never who reported it."""

from django.urls import reverse

from canhgiac.cases.choices import CaseStatusChoices
from canhgiac.cases.models import Indicator
from canhgiac.intake.choices import LookupStatusChoices as Status
from canhgiac.intake.indicators import guess
from canhgiac.intake.models import ReportIndicator, ScamWarning

# A case in one of these stages has established the indicator's misuse.
CONFIRMING_CASE = (CaseStatusChoices.HANDLING, CaseStatusChoices.TRANSFERRED, CaseStatusChoices.SANCTIONED)


def lookup(text: str) -> dict:
    """{"kind", "value", "status", "status_label", "reports", "warning"} for ``text`` (IndicatorError when it is
    not something that can be looked up)."""
    item = guess(text)
    answer = {"kind": item.kind, "value": item.value, "status": Status.NONE, "reports": 0, "warning": None}
    indicator = Indicator.objects.filter(kind=item.kind, value=item.value).only("pk").first()
    if indicator is not None:
        answer["reports"] = ReportIndicator.objects.filter(indicator_id=indicator.pk).count()
        warning = ScamWarning.objects.published().filter(indicators=indicator).order_by("-published_at").first()
        if warning is not None:
            answer["warning"] = {
                "title": warning.title,
                "summary": warning.summary,
                "published_at": warning.published_at.isoformat(),
                "url": reverse("portal:warning", args=[warning.pk]),
            }
        cases = indicator.cases.all()
        if warning is not None or cases.filter(status__in=CONFIRMING_CASE).exists():
            answer["status"] = Status.CONFIRMED
        elif answer["reports"] or cases.exists():
            answer["status"] = Status.VERIFYING
    answer["status_label"] = Status(answer["status"]).label
    return answer
