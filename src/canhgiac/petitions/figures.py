"""Figures of petitions and citizen reception for the figures catalogue (``core.figures``).

Each measure — received, accepted, resolved, transferred, ran late — is counted in all and per kind of petition,
placed in a period by the date of that step; each has its drill-down: the petitions list with the same filters.
"I.2 … tiếp nhận và xử lý 08 đơn, trong đó có 01 vụ việc tố cáo … tiếp công dân đối với 05 trường hợp" is
``petitions_received``, ``petitions_received_denunciation`` and ``receptions``."""

from canhgiac.core.figures import DerivedFigure, Figure, percentage
from canhgiac.petitions.choices import PetitionKindChoices, PetitionStatusChoices

GROUP = "Tiếp công dân, giải quyết khiếu nại, tố cáo"
PETITION = "petitions.Petition"
LIST = "petitions:petition_list"

# (key part, label, date field = the list's ``<param>_after`` / ``<param>_before`` filters, extra filters)
MEASURES = (
    ("received", "Đơn thư tiếp nhận", "received_on", "received", {}),
    ("accepted", "Đơn thư đã thụ lý", "accepted_on", "accepted", {}),
    ("resolved", "Đơn thư đã giải quyết", "resolved_on", "resolved", {}),
    ("transferred", "Đơn thư đã chuyển cơ quan có thẩm quyền", "transferred_on", "transferred", {}),
    ("overdue", "Đơn thư trễ hạn (bắt đầu trễ hạn trong kỳ)", "overdue_on", "overdue", {}),
)
KIND_NAMES = {
    PetitionKindChoices.COMPLAINT: "khiếu nại",
    PetitionKindChoices.DENUNCIATION: "tố cáo",
    PetitionKindChoices.RECOMMENDATION: "kiến nghị",
    PetitionKindChoices.REFLECTION: "phản ánh",
}


def _figure(key: str, label: str, date_field: str, param: str, filters: dict, params: dict) -> Figure:
    return Figure(
        key=key,
        label=label,
        model=PETITION,
        date_field=date_field,
        unit_label="đơn",
        filters=filters,
        agency_field="handling_agency",
        url=LIST,
        url_params=params,
        date_params=(f"{param}_after", f"{param}_before"),
        agency_param="handling_agency",
        group=GROUP,
    )


def _petition_figures() -> list:
    figures = []
    for part, label, date_field, param, filters in MEASURES:
        figures.append(_figure(f"petitions_{part}", label, date_field, param, filters, {}))
        for kind, name in KIND_NAMES.items():
            figures.append(
                _figure(
                    f"petitions_{part}_{kind}",
                    f"{label}: {name}",
                    date_field,
                    param,
                    {**filters, "kind": kind},
                    {"kind": kind},
                )
            )
    return figures


FIGURES = [
    *_petition_figures(),
    _figure(
        "petitions_resolved_on_time",
        "Đơn thư giải quyết đúng hạn",
        "resolved_on",
        "resolved",
        {"status": PetitionStatusChoices.RESOLVED, "overdue_on__isnull": True},
        {"on_time": "true"},
    ),
    DerivedFigure(
        key="petitions_resolved_on_time_share",
        label="Tỷ lệ đơn thư giải quyết đúng hạn",
        inputs=("petitions_resolved_on_time", "petitions_resolved"),
        formula=percentage("petitions_resolved_on_time", "petitions_resolved"),
        group=GROUP,
    ),
    Figure(
        key="receptions",
        label="Lượt tiếp công dân",
        model="petitions.Reception",
        date_field="received_on",
        unit_label="trường hợp",
        agency_field="agency",
        url="petitions:reception_list",
        date_params=("received_after", "received_before"),
        agency_param="agency",
        group=GROUP,
    ),
    Figure(
        key="reception_people",
        label="Số công dân được tiếp",
        model="petitions.Reception",
        date_field="received_on",
        unit="people",
        aggregate="sum:citizens_count",
        agency_field="agency",
        url="petitions:reception_list",
        date_params=("received_after", "received_before"),
        agency_param="agency",
        group=GROUP,
    ),
]
