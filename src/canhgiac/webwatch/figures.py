"""Report figures from the website watch (see ``core.figures``)."""

from django.db.models import Q

from canhgiac.core.figures import Figure
from canhgiac.webwatch.choices import FindingStatusChoices

NOT_DISMISSED = [s for s in FindingStatusChoices.values if s != FindingStatusChoices.DISMISSED]
FOUND = {
    "model": "webwatch.Finding",
    "date_field": "created",
    "agency_field": "site__owner_agency",
    "url": "webwatch:finding_list",
    "date_params": ("found_after", "found_before"),
    "agency_param": "owner_agency",
    "filters": Q(status__in=NOT_DISMISSED),
    "url_params": {"status": NOT_DISMISSED},
    "group": "Giám sát trang thông tin điện tử",
}
FIXED = {
    **FOUND,
    "date_field": "fixed_at",
    "date_params": ("fixed_after", "fixed_before"),
}

FIGURES = [
    Figure(
        "webwatch.sites_watched",
        "Trang thông tin điện tử được giám sát (cuối kỳ)",
        model="webwatch.Site",
        date_field="created",
        snapshot=True,
        unit_label="trang",
        filters={"active": True},
        agency_field="owner_agency",
        url="webwatch:site_list",
        url_params={"active": "true"},
        date_params=("created_after", "created_before"),
        agency_param="owner_agency",
        group="Giám sát trang thông tin điện tử",
    ),
    Figure(
        "webwatch.scans",
        "Lượt quét trang thông tin điện tử",
        model="webwatch.ScanRun",
        date_field="started_at",
        unit_label="lượt",
        agency_field="site__owner_agency",
        group="Giám sát trang thông tin điện tử",
    ),
    Figure("webwatch.findings", "Dấu hiệu bị chèn mã, nội dung lạ phát hiện", unit_label="dấu hiệu", **FOUND),
    Figure(
        "webwatch.sites_injected",
        "Trang thông tin điện tử bị chèn mã, nội dung lạ",
        unit_label="trang",
        aggregate="distinct:site",
        **FOUND,
    ),
    Figure(
        "webwatch.sites_fixed",
        "Trang thông tin điện tử đã khắc phục",
        unit_label="trang",
        aggregate="distinct:site",
        **FIXED,
    ),
]
