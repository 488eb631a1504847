"""The shipped report types (``core.reporttypes``): the default follows Hưng Yên's periodic report (seed 001), the
other four seeds' shapes are types of their own (seed-figures.md §2).

Figures are catalogue keys (``core.figures``). A key no app has declared yet (the security, posture and outreach
registers are built beside this app) is skipped at build time with a visible note, never a crash.
"""

import datetime as dt

from canhgiac.core.reporttypes import ContributionSpec, FigureLine, ReportType, Section, register

DEFAULT_TYPE = "periodic"

# Programmes a type counts from: "năm thứ N" of a directive, cumulative figures since a project began.
PROGRAMME_START = {
    "directive21": dt.date(2020, 5, 25),  # Chỉ thị số 21/CT-TTg ngày 25/5/2020
    "project12": dt.date(2017, 2, 1),  # Đề án số 12: from 02/2017 (seed 003 §2.3)
}

# The author's own results (seed 001 §I.1): its records, from the catalogue. Figures no register holds yet
# (inspections, sanctions: ``core.reported_figures``) take their value from the author's own part of the round.
OWN_RESULTS = (
    FigureLine("inspections.held"),
    FigureLine("inspections.subjects"),
    FigureLine("sanctions.amount_total"),
    FigureLine("sanctions.organisations"),
    FigureLine("sanctions.amount_organisations"),
    FigureLine("sanctions.individuals"),
    FigureLine("sanctions.amount_individuals"),
    FigureLine("cases.opened", compare="absolute"),
    FigureLine("cases.opened_fraud", compare="absolute"),
    FigureLine("cases.damage_total"),
    FigureLine("cases.transferred"),
    FigureLine("cases.closed"),
    FigureLine("letters.outgoing"),
    FigureLine("webwatch.sites_watched"),
    FigureLine("webwatch.findings", compare="absolute"),
    FigureLine("content.items"),
    FigureLine("secops.alerts_phishing", compare="absolute"),
    FigureLine("secops.connections_coin_miner", compare="absolute"),
    FigureLine("secops.connections_c2", compare="absolute"),
    FigureLine("secops.alerts_wannacry"),
    FigureLine("secops.alerts_botnet", compare="absolute"),
    FigureLine("secops.incidents_opened"),
    FigureLine("posture.systems_approved"),
    FigureLine("posture.endpoint_coverage"),
    FigureLine("outreach.articles"),
    FigureLine("outreach.training_classes"),
    FigureLine("outreach.training_participants"),
)

# What each partner sends (seed 001 §I.2: police, industry and trade, market surveillance, customs, communes, press).
PARTNER_FIGURES = (
    FigureLine("police.harmful_posts"),
    FigureLine("police.posts_gambling"),
    FigureLine("police.posts_unlicensed_business"),
    FigureLine("police.posts_counterfeit"),
    FigureLine("police.posts_personal_data"),
    FigureLine("police.posts_false_info"),
    FigureLine("sanctions.subjects"),
    FigureLine("sanctions.amount_total"),
    FigureLine("police.accounts_removed"),
    FigureLine("police.fraud_cases"),
    FigureLine("police.fraud_damage"),
    FigureLine("police.prosecuted"),
    FigureLine("police.verifying"),
    FigureLine("police.gambling_cases"),
    FigureLine("cases.opened"),
    FigureLine("cases.opened_fraud"),
    FigureLine("partners.violations"),
    FigureLine("partners.infrastructure_incidents"),
    FigureLine("outreach.articles"),  # the press's own articles (prefilled from the outreach register)
)
PARTNER_SECTIONS = (
    Section("results", "Kết quả thực hiện", "Kết quả phối hợp phòng, chống tội phạm của cơ quan trong kỳ."),
    Section("proposals", "Đề xuất, kiến nghị", "Khó khăn, đề xuất của cơ quan (nếu có)."),
)

PERIODIC = register(
    ReportType(
        key=DEFAULT_TYPE,
        label="Báo cáo định kỳ phối hợp phòng, chống tội phạm (mẫu Hưng Yên)",
        title="Kết quả công tác phối hợp phòng, chống tội phạm trong lĩnh vực thông tin và truyền thông {period}",
        own_figures=OWN_RESULTS,
        own_sections=(
            Section("inspection", "Công tác thanh tra, kiểm tra"),
            Section("coordination", "Công tác chủ trì, phối hợp"),
        ),
        contribution=ContributionSpec(figures=PARTNER_FIGURES, sections=PARTNER_SECTIONS),
        recipient="Ủy ban nhân dân tỉnh",
    )
)

# 000 An Giang: a conference speech — results, then the tasks of the next six months.
CONFERENCE = register(
    ReportType(
        key="conference",
        label="Tham luận sơ kết công tác thanh tra, kiểm tra (mẫu An Giang)",
        title="Sơ kết công tác thanh tra, kiểm tra {period}",
        parts=("results", "tasks"),
        own_figures=(
            FigureLine("outreach.articles"),
            FigureLine("outreach.tv_broadcasts"),
            FigureLine("inspections.held"),
            FigureLine("inspections.subjects"),
            FigureLine("inspections.items"),
            FigureLine("inspections.items_noncompliant"),
            FigureLine("inspections.violations"),
            FigureLine("phones.blocked"),
            FigureLine("cases.opened", compare="absolute"),
            FigureLine("cases.opened_harassment"),
            FigureLine("letters.incoming"),
            FigureLine("petitions_received"),
            FigureLine("petitions_received_denunciation", compare="absolute"),
            FigureLine("receptions"),
            FigureLine("sanctions.decisions"),
            FigureLine("sanctions.subjects"),
            FigureLine("sanctions.social_tiktok"),
            FigureLine("sanctions.social_youtube"),
            FigureLine("sanctions.amount_total"),
            FigureLine("sanctions.terminal_equipment_amount"),
            FigureLine("support.subscribers_verified"),
            FigureLine("support.ips_verified"),
            FigureLine("support.judicial_assessments"),
        ),
        own_sections=(
            Section("outreach", "Công tác thông tin, tuyên truyền"),
            Section("management", "Công tác quản lý nhà nước"),
            Section("coordination", "Công tác phối hợp"),
        ),
    )
)

