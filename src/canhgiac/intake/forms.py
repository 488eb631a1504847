from django import forms

from canhgiac.cases.services import assignable_users
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.intake.api.serializers import INDICATOR_INPUTS
from canhgiac.intake.choices import ReportTypeChoices
from canhgiac.intake.indicators import FIELDS
from canhgiac.intake.models import Report, ScamWarning
from canhgiac.intake.services import ReportService


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _indicator(name: str) -> forms.CharField:
    return forms.CharField(
        label=FIELDS[name], required=False, help_text=INDICATOR_INPUTS[name], widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorFields(forms.Form):
    phones = _indicator("phones")
    links = _indicator("links")
    accounts = _indicator("accounts")
    bank_accounts = _indicator("bank_accounts")


class ReportForm(IndicatorFields, forms.ModelForm):
    """Staff entry of a report taken by e-mail, in person or by letter (the hotline has its own quicker form)."""

    attachments = MultipleFileField(label="Ảnh chụp màn hình, tệp PDF", required=False)

    class Meta:
        model = Report
        fields = [name for name in ReportService.fields if name != "call_action"]
        widgets = {"occurred_at": forms.DateTimeInput(attrs={"placeholder": "20/11/2026 08:15"})}

    def __init__(self, *args, user, **kwargs):
        """A portal report keeps its channel; reporters' data of a stored report only for roles that may read it."""
        super().__init__(*args, **kwargs)
        if self.instance.channel != "portal":
            self.fields["channel"].choices = [c for c in self.fields["channel"].choices if c[0] != "portal"]
        if self.instance.pk and not can_read_personal_data(user):
            for name in Report.personal_fields:
                del self.fields[name]
        self.fields["assignee"].queryset = assignable_users(user)
        if self.instance.pk:
            for name in (*FIELDS, "attachments"):
                self.fields[name].help_text = "Thêm vào những gì đã có."


class HotlineForm(forms.Form):
    """One call, typed without the mouse: the caller, the number they call about, what they said, what was done."""

    number = forms.CharField(
        label="Số bị phản ánh",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"autofocus": True, "inputmode": "tel", "accesskey": "s"}),
    )
    report_type = forms.ChoiceField(
        label="Loại", choices=ReportTypeChoices.choices, initial=ReportTypeChoices.SCAM_CALL
    )
    summary = forms.CharField(label="Nội dung cuộc gọi", widget=forms.Textarea(attrs={"rows": 3, "accesskey": "n"}))
    action = forms.CharField(label="Đã hướng dẫn / xử lý", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    caller = forms.CharField(label="Người gọi", required=False, max_length=200)
    caller_phone = forms.CharField(
        label="Số người gọi", required=False, max_length=40, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )


class ScamWarningForm(IndicatorFields, forms.ModelForm):
    class Meta:
        model = ScamWarning
        fields = ["title", "summary", "body"]
