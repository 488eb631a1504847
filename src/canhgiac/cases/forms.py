from django import forms

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.cases.models import Case
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.core.forms import DateInput
from canhgiac.core.models import Agency, Document, User
from canhgiac.core.scoping import can_read_personal_data, has_global_scope


def assignable_users(user):
    """Users a case may be assigned to by ``user``: everyone for authority staff, else people of agencies in scope."""
    users = User.objects.filter(is_active=True)
    return users if has_global_scope(user) else users.filter(agency__in=Agency.objects.visible_to(user))


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
        fields = [
            "title",
            "category",
            "source",
            "received_on",
            "description",
            "damage_vnd",
            "lead_agency",
            "district",
            "addressed_agencies",
            "assignee",
            "letters",
            "reporter_name",
            "reporter_phone",
            "reporter_address",
        ]
        widgets = {"received_on": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        """Offer only letters and assignees ``user`` may see; personal fields only to roles that may read them."""
        super().__init__(*args, **kwargs)
        if not can_read_personal_data(user):
            for name in Case.personal_fields:
                del self.fields[name]
        self._hidden_letters = Document.objects.none()
        if self.instance.pk:
            # Links to letters outside the user's scope are neither shown nor dropped on save.
            self._hidden_letters = self.instance.letters.exclude(pk__in=Document.objects.visible_to(user).values("pk"))
        self.fields["letters"].queryset = Document.objects.visible_to(user)
        assignees = assignable_users(user)
        if self.instance.assignee_id:
            assignees = assignees | User.objects.filter(pk=self.instance.assignee_id)
        self.fields["assignee"].queryset = assignees.distinct()

    def clean_letters(self):
        return [*self.cleaned_data["letters"], *self._hidden_letters]

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

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(case._meta.get_field("status").choices)
        self.fields["to_status"].choices = [(s, labels[s]) for s in case.allowed_transitions()]


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
