from django import forms

from canhgiac.core.forms import DateInput
from canhgiac.core.models import Agency, Document
from canhgiac.secops.models import Incident, SecurityWarning
from canhgiac.secops.services import incidents, responders, warnings


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class IncidentForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = incidents.fields
        widgets = {"detected_at": DateTimeInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responders"].queryset = responders()
        self.fields["alert"].widget = forms.NumberInput()  # an id: far too many alerts for a drop-down
        self.fields["alert"].help_text = "Mã (số) của cảnh báo SOC, khi sự cố phát hiện từ cảnh báo."


class WarningForm(forms.ModelForm):
    class Meta:
        model = SecurityWarning
        fields = warnings.fields
        widgets = {"sent_on": DateInput(), "content": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.filter(is_active=True)
        self.fields["letter"].queryset = Document.objects.filter(direction="out")


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Chuyển sang")
    reason = forms.CharField(label="Lý do", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.CharField(
        label="Kết quả xử lý (khi đóng sự cố)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    resolved_at = forms.DateTimeField(label="Khắc phục xong lúc", required=False, widget=DateTimeInput())

    def __init__(self, *args, incident: Incident, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(incident._meta.get_field("status").choices)
        self.fields["to_status"].choices = [(s, labels[s]) for s in incident.allowed_transitions(user)]


class EntryForm(forms.Form):
    at = forms.DateTimeField(
        label="Thời điểm", required=False, widget=DateTimeInput(), help_text="Để trống là bây giờ."
    )
    text = forms.CharField(label="Diễn biến", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
