from django import forms

from canhgiac.intake import conf
from canhgiac.intake.choices import ReportTypeChoices
from canhgiac.intake.forms import IndicatorFields, MultipleFileField

CONSENT_TEXT = (
    "Tôi đồng ý để cơ quan tiếp nhận xử lý dữ liệu cá nhân trong phản ánh này (họ tên, số điện thoại, thư điện tử, "
    "ảnh chụp) chỉ nhằm xác minh, xử lý phản ánh và trả lời tôi, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15."
)


class PortalReportForm(IndicatorFields):
    report_type = forms.ChoiceField(label="Bạn gặp chuyện gì?", choices=ReportTypeChoices.choices)
    content = forms.CharField(
        label="Mô tả sự việc",
        widget=forms.Textarea(
            attrs={"rows": 5, "placeholder": "Thời gian, số gọi/nhắn tin, họ nói gì, bạn đã chuyển tiền chưa…"}
        ),
        help_text="Có thể dán nguyên văn tin nhắn lừa đảo vào đây.",
    )
    files = MultipleFileField(
        label="Ảnh chụp màn hình hoặc tệp PDF",
        required=False,
        help_text="Tối đa 5 tệp, mỗi tệp tối đa 5 MB. Thông tin ẩn trong ảnh (vị trí, máy chụp) được xoá.",
    )
    reporter_name = forms.CharField(label="Họ tên (không bắt buộc)", required=False, max_length=200)
    reporter_phone = forms.CharField(
        label="Số điện thoại liên hệ (không bắt buộc)",
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    reporter_email = forms.EmailField(
        label="Thư điện tử để nhận trả lời (không bắt buộc)",
        required=False,
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, error_messages={"required": "Cần đồng ý để gửi phản ánh."})
    website = forms.CharField(
        label="Để trống ô này", required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("phones", "links", "accounts", "bank_accounts"):
            self.fields[name].widget.attrs["rows"] = 1
        if conf.captcha_on():
            from captcha.fields import CaptchaField

            self.fields["captcha"] = CaptchaField(
                label="Nhập các ký tự trong ảnh", error_messages={"invalid": "Mã xác nhận chưa đúng, hãy nhập lại."}
            )


class FollowupForm(forms.Form):
    code = forms.CharField(
        label="Mã tra cứu",
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "ABCD-EFGH-JKMN-PQRS"}),
    )
