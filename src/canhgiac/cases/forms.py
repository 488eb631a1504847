from django import forms

from canhgiac.cases.choices import IndicatorKindChoices
from canhgiac.cases.models import Case
from canhgiac.cases.normalize import NORMALIZERS, IndicatorError, normalize
from canhgiac.cases.services import CASE_FIELDS, assignable_users
from canhgiac.core.forms import DateInput
from canhgiac.core.models import Document, User
from canhgiac.core.pickers import PickerSelect, PickerSelectMultiple
from canhgiac.core.scoping import can_read_personal_data
from canhgiac.core.search import fold
from canhgiac.units.queries import local_units

# Names users write before a value ("SĐT: …", "Tên miền: …"), folded; each kind's code and label are added below.
KIND_NAMES = {
    "sdt": "phone",
    "so dt": "phone",
    "dien thoai": "phone",
    "so thue bao": "phone",
    "thue bao": "phone",
    "mien": "domain",
    "website": "domain",
    "trang web": "domain",
    "link": "url",
    "lien ket": "url",
    "duong dan": "url",
    "ip": "ip",
    "stk": "bank_account",
    "so tai khoan": "bank_account",
    "tai khoan": "bank_account",
    "mang xa hoi": "social",
    "facebook": "social",
    "zalo": "social",
    "email": "email",
    "e-mail": "email",
}
KIND_NAMES.update({fold(str(label)): code for code, label in IndicatorKindChoices.choices})
KIND_NAMES.update({code: code for code in IndicatorKindChoices.values})
# Kinds tried in this order for a line that names none: the first whose normaliser takes the whole text.
GUESS_ORDER = [
    ("email", lambda text: "@" in text and "/" not in text),
    ("ip", lambda text: True),
    ("phone", lambda text: True),
    ("imei", lambda text: True),
    ("url", lambda text: "://" in text),
    ("social", lambda text: "/" in text),
    ("url", lambda text: "/" in text),
    ("domain", lambda text: True),
]


def read_indicator_line(line: str) -> tuple[str | None, str]:
    """(kind, value) of one line of the indicators box: "Tên miền: new88.com", "phone: 0912…" or a bare value whose
    kind is recognised ("0912 345 678" → phone); (None, line) when neither names nor shape tell the kind."""
    line = line.strip()
    name, sep, value = line.partition(":")
    if sep and fold(name.strip()) in KIND_NAMES and value.strip():
        return KIND_NAMES[fold(name.strip())], value.strip()
    for kind, fits in GUESS_ORDER:
        if not fits(line):
            continue
        try:
            NORMALIZERS[kind](line)
        except (IndicatorError, ValueError):
            continue
        return kind, line
    return None, line


class CaseForm(forms.ModelForm):
    indicators_text = forms.CharField(
        label="Dấu hiệu",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "0912 345 678\nnew88.com\nTài khoản ngân hàng: VCB 0071000012345"}
        ),
        help_text="Mỗi dòng một dấu hiệu: số điện thoại, tên miền, đường dẫn, địa chỉ IP, thư điện tử được nhận ra "
        "tự động; ghi rõ loại khi cần, ví dụ “Tài khoản ngân hàng: VCB 0071000012345”. Loại: "
        + ", ".join(str(label) for label in IndicatorKindChoices.labels)
        + ".",
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
            kind, value = read_indicator_line(line)
            if kind is None:
                errors.append(
                    f"Dòng {number}: không nhận ra “{line.strip()[:80]}” là dấu hiệu loại nào; ghi rõ loại, ví dụ "
                    "“Tài khoản ngân hàng: VCB 0071000012345”. Loại: "
                    + ", ".join(str(label) for label in IndicatorKindChoices.labels)
                    + "."
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
