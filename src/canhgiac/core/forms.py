from django import forms
from django.db.models import Q
from django.utils import timezone

from canhgiac.core.letters import LetterFileError, LetterNumberError, check_letter_file, parse_letter_number
from canhgiac.core.models import Agency, Document
from canhgiac.core.models.agencies import agency_kind_choices
from canhgiac.core.pickers import PickerSelect, PickerSelectMultiple
from canhgiac.core.services import AgencyService, DocumentService


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AgencyForm(forms.ModelForm):
    kind = forms.ChoiceField(label="Loại", choices=agency_kind_choices)

    class Meta:
        model = Agency
        fields = AgencyService.fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The units in force today (and the one already chosen), not every version of every unit.
        units = self.fields["unit"].queryset
        keep = Q(pk=self.instance.unit_id) if self.instance.unit_id else Q(pk__in=[])
        today = timezone.localdate()
        in_force = Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        self.fields["unit"].queryset = units.filter(in_force | keep).select_related("parent")


class DocumentForm(forms.ModelForm):
    notation = forms.CharField(
        label="Số, ký hiệu",
        max_length=120,
        help_text="Ví dụ 386/CAT-ANM; 15/2020/NĐ-CP; để trống số khi là dự thảo: /BC-SKHCN.",
    )

    class Meta:
        model = Document
        fields = DocumentService.fields
        widgets = {
            "date": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "issuing_agency": PickerSelect("agencies"),
            "receiving_agencies": PickerSelectMultiple("agencies"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["notation", "direction", "doc_type", "date"])
        self.fields["doc_type"].required = False
        self.fields["doc_type"].help_text = "Để trống: suy ra từ ký hiệu (QĐ, BC, KH, TB…), mặc định Công văn."
        if self.instance.pk:
            self.initial["notation"] = self.instance.notation.replace("…", "")

    def clean_notation(self):
        try:
            parse_letter_number(self.cleaned_data["notation"])
        except LetterNumberError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return self.cleaned_data["notation"]

    def clean_file(self):
        """A new upload must be a letter's file (PDF, Word, scan) within the size limit, judged by its bytes."""
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a fresh upload, not the stored file
            try:
                check_letter_file(upload)
            except LetterFileError as exc:
                raise forms.ValidationError(str(exc)) from exc
        return upload
