import datetime as dt

import pytest

from canhgiac.cases.services import create_case
from canhgiac.core.reporttypes import AgencyPart, ContributedFigure
from canhgiac.reports import services

H1_2023 = (dt.date(2023, 1, 1), dt.date(2023, 6, 30))


def case(world, day: dt.date, category: str = "fraud", damage: int = 0, title: str = "Vụ việc"):
    """A case recorded through the cases service, by the province's officer."""
    return create_case(
        actor=world.user("officer"),
        title=title,
        category=category,
        source="citizen",
        received_on=day,
        damage_vnd=damage,
        lead_agency=world.agency("STTTT"),
    )


def police_part(status: str = "submitted") -> AgencyPart:
    return AgencyPart(
        agency_code="CAT-ANM",
        agency_name="Công an tỉnh",
        agency_kind="police",
        status=status,
        figures={
            "police.fraud_cases": ContributedFigure("police.fraud_cases", 4),
            "police.fraud_damage": ContributedFigure("police.fraud_damage", 1526950000),
            "police.gambling_cases": ContributedFigure("police.gambling_cases", 0, nil=True),
            "police.prosecuted": ContributedFigure("police.prosecuted", None),
            "cases.opened_fraud": ContributedFigure("cases.opened_fraud", 5, recorded=3, note="gồm 2 vụ chưa nhập"),
        },
        sections={"results": "Phát hiện 22 trường hợp đăng tải nội dung xấu độc.\n\nBóc gỡ 15 tài khoản."},
    )


def trade_part() -> AgencyPart:
    return AgencyPart(
        agency_code="SCT",
        agency_name="Sở Công Thương",
        agency_kind="department",
        status="accepted",
        figures={"partners.violations": ContributedFigure("partners.violations", 0, nil=True)},
    )


def own_part() -> AgencyPart:
    """The author's own part of the round: figures no register holds yet (inspections, sanctions)."""
    return AgencyPart(
        agency_code="STTTT",
        agency_name="Cơ quan STTTT",
        agency_kind="authority",
        status="accepted",
        figures={
            "inspections.held": ContributedFigure("inspections.held", 2),
            "sanctions.amount_total": ContributedFigure("sanctions.amount_total", 25850000),
            "sanctions.individuals": ContributedFigure("sanctions.individuals", 1),
        },
    )


@pytest.fixture
def draft(world):
    """A draft periodic report of the first half of 2023 by the province's authority."""
    return services.create_report(
        actor=world.user("officer"),
        report_type="periodic",
        period_start=H1_2023[0],
        period_end=H1_2023[1],
        place="Hưng Yên",
        signer_name="Bùi Văn Sỹ",
    )
