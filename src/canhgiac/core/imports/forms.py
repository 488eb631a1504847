from django import forms

from canhgiac.core.imports.kinds import ImportFileError, ImportKind, ImportModeChoices
from canhgiac.core.imports.reading import file_format


class ImportUploadForm(forms.Form):
    """The file of one import kind and, when the kind offers both, the mode."""

    file = forms.FileField(label="Tệp")
    mode = forms.ChoiceField(label="Cách nhập", widget=forms.RadioSelect, required=False)

    def __init__(self, *args, kind: ImportKind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["file"].label = "Tệp " + " hoặc ".join(f.upper() for f in kind.formats)
        mode = self.fields["mode"]
        assert isinstance(mode, forms.ChoiceField)
        mode.choices = [(m, ImportModeChoices(m).label) for m in kind.modes]
        self.fields["mode"].initial = kind.default_mode
        if len(kind.modes) == 1:
            del self.fields["mode"]  # nothing to choose

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            file_format(upload.name, self.kind)
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload

    def clean_mode(self):
        return self.cleaned_data.get("mode") or self.kind.default_mode
