from django import forms

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.cases.models import Case
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.cases.services import CASE_FIELDS, assignable_users
from canhgiac.core.forms import DateInput
from canhgiac.core.models import Document, User
from canhgiac.core.pickers import PickerSelect, PickerSelectMultiple
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.units.queries import local_units


class CaseForm(forms.ModelForm):
    indicators_text = forms.CharField(
        label="Dấu hiệu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "phone: 0912345678\ndomain: new88.com"}),
        help_text="Mỗi dòng một dấu hiệu dạng “loại: giá trị”. Loại: "
        + ", ".join(f"{k} ({v})" for k, v in IndicatorKindChoices.choices),
    )

    class Meta:
        model = Case
        fields = CASE_FIELDS
        widgets = {
            "received_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            # Type-ahead: letters and agencies are too many to list in a <select>.
            "letters": PickerSelectMultiple("documents"),
            "addressed_agencies": PickerSelectMultiple("agencies"),
            "lead_agency": PickerSelect("agencies"),
        }

    def __init__(self, *args, user, **kwargs):
        """Offer only letters and assignees ``user`` may see; personal fields only to roles that may read them."""
        super().__init__(*args, **kwargs)
        if not can_read_personal_data(user):
            for name in Case.personal_fields:
                del self.fields[name]
        # Links to letters outside the user's scope are neither shown here nor dropped on save (the service keeps them).
        self.fields["letters"].queryset = Document.objects.visible_to(user)
        assignees = assignable_users(user)
        if self.instance.assignee_id:
            assignees = assignees | User.objects.filter(pk=self.instance.assignee_id)
        self.fields["assignee"].queryset = assignees.distinct()
        self.fields["locality"].queryset = local_units(keep=self.instance.locality_id)

    def clean_indicators_text(self):
        """Parse "kind: value" lines; each bad line becomes a field error naming the line and the reason."""
        parsed, errors = [], []
        for number, line in enumerate(self.cleaned_data.get("indicators_text", "").splitlines(), start=1):
            if not line.strip():
                continue
            kind, sep, value = line.partition(":")
            kind = kind.strip().lower()
            if not sep or kind not in IndicatorKindChoices.values:
                errors.append(
                    f"Dòng {number}: ghi theo mẫu “loại: giá trị”, loại là một trong {IndicatorKindChoices.values}."
                )
                continue
            try:
                normalize(kind, value.strip())
            except IndicatorError as exc:
                errors.append(f"Dòng {number}: {exc}")
                continue
            parsed.append((kind, value.strip()))
        if errors:
            raise forms.ValidationError(errors)
        return parsed


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Chuyển sang")
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))
    letter = forms.ModelChoiceField(
        label="Văn bản làm căn cứ",
        queryset=Document.objects.none(),
        required=False,
        help_text="Bắt buộc khi chuyển sang “Đã xử phạt” (quyết định xử phạt).",
    )

    def __init__(self, *args, case: Case, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(case._meta.get_field("status").choices)
        self.fields["to_status"].choices = [(s, labels[s]) for s in case.allowed_transitions(user)]
        self.fields["letter"].queryset = case.letters.visible_to(user) if user is not None else Document.objects.none()


class IndicatorAddForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=IndicatorKindChoices.choices)
    value = forms.CharField(label="Giá trị", max_length=500)

    def clean(self):
        data = super().clean()
        if "kind" in data and "value" in data:
            try:
                normalize(data["kind"], data["value"])
            except IndicatorError as exc:
                self.add_error("value", str(exc))
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label="Tệp chứng cứ")
    description = forms.CharField(label="Mô tả", required=False, max_length=500)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="Lý do thu hồi", widget=forms.Textarea(attrs={"rows": 2}))
