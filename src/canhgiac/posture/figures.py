"""Figures of the security-posture registers (seed 004 §2.2: "86/86 hệ thống … 100%", "38 hồ sơ cấp độ 1",
"61/86 hệ thống … 70,93%", "2553 máy tính trạm, 05 máy chủ"). Standing counts are snapshots at the period's end."""

from canhgiac.core.figures import DerivedFigure, Figure, percentage

SYSTEM = "posture.InformationSystem"
ENDPOINT = "posture.Endpoint"
APPROVED = {"dossier_status": "approved"}


def _standing(model, agency, url, group, unit_label):
    """A maker of snapshot figures of one register: the standing count at the period's end, with its drill-down."""

    def make(key, label, date_field, filters, params, dates, unit_label=unit_label):
        return Figure(
            key=f"posture.{key}", label=label, model=model, date_field=date_field, filters=filters, snapshot=True,
            agency_field=agency, agency_param=agency, url=url, url_params=params, date_params=dates, group=group,
            unit_label=unit_label,
        )  # fmt: skip

    return make


system = _standing(SYSTEM, "owner_agency", "posture:informationsystem_list", "Hiện trạng an toàn thông tin", "hệ thống")
endpoint = _standing(ENDPOINT, "agency", "posture:endpoint_list", "Phòng chống mã độc tập trung", "máy")


LISTED = ("listed_after", "listed_before")
APPROVED_DATES = ("approved_after", "approved_before")
DEPLOYED = ("deployed_after", "deployed_before")
PROVINCE_OWNED = {"owner_level": "province"}

FIGURES = [
    system("systems_total", "Hệ thống thông tin trong danh mục", "listed_on", {}, {}, LISTED),
    system(
        "systems_approved",
        "Hệ thống thông tin đã được phê duyệt hồ sơ cấp độ",
        "approved_on",
        APPROVED,
        APPROVED,
        APPROVED_DATES,
    ),
    *[
        system(
            f"systems_level_{n}",
            f"Hồ sơ cấp độ {n} đã được phê duyệt",
            "approved_on",
            {**APPROVED, "security_level": n},
            {**APPROVED, "security_level": n},
            APPROVED_DATES,
        )
        for n in range(1, 6)
    ],
    system(
        "systems_province",
        "Hệ thống thông tin do cấp tỉnh chủ quản",
        "listed_on",
        PROVINCE_OWNED,
        PROVINCE_OWNED,
        LISTED,
    ),
    system(
        "systems_province_approved",
        "Hệ thống thông tin cấp tỉnh đã được phê duyệt hồ sơ cấp độ",
        "approved_on",
        {**PROVINCE_OWNED, **APPROVED},
        {**PROVINCE_OWNED, **APPROVED},
        APPROVED_DATES,
    ),
    DerivedFigure(
        "posture.systems_province_approved_share",
        "Tỷ lệ hệ thống cấp tỉnh được phê duyệt hồ sơ cấp độ",
        ("posture.systems_province_approved", "posture.systems_province"),
        percentage("posture.systems_province_approved", "posture.systems_province"),
        group="Hiện trạng an toàn thông tin",
    ),
    system(
        "systems_commune_approved",
        "Hồ sơ cấp độ của hệ thống cấp xã đã được phê duyệt",
        "approved_on",
        {"owner_level": "commune", **APPROVED},
        {"owner_level": "commune", **APPROVED},
        APPROVED_DATES,
    ),
    system(
        "systems_protection_deployed",
        "Hệ thống đã triển khai đầy đủ phương án bảo đảm an toàn",
        "protection_deployed_on",
        {**APPROVED, "protection_deployed": True},
        {**APPROVED, "protection_deployed": "true"},
        DEPLOYED,
    ),
    DerivedFigure(
        "posture.protection_deployed_share",
        "Tỷ lệ hệ thống đã phê duyệt triển khai đầy đủ phương án",
        ("posture.systems_protection_deployed", "posture.systems_approved"),
        percentage("posture.systems_protection_deployed", "posture.systems_approved"),
        group="Hiện trạng an toàn thông tin",
    ),
    endpoint("endpoints_total", "Máy tính trong sổ theo dõi", "listed_on", {}, {}, ("listed_after", "listed_before")),
    endpoint(
        "endpoints_protected",
        "Máy tính đã cài phần mềm phòng chống mã độc tập trung",
        "installed_on",
        {"protected": True},
        {"protected": "true"},
        ("installed_after", "installed_before"),
    ),
    endpoint(
        "workstations_protected",
        "Máy tính trạm đã cài phần mềm phòng chống mã độc tập trung",
        "installed_on",
        {"protected": True, "kind": "workstation"},
        {"protected": "true", "kind": "workstation"},
        ("installed_after", "installed_before"),
        unit_label="máy tính trạm",
    ),
    endpoint(
        "servers_protected",
        "Máy chủ đã cài phần mềm phòng chống mã độc tập trung",
        "installed_on",
        {"protected": True, "kind": "server"},
        {"protected": "true", "kind": "server"},
        ("installed_after", "installed_before"),
        unit_label="máy chủ",
    ),
    DerivedFigure(
        "posture.endpoint_coverage",
        "Tỷ lệ máy tính được bảo vệ bởi phần mềm phòng chống mã độc tập trung",
        ("posture.endpoints_protected", "posture.endpoints_total"),
        percentage("posture.endpoints_protected", "posture.endpoints_total"),
        group="Phòng chống mã độc tập trung",
    ),
]
