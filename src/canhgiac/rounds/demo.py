"""The demo report round for ``canhgiac load_demo`` (``RoundsConfig.demo_loader``), written through the services:
the last complete half-year, asked of the police, a carrier, a commune, the press and a department; the police
and the department have submitted (the department's figures are nil returns), the press part is accepted, the
carrier's was returned with a comment, the commune is late and was reminded."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from canhgiac.core import figures as catalogue
from canhgiac.core import reporttypes
from canhgiac.core.choices import AgencyKindChoices, RoleChoices
from canhgiac.core.models import Agency, User
from canhgiac.core.services import agencies as agency_service
from canhgiac.rounds import parts, services
from canhgiac.rounds.models import ReportRound

# The commune kind, once the agency kinds follow the 2025 reform; until then the kind that covers communes.
COMMUNE = getattr(AgencyKindChoices, "COMMUNE", AgencyKindChoices.DISTRICT)
AGENCIES = [
    ("UBND-XCL", "UBND xã Can Lộc (demo)", COMMUNE),
    ("BAO", "Báo tỉnh (demo)", AgencyKindChoices.PRESS),
    ("SCT", "Sở Công Thương (demo)", AgencyKindChoices.DEPARTMENT),
]
USERS = [
    ("xacanloc", "Cán bộ xã Can Lộc", RoleChoices.DISTRICT_OFFICER, "UBND-XCL"),
    ("baotinh", "Phóng viên Báo tỉnh", RoleChoices.OFFICER, "BAO"),
    ("congthuong", "Chuyên viên Sở Công Thương", RoleChoices.OFFICER, "SCT"),
]
DEMO_TYPE = reporttypes.ReportType(
    key="demo-phoi-hop",
    label="Báo cáo phối hợp phòng, chống tội phạm (mẫu)",
    title="Kết quả công tác phối hợp phòng, chống tội phạm và vi phạm pháp luật trong lĩnh vực thông tin, "
    "truyền thông {period}",
    contribution=reporttypes.ContributionSpec(
        sections=(
            reporttypes.Section("results", "Kết quả thực hiện"),
            reporttypes.Section("difficulties", "Khó khăn, vướng mắc"),
            reporttypes.Section("proposals", "Đề xuất, kiến nghị"),
        )
    ),
)
TEXTS = {
    "CAT-ANM": "Phát hiện, xử lý 22 trường hợp đăng tải nội dung xấu độc trên không gian mạng; xử phạt hành chính "
    "22 trường hợp với tổng số tiền 169,75 triệu đồng.\n\nTiếp nhận 04 vụ lừa đảo chiếm đoạt tài sản qua mạng, "
    "thiệt hại 1.526.950.000 đồng; khởi tố 01 vụ, 03 vụ đang xác minh.",
    "SCT": "Chưa phát hiện vụ buôn bán hàng lậu, hàng giả, hàng cấm qua thương mại điện tử; chưa phát hiện vi "
    "phạm về sở hữu trí tuệ, cạnh tranh trong thương mại điện tử.",
    "BAO": "Đăng tải nhiều tin, bài cảnh báo các thủ đoạn lừa đảo trên không gian mạng.",
    "VIETTEL": "Khoá 02 chiều các thuê bao theo đề nghị của Công an tỉnh.",
}


def _report_type() -> reporttypes.ReportType:
    """A shipped type that asks partners for something, else the demo's own (registered in this process)."""
    for kind in reporttypes.all_types():
        if kind.contribution.figures or kind.contribution.sections:
            return kind
    return reporttypes.register(DEMO_TYPE)


def _last_half_year(today: dt.date) -> tuple[int, int]:
    return (today.year, 1) if today.month >= 7 else (today.year - 1, 2)


# The authority's own figures no register holds yet (seed 001 §I.1), entered in its own part of the round.
OWN_FIGURES = {
    "inspections.held": 2,
    "inspections.subjects": 2,
    "sanctions.amount_total": 25_850_000,
    "sanctions.organisations": 1,
    "sanctions.amount_organisations": 850_000,
    "sanctions.individuals": 1,
    "sanctions.amount_individuals": 25_000_000,
}


# What the police report that canhgiac's records do not hold (seed 001 §I.2.1, Công an tỉnh Hưng Yên).
POLICE_FIGURES = {
    "police.harmful_posts": 22,
    "police.posts_gambling": 7,
    "police.posts_unlicensed_business": 5,
    "police.posts_counterfeit": 1,
    "police.posts_personal_data": 5,
    "police.posts_false_info": 4,
    "sanctions.subjects": 22,
    "sanctions.amount_total": 169_750_000,
    "police.accounts_removed": 15,
    "police.fraud_cases": 4,
    "police.fraud_damage": 1_526_950_000,
    "police.prosecuted": 1,
    "police.verifying": 3,
    "police.gambling_cases": 1,
}