# 002 Bắc Giang: "Sơ kết năm thứ N thực hiện Chỉ thị số 21/CT-TTg".
DIRECTIVE21 = register(
    ReportType(
        key="directive21",
        label="Sơ kết năm thứ N thực hiện Chỉ thị 21/CT-TTg (mẫu Bắc Giang)",
        title=(
            "Sơ kết năm thứ {nth_year} thực hiện Chỉ thị số 21/CT-TTg về tăng cường phòng ngừa, "
            "xử lý hoạt động lừa đảo chiếm đoạt tài sản"
        ),
        parts=("results", "assessment", "tasks"),
        own_figures=(
            FigureLine("outreach.articles"),
            FigureLine("phones.recalled"),
            FigureLine("sanctions.amount_total"),
            FigureLine("cases.opened_fraud"),
            FigureLine("cases.damage_fraud"),
            FigureLine("cases.indicators_phone"),
        ),
        own_sections=(
            Section("briefing", "Công tác quán triệt, tổ chức triển khai thực hiện"),
            Section("outreach", "Công tác tuyên truyền"),
            Section("enforcement", "Công tác phối hợp giám sát, đấu tranh, xử lý vi phạm"),
        ),
    )
)

# 003 Lạng Sơn: Đề án 12, cumulative since the programme began, Arabic numbering.
PROJECT12 = register(
    ReportType(
        key="project12",
        label="Kết quả thực hiện Đề án 12, luỹ kế từ khi triển khai (mẫu Lạng Sơn)",
        title=(
            "Kết quả thực hiện Đề án số 12 về “Tăng cường hiệu quả công tác phòng ngừa, chống vi phạm pháp luật và "
            "tội phạm trên mạng Internet” {period}"
        ),
        parts=("results", "assessment", "tasks"),
        numbering="arabic",
        own_figures=(
            FigureLine("letters.outgoing", since=PROGRAMME_START["project12"]),
            FigureLine("outreach.articles", since=dt.date(2017, 1, 1)),
            FigureLine("sanctions.decisions", since=PROGRAMME_START["project12"]),
            FigureLine("sanctions.amount_total", since=PROGRAMME_START["project12"]),
            FigureLine("cases.opened", since=PROGRAMME_START["project12"]),
            FigureLine("staff.violations"),
        ),
        own_sections=(
            Section("direction", "Công tác chỉ đạo thực hiện"),
            Section("inspection", "Công tác thanh tra, kiểm tra"),
        ),
        recipient="Phòng Tham mưu - Công an tỉnh",
    )
)

# 004 Hà Tĩnh: annual, Arabic numbering; sanctions counted over the first 10 months (a window of its own).
ANNUAL = register(
    ReportType(
        key="annual",
        label="Báo cáo năm, có chỉ số theo kỳ riêng (mẫu Hà Tĩnh)",
        title="Kết quả thực hiện Chương trình hành động bảo đảm an ninh, trật tự trên không gian mạng {period}",
        parts=("results", "difficulties", "proposals"),
        numbering="arabic",
        own_figures=(
            FigureLine("outreach.articles"),
            FigureLine("outreach.commune_radio_materials"),
            FigureLine("outreach.commune_radio_communes"),
            FigureLine("outreach.radio_programmes"),
            FigureLine("outreach.leaflet_copies"),
            FigureLine("outreach.leaflet_communes"),
            FigureLine("outreach.training_sessions_citizens"),
            FigureLine("outreach.training_sessions_it_staff"),
            FigureLine("outreach.training_classes"),
            FigureLine("outreach.training_participants"),
            FigureLine("outreach.contest_units"),
            FigureLine("outreach.contest_entries"),
            FigureLine("outreach.gameshows"),
            FigureLine("outreach.gameshow_teams"),
            FigureLine("units.radio_relay_share"),
            FigureLine("posture.systems_province_approved"),
            FigureLine("posture.systems_province_approved_share"),
            FigureLine("posture.systems_level_1"),
            FigureLine("posture.systems_level_2"),
            FigureLine("posture.systems_level_3"),
            FigureLine("posture.systems_commune_approved"),
            FigureLine("posture.systems_protection_deployed"),
            FigureLine("posture.protection_deployed_share"),
            FigureLine("posture.workstations_protected"),
            FigureLine("posture.servers_protected"),
            FigureLine("posture.endpoint_coverage"),
            FigureLine("secops.incidents_opened_injected_links"),
            FigureLine("webwatch.sites_injected"),
            FigureLine("sanctions.subjects", months=10),
            FigureLine("sanctions.individuals", months=10),
            FigureLine("sanctions.press_individuals", months=10),
            FigureLine("sanctions.social_media", months=10),
            FigureLine("sanctions.press_organisations", months=10),
            FigureLine("sanctions.amount_total", months=10),
            FigureLine("cases.opened", months=10),
        ),
        own_sections=(Section("direction", "Công tác chỉ đạo, điều hành"),),
    )
)

# The shipped types as choices: the OpenAPI schema names their enum (``ENUM_NAME_OVERRIDES``) after this list.
SHIPPED = (PERIODIC, CONFERENCE, DIRECTIVE21, PROJECT12, ANNUAL)
SHIPPED_CHOICES = [(t.key, t.label) for t in SHIPPED]
