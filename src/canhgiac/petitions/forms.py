from django import forms

from canhgiac.core.forms import DateInput
from canhgiac.core.models import Agency, Document
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.services import PETITION_FIELDS, receptions
from canhgiac.petitions.steps import step_choices


class PersonalFieldsForm(forms.ModelForm):
    """A record's form: its stored personal data is not put in front of a role that may not read it (those roles
    may still record it on a new record)."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not can_read_personal_data(user):
            for name in self._meta.model.personal_fields:
                self.fields.pop(name, None)


class PetitionForm(PersonalFieldsForm):
    class Meta:
        model = Petition
        fields = PETITION_FIELDS
        widgets = {"received_on": DateInput()}


class ReceptionForm(PersonalFieldsForm):
    class Meta:
        model = Reception
        fields = receptions.fields
        widgets = {"received_on": DateInput()}


class StepForm(forms.Form):
    """One form for every step of the page; the service says which fields the chosen step needs."""

    action = forms.ChoiceField(label="Bước xử lý")
    on = forms.DateField(label="Ngày thực hiện", required=False, widget=DateInput(), help_text="Trống: hôm nay.")
    reason = forms.CharField(label="Lý do / nội dung", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    letter = forms.ModelChoiceField(
        label="Văn bản (quyết định, văn bản chuyển đơn, trả lời, gia hạn)",
        required=False,
        queryset=Document.objects.none(),
    )
    agency = forms.ModelChoiceField(label="Chuyển đến cơ quan", required=False, queryset=Agency.objects.none())
    days = forms.IntegerField(label="Số ngày gia hạn thêm", required=False, min_value=1, max_value=365)

    def __init__(self, *args, petition, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = step_choices(petition, user)
        self.fields["letter"].queryset = Document.objects.visible_to(user).filter(direction="out").order_by("-date")
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True).order_by("name")