def _own_part(kind: reporttypes.ReportType, author: Agency | None) -> list[dict]:
    """The authority's own part: what its report type prints from a part rather than from records."""
    if author is None:
        return []
    every = catalogue.catalogue()
    keys = [line.key for line in kind.own_figures if line.key in OWN_FIGURES and line.key in every]
    return [{"agency": author, "figures": keys, "sections": []}] if keys else []


def _demo_figures(kind: reporttypes.ReportType) -> list[str]:
    every = catalogue.catalogue()
    keys = [line.key for line in kind.contribution.figures if line.key in every]
    if keys:
        return keys
    return [key for key, f in every.items() if getattr(f, "agency_field", "")][:6]


def _setup(admin) -> dict[str, Agency]:
    from canhgiac.core.management.commands.load_demo import DEMO_PASSWORD

    found = {}
    for code, name, kind in AGENCIES:
        found[code] = Agency.objects.filter(code=code).first() or agency_service.create(
            actor=admin, code=code, name=name, kind=kind
        )
    for username, full_name, role, code in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name, "role": role, "agency": found[code]}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
    return found


def _fill(part, username: str, *, nil: bool = False, submit: bool = True, given: dict | None = None):
    """The agency's answer: its own figures where ``given``, else what canhgiac recorded for it (confirmed)."""
    user = User.objects.get(username=username)
    given = given or {}
    figures = [{"key": row.key, "value": 0 if nil else given.get(row.key, row.recorded), "nil": nil}
               for row in part.figures.all()]  # fmt: skip
    part = parts.save_part(part, actor=user, figures=figures, sections={"results": TEXTS[part.agency.code]})
    return parts.submit_part(part, actor=user) if submit else part


@transaction.atomic
def load(stdout) -> None:
    inspector = User.objects.get(username="thanhtra")
    kind = _report_type()
    year, half = _last_half_year(timezone.localdate())
    title = f"Báo cáo phối hợp 6 tháng {'đầu' if half == 1 else 'cuối'} năm {year} (demo)"
    if ReportRound.objects.filter(title=title).exists():
        stdout.write(f"Đợt báo cáo mẫu: đã có “{title}”.")
        return
    local = _setup(User.objects.get(username="quantri"))
    # The report's author: the provincial authority (not one of its units), as the report builder takes it.
    author = Agency.objects.filter(kind="authority").exclude(parent__kind="authority").order_by("pk").first()
    asked = [Agency.objects.get(code=code) for code in ("CAT-ANM", "VIETTEL")] + [
        local[c] for c in ("UBND-XCL", "BAO", "SCT")
    ]
    start = dt.date(year, 1 if half == 1 else 7, 1)
    rnd = services.rounds.create(
        actor=inspector,
        title=title,
        report_type=kind.key,
        period_kind="half_year",
        year=year,
        number=half,
        due_date=start + dt.timedelta(days=196),  # mid-July / mid-January: passed for the late ones
        figures=_demo_figures(kind),
        agencies=asked,
        parts=_own_part(kind, author),
        note="Đề nghị các cơ quan, đơn vị báo cáo kết quả phối hợp trong kỳ; "
        "số liệu đã có trong hệ thống được điền sẵn.",
    )
    by_code = {p.agency.code: p for p in rnd.contributions.select_related("agency")}
    own = by_code.pop(author.code, None) if author is not None else None
    if own is not None:
        figures = [{"key": row.key, "value": OWN_FIGURES[row.key]} for row in own.figures.all()]
        parts.submit_part(parts.save_part(own, actor=inspector, figures=figures), actor=inspector)
    _fill(by_code["CAT-ANM"], "congan", given=POLICE_FIGURES)
    _fill(by_code["SCT"], "congthuong", nil=True)
    services.accept_part(_fill(by_code["BAO"], "baotinh"), actor=inspector, comment="Đã tổng hợp vào báo cáo.")
    services.return_part(
        _fill(by_code["VIETTEL"], "viettel"),
        actor=inspector,
        comment="Đề nghị bổ sung số thuê bao đã khoá 02 chiều và số thuê bao đã thu hồi trong kỳ.",
    )
    services.remind_late(rnd, actor=inspector)
    stdout.write(
        f"Đợt báo cáo mẫu “{title}”: {len(by_code)} cơ quan (Công an, Sở Công Thương đã nộp; Báo tỉnh đã tiếp nhận; "
        "Sở đã nhập số liệu thanh tra, xử phạt của mình; "
        "Viettel bị trả lại; xã Can Lộc quá hạn). Tài khoản của các cơ quan thêm: "
        + ", ".join(f"{name} ({code})" for name, _full, _role, code in USERS)
        + " — cùng mật khẩu mẫu."
    )
