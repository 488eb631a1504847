import datetime as dt

from django import forms
from django.utils import timezone

from canhgiac.content.choices import ContentLabelChoices
from canhgiac.content.ingest import InputError, check_upload
from canhgiac.core.imports.forms import ImportUploadForm


class IngestForm(ImportUploadForm):
    """The content import's upload: the text column is looked for in the header before the file is queued."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Tệp CSV, JSONL hoặc XLSX"
        self.fields[
            "file"
        ].help_text = "Cột văn bản có tiêu đề “Nội dung” (các tên cột khác được nhận: xem bảng bên dưới)."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".tsv", ".jsonl", ".ndjson", ".xlsx")):
            raise forms.ValidationError("Chỉ nhận tệp .csv, .tsv, .jsonl hoặc .xlsx.")
        if upload.name.lower().endswith(".xlsx"):
            return super().clean_file()
        upload.seek(0)
        head = upload.read(64 * 1024)
        upload.seek(0)
        try:
            check_upload(upload.name, upload.size, head)
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


class ReviewForm(forms.Form):
    label = forms.ChoiceField(label="Nhãn đúng", choices=ContentLabelChoices.choices)


class DigestForm(forms.Form):
    start = forms.DateField(
        label="Từ ngày", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), required=False
    )
    end = forms.DateField(
        label="Đến ngày", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), required=False
    )

    def period(self) -> tuple[dt.date, dt.date]:
        """(start, end), both defaulting to today; swapped when given in the wrong order."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or data.get("end") or today
        end = data.get("end") or start
        return (start, end) if start <= end else (end, start)
