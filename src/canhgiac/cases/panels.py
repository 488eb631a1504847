"""What the cases app shows on the dashboard (registered in ``CasesConfig.dashboard_panels``)."""

from django.db.models import Count

from canhgiac.cases.choices import CaseCategoryChoices, CaseStatusChoices
from canhgiac.cases.models import Case, Evidence, Indicator
from canhgiac.core.models import Document


def counts(request) -> dict:
    user = request.user
    cases = Case.objects.visible_to(user)
    return {
        "total_cases": cases.count(),
        "open_cases": cases.open().count(),
        "indicator_count": Indicator.objects.visible_to(user).count(),
        "document_count": Document.objects.visible_to(user).count(),
        "evidence_count": Evidence.objects.visible_to(user).count(),
    }


def breakdown(request) -> dict:
    cases = Case.objects.visible_to(request.user)
    by_category = dict(cases.order_by().values_list("category").annotate(n=Count("id")))
    by_status = dict(cases.order_by().values_list("status").annotate(n=Count("id")))
    return {
        "by_category": [(value, label, by_category.get(value, 0)) for value, label in CaseCategoryChoices.choices],
        "by_status": [(value, label, by_status.get(value, 0)) for value, label in CaseStatusChoices.choices],
    }


def mine(request) -> dict:
    cases = Case.objects.visible_to(request.user).open().filter(assignee=request.user)
    return {"mine": cases.select_related("lead_agency").order_by("received_on", "id")[:10], "mine_count": cases.count()}


def recent(request) -> dict:
    return {"recent": Case.objects.visible_to(request.user).select_related("lead_agency")[:10]}


def letter_cases(request, document) -> dict:
    """On a letter's page: the cases that cite it, as far as the reader may see."""
    cases = Case.objects.visible_to(request.user).filter(letters=document)
    return {"title": "Vụ việc liên quan", "cases": cases.order_by("-received_on")[:50]}


def agency_cases(request, agency) -> dict:
    """On an agency's page: the cases it leads, as far as the reader may see."""
    cases = Case.objects.visible_to(request.user).filter(lead_agency=agency)
    return {"title": "Vụ việc do cơ quan chủ trì", "cases": cases.order_by("-received_on")[:20]}
