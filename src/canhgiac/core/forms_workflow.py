"""Forms of the workflow pages: a deadline on a record, a holiday, notification preferences."""

from django import forms

from canhgiac.core.models import DeadlineRule, Holiday
from canhgiac.core.notifications import NOTIFICATION_KINDS


class DeadlineForm(forms.Form):
    rule = forms.ChoiceField(label="Quy tắc thời hạn", required=False)
    start = forms.DateField(label="Tính từ ngày", widget=forms.DateInput(attrs={"type": "date"}))
    label = forms.CharField(label="Nội dung (khi tự ghi)", max_length=300, required=False)
    due_date = forms.DateField(
        label="Ngày hạn (khi tự ghi)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice per rule key: the service applies the version in force on the start date.
        keys = {}
        for key, label, days, working in DeadlineRule.objects.values_list("key", "label", "days", "working_days"):
            keys[key] = f"{label} — {days} {'ngày làm việc' if working else 'ngày'}"
        self.fields["rule"].choices = [("", "— tự ghi —"), *sorted(keys.items(), key=lambda item: item[1])]

    def clean(self):
        data = super().clean()
        if not data.get("rule") and not (data.get("label") and data.get("due_date")):
            raise forms.ValidationError("Cần chọn quy tắc thời hạn, hoặc ghi nội dung và ngày hạn.")
        return data


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "name", "kind", "source"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class PreferenceForm(forms.Form):
    email_verbs = forms.MultipleChoiceField(
        label="Gửi cả thư điện tử cho các loại thông báo",
        choices=[(verb, label) for verb, (label, _) in NOTIFICATION_KINDS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
