"""Figures the rounds tests ask for (the shipped catalogue's providers live in other apps)."""

from canhgiac.core.figures import Figure

FIGURES = [
    Figure("test.cases_opened", "Vụ việc tiếp nhận", "cases.Case", "received_on", agency_field="lead_agency"),
    Figure(
        "test.fraud_damage",
        "Thiệt hại do lừa đảo",
        "cases.Case",
        "received_on",
        unit="vnd",
        filters={"category": "fraud"},
        aggregate="sum:damage_vnd",
        agency_field="lead_agency",
    ),
    Figure(
        "test.gambling",
        "Vụ cờ bạc, cá độ",
        "cases.Case",
        "received_on",
        filters={"category": "gambling"},
        agency_field="lead_agency",
    ),  # fmt: skip
    Figure("test.province_cases", "Vụ việc toàn tỉnh", "cases.Case", "received_on"),
]
