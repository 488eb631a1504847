"""Figures that no register of canhgiac holds yet, reported by the agency that holds them in a round's
contribution (see ``core.figures.ReportedFigure``): sanctions, inspections, verifications for the police, the
police's own results. When a capability later records these (sanctions, inspections, phone numbers…), it declares
computed figures with the same meaning and the report type switches to them."""

from canhgiac.core.figures import ReportedFigure

SANCTIONS = "Xử lý vi phạm hành chính"
INSPECTIONS = "Thanh tra, kiểm tra"
POLICE = "Kết quả của cơ quan công an"
SUPPORT = "Hỗ trợ, phối hợp xác minh"


def _sanction(key: str, label: str, **kwargs) -> ReportedFigure:
    return ReportedFigure(f"sanctions.{key}", label, group=SANCTIONS, **kwargs)


FIGURES = [
    _sanction("decisions", "Quyết định xử phạt vi phạm hành chính", unit_label="quyết định"),
    _sanction("subjects", "Đối tượng bị xử phạt", unit_label="đối tượng"),
    _sanction("individuals", "Cá nhân bị xử phạt", unit_label="cá nhân"),
    _sanction("organisations", "Tổ chức bị xử phạt", unit_label="tổ chức"),
    _sanction("social_media", "Đối tượng bị xử phạt do vi phạm trên mạng xã hội", unit_label="đối tượng"),
    _sanction("press", "Đối tượng bị xử phạt trong lĩnh vực báo chí", unit_label="đối tượng"),
    _sanction("social_tiktok", "Chủ tài khoản TikTok bị xử phạt", unit_label="chủ tài khoản"),
    _sanction("social_youtube", "Chủ tài khoản YouTube bị xử phạt", unit_label="chủ tài khoản"),
    _sanction("press_individuals", "Cá nhân bị xử phạt trong lĩnh vực báo chí", unit_label="cá nhân"),
    _sanction("press_organisations", "Tổ chức bị xử phạt trong lĩnh vực báo chí", unit_label="tổ chức"),
    _sanction("amount_total", "Tổng số tiền xử phạt", unit="vnd"),
    _sanction("amount_organisations", "Tiền xử phạt tổ chức", unit="vnd"),
    _sanction("amount_individuals", "Tiền xử phạt cá nhân", unit="vnd"),
    _sanction("terminal_equipment_amount", "Tiền xử phạt về thiết bị đầu cuối", unit="vnd"),
    ReportedFigure("inspections.held", "Cuộc thanh tra, kiểm tra", unit_label="cuộc", group=INSPECTIONS),
    ReportedFigure(
        "inspections.subjects",
        "Tổ chức, doanh nghiệp, hộ kinh doanh được kiểm tra",
        unit_label="đơn vị",
        group=INSPECTIONS,
    ),
    ReportedFigure("inspections.items", "Thiết bị, hàng hoá được kiểm tra", unit_label="thiết bị", group=INSPECTIONS),
    ReportedFigure(
        "inspections.items_noncompliant",
        "Thiết bị, hàng hoá chưa chứng nhận, công bố hợp quy phát hiện qua kiểm tra",
        unit_label="thiết bị",
        group=INSPECTIONS,
    ),
    ReportedFigure(
        "inspections.violations", "Đơn vị vi phạm phát hiện qua kiểm tra", unit_label="đơn vị", group=INSPECTIONS
    ),
    ReportedFigure("phones.blocked", "Thuê bao đề nghị khoá 2 chiều", unit_label="số thuê bao", group=SUPPORT),
    ReportedFigure("phones.recalled", "Thuê bao bị thu hồi theo đề nghị", unit_label="số thuê bao", group=SUPPORT),
    ReportedFigure(
        "support.subscribers_verified", "Thuê bao, IMEI được xác minh cho công an", unit_label="thuê bao", group=SUPPORT
    ),
    ReportedFigure("support.ips_verified", "Địa chỉ IP được xác minh cho công an", unit_label="địa chỉ", group=SUPPORT),
    ReportedFigure(
        "support.judicial_assessments", "Vụ việc được giám định tư pháp", unit_label="vụ việc", group=SUPPORT
    ),
    ReportedFigure(
        "police.harmful_posts",
        "Trường hợp đăng tải nội dung xấu độc phát hiện",
        unit_label="trường hợp",
        source="police",
        group=POLICE,
    ),
    *[
        ReportedFigure(f"police.posts_{key}", label, unit_label="trường hợp", source="police", group=POLICE)
        for key, label in (
            ("gambling", "Trường hợp cung cấp, chia sẻ thông tin đánh bạc, phục vụ đánh bạc"),
            ("unlicensed_business", "Trường hợp kinh doanh mặt hàng có điều kiện không có giấy phép trên mạng"),
            ("counterfeit", "Trường hợp buôn bán hàng giả mạo nhãn hiệu trên mạng"),
            ("personal_data", "Trường hợp thu thập, xử lý, sử dụng thông tin cá nhân không được đồng ý"),
            ("false_info", "Trường hợp cung cấp, chia sẻ thông tin giả mạo, sai sự thật, xuyên tạc, vu khống"),
        )
    ],
    ReportedFigure(
        "police.accounts_removed",
        "Tài khoản mạng xã hội bị bóc gỡ, vô hiệu hoá",
        unit_label="tài khoản",
        source="police",
        group=POLICE,
    ),
    ReportedFigure("police.cases_detected", "Vụ việc phát hiện", unit_label="vụ", source="police", group=POLICE),
    ReportedFigure(
        "police.fraud_cases",
        "Vụ lừa đảo, chiếm đoạt tài sản trên không gian mạng",
        unit_label="vụ",
        source="police",
        group=POLICE,
    ),
    ReportedFigure("police.fraud_damage", "Thiệt hại của các vụ lừa đảo", unit="vnd", source="police", group=POLICE),
    ReportedFigure("police.prosecuted", "Vụ đã khởi tố", unit_label="vụ", source="police", group=POLICE),
    ReportedFigure("police.verifying", "Vụ đang xác minh, làm rõ", unit_label="vụ", source="police", group=POLICE),
    ReportedFigure(
        "police.gambling_cases",
        "Vụ tổ chức đánh bạc, đánh bạc trên không gian mạng",
        unit_label="vụ",
        source="police",
        group=POLICE,
    ),
    ReportedFigure(
        "partners.violations", "Vụ việc vi phạm trong lĩnh vực phát hiện", unit_label="vụ", group="Các cơ quan phối hợp"
    ),
    ReportedFigure(
        "partners.infrastructure_incidents",
        "Vụ xâm hại hạ tầng viễn thông",
        unit_label="vụ",
        group="Các cơ quan phối hợp",
    ),
    ReportedFigure(
        "staff.violations",
        "Cán bộ của cơ quan vi phạm pháp luật trong lĩnh vực",
        unit_label="trường hợp",
        group="Nội bộ",
    ),
]
