"""Demo reports of each channel and a published warning, so `make run` shows the register and the portal filled.
Safe to run again: nothing is added when a report exists."""

from canhgiac.core.models import User
from canhgiac.intake.models import Report
from canhgiac.intake.services import log_call, reports, submit_report
from canhgiac.intake.warnings import publish_warning, warnings

PORTAL = [
    {
        "report_type": "scam_sms",
        "content": "Tin nhắn báo tài khoản ngân hàng bị khoá, yêu cầu bấm vào đường dẫn để xác minh danh tính.",
        "phones": "0912 345 678",
        "links": "https://vcb-xac-minh-tai-khoan.top/dang-nhap",
        "reporter_email": "nguoidan@example.com",
        "consent": True,
    },
    {
        "report_type": "scam_call",
        "content": "Người gọi tự xưng cán bộ công an, nói tôi liên quan vụ rửa tiền, yêu cầu chuyển tiền để xác minh.",
        "phones": "+84 912.345.678",
        "bank_accounts": "VCB:0071000012345",
        "consent": True,
    },
]


def load(stdout) -> None:
    if Report.objects.exists():
        return
    officer = User.objects.filter(username="thanhtra").first() or User.objects.filter(role="inspector").first()
    if officer is None:
        return
    for number, data in enumerate(PORTAL):
        submit_report(data, source=f"demo-{number}")
    log_call(
        actor=officer,
        caller="Nguyễn Văn An",
        caller_phone="0987654321",
        number="0912345678",
        summary="Gọi giả danh điện lực, đòi tiền điện quá hạn.",
        action="Hướng dẫn không chuyển tiền, gửi 156.",
    )
    reports.create(
        actor=officer,
        channel="email",
        report_type="fake_website",
        consent=True,
        content="Trang web giả mạo Cổng dịch vụ công yêu cầu nộp phí.",
        links="dichvucong-gov.top",
    )
    warning = warnings.create(
        actor=officer,
        title="Cảnh báo tin nhắn giả mạo ngân hàng yêu cầu xác minh tài khoản",
        summary="Không bấm vào đường dẫn lạ; ngân hàng không yêu cầu xác minh qua tin nhắn.",
        body="Thời gian gần đây xuất hiện tin nhắn mạo danh ngân hàng… Người dân cần cảnh giác.",
        phones="0912345678",
        links="https://vcb-xac-minh-tai-khoan.top/dang-nhap",
    )
    publish_warning(warning, actor=officer)
    stdout.write("Tiếp nhận phản ánh: 4 phản ánh mẫu, 1 cảnh báo đã đăng (cổng thông tin: /congdan/).")
