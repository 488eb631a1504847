"""The intake's figures for the catalogue: reports received by channel, by type and by outcome (``core.figures``)."""

from canhgiac.core.figures import DerivedFigure, Figure, percentage
from canhgiac.intake.choices import ChannelChoices, OutcomeChoices, ReportTypeChoices

COMMON = {
    "model": "intake.Report",
    "date_field": "received_at",
    "url": "intake:report_list",
    "date_params": ("received_after", "received_before"),
    "group": "Tiếp nhận phản ánh",
}
ANY_STATUS = {"status": ["new", "confirmed", "dismissed", "escalated", "resolved"]}


def _by(field: str, key: str, label: str, choices, blank: str = "") -> list[Figure]:
    """One figure per value of ``field``: reports received in the period with that value."""
    return [
        Figure(
            f"intake_{key}_{value or blank}",
            f"{label}: {text}",
            unit_label="phản ánh",
            filters={field: value},
            url_params={**ANY_STATUS, field: value or blank},
            **COMMON,
        )
        for value, text in choices
    ]


FIGURES = [
    Figure("intake_reports", "Phản ánh tiếp nhận", unit_label="phản ánh", url_params=ANY_STATUS, **COMMON),
    *_by("channel", "channel", "Phản ánh qua kênh", ChannelChoices.choices),
    *_by("report_type", "type", "Phản ánh loại", ReportTypeChoices.choices),
    *_by("outcome", "outcome", "Phản ánh có kết quả", OutcomeChoices.choices, blank="pending"),
    DerivedFigure(
        "intake_share_handled",
        "Tỷ lệ phản ánh đã có kết quả xử lý",
        inputs=("intake_outcome_pending", "intake_reports"),
        formula=lambda v: (
            None
            if not v.get("intake_reports")
            else percentage("done", "all")(
                {"done": v["intake_reports"] - (v["intake_outcome_pending"] or 0), "all": v["intake_reports"]}
            )
        ),
        group="Tiếp nhận phản ánh",
    ),
]
