"""Report figures from cases and indicators (see ``core.figures``)."""

from django.db.models import Q

from canhgiac.cases.choices import CaseCategoryChoices, CaseStatusChoices, IndicatorKindChoices
from canhgiac.core.figures import Figure

CASE = {
    "model": "cases.Case",
    "date_field": "received_on",
    "agency_field": "lead_agency",
    "url": "cases:case_list",
    "date_params": ("received_after", "received_before"),
    "agency_param": "lead_agency",
    "group": "Vụ việc",
}
CLOSED = {
    "model": "cases.CaseEvent",
    "date_field": "at",
    "aggregate": "distinct:case",
    "agency_field": "case__lead_agency",
    "url": "cases:case_list",
    "date_params": ("closed_after", "closed_before"),
    "agency_param": "lead_agency",
    "group": "Vụ việc",
}
OPEN_STATUSES = [CaseStatusChoices.RECEIVED, CaseStatusChoices.VERIFYING, CaseStatusChoices.HANDLING]

FIGURES = [
    Figure("cases.opened", "Vụ việc tiếp nhận", unit_label="vụ", **CASE),
    *(
        Figure(
            f"cases.opened_{value}",
            f"Vụ việc tiếp nhận — {label}",
            unit_label="vụ",
            filters={"category": value},
            url_params={"category": value},
            **CASE,
        )
        for value, label in CaseCategoryChoices.choices
    ),
    Figure(
        "cases.damage_total",
        "Thiệt hại của các vụ việc tiếp nhận",
        unit="vnd",
        aggregate="sum:damage_vnd",
        **CASE,
    ),
    Figure(
        "cases.damage_fraud",
        "Thiệt hại của các vụ lừa đảo tiếp nhận",
        unit="vnd",
        aggregate="sum:damage_vnd",
        filters={"category": CaseCategoryChoices.FRAUD},
        url_params={"category": CaseCategoryChoices.FRAUD},
        **CASE,
    ),
    Figure(
        "cases.still_open",
        "Vụ việc tiếp nhận trong kỳ còn đang xác minh, xử lý",
        unit_label="vụ",
        filters=Q(status__in=OPEN_STATUSES),
        url_params={"status": OPEN_STATUSES},
        **CASE,
    ),
    Figure(
        "cases.transferred",
        "Vụ việc tiếp nhận trong kỳ đã chuyển cơ quan công an",
        unit_label="vụ",
        filters={"status": CaseStatusChoices.TRANSFERRED},
        url_params={"status": CaseStatusChoices.TRANSFERRED},
        **CASE,
    ),
    Figure(
        "cases.closed",
        "Vụ việc kết thúc trong kỳ",
        unit_label="vụ",
        filters={"to_status": CaseStatusChoices.CLOSED},
        **CLOSED,
    ),
    *(
        Figure(
            f"cases.indicators_{value}",
            f"Dấu hiệu ghi nhận — {label}",
            model="cases.Indicator",
            date_field="created",
            filters={"kind": value},
            url="cases:indicator_list",
            url_params={"kind": value},
            date_params=("created_after", "created_before"),
            group="Vụ việc",
        )
        for value, label in IndicatorKindChoices.choices
    ),
]
