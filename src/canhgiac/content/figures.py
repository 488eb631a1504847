"""Report figures from the content triage (see ``core.figures``): items recorded by class, and escalated."""

from django.db.models import Q

from canhgiac.content.choices import ContentItemStatusChoices, ContentLabelChoices
from canhgiac.core.figures import Figure

KEPT = [s for s in ContentItemStatusChoices.values if s != ContentItemStatusChoices.DISMISSED]
ITEMS = {
    "model": "content.ContentItem",
    "date_field": "created",
    "agency_field": "agency",
    "url": "content:item_list",
    "date_params": ("created_after", "created_before"),
    "agency_param": "agency",
    "unit_label": "tin, bài",
    "group": "Nội dung trên không gian mạng",
}

FIGURES = [
    Figure("content.items", "Tin, bài, tin nhắn được ghi nhận để phân loại", **ITEMS),
    *(
        Figure(
            f"content.items_{value}",
            f"Nội dung được phân loại — {label}",
            filters=Q(label=value, status__in=KEPT),
            url_params={"label": value, "status": KEPT},
            **ITEMS,
        )
        for value, label in ContentLabelChoices.choices
        if value != ContentLabelChoices.NORMAL
    ),
    Figure(
        "content.escalated",
        "Nội dung chuyển thành vụ việc",
        filters={"status": ContentItemStatusChoices.ESCALATED},
        url_params={"status": ContentItemStatusChoices.ESCALATED},
        **ITEMS,
    ),
]
