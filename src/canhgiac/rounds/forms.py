"""Forms of the rounds pages: they parse; the services decide."""

from django import forms
from django.utils.text import slugify

from canhgiac.core import figures as catalogue
from canhgiac.core import reporttypes
from canhgiac.core.forms import DateInput
from canhgiac.core.models import Agency
from canhgiac.rounds.choices import PeriodKindChoices
from canhgiac.rounds.models import ReportRound


def _partner_agencies():
    return Agency.objects.filter(is_active=True).exclude(kind="authority")


def _figure_choices():
    return [(key, f.label) for key, f in catalogue.catalogue().items()]  # labels are unique; keys are codes


class RoundOpenForm(forms.Form):
    report_type = forms.ChoiceField(label="Loại báo cáo")
    period_kind = forms.ChoiceField(label="Loại kỳ", choices=PeriodKindChoices.choices)
    year = forms.IntegerField(label="Năm", required=False)
    number = forms.IntegerField(label="6 tháng / quý thứ", required=False, help_text="1–2 với 6 tháng, 1–4 với quý.")
    period_start = forms.DateField(label="Kỳ từ ngày (tuỳ chọn)", required=False, widget=DateInput())
    period_end = forms.DateField(label="Kỳ đến ngày (tuỳ chọn)", required=False, widget=DateInput())
    due_date = forms.DateField(label="Hạn nộp", widget=DateInput())
    title = forms.CharField(label="Tên đợt báo cáo", required=False, help_text="Bỏ trống: theo loại báo cáo và kỳ.")
    agencies = forms.ModelMultipleChoiceField(
        label="Cơ quan phối hợp", queryset=Agency.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    figures = forms.MultipleChoiceField(
        label="Chỉ số yêu cầu", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Đánh dấu sẵn theo loại báo cáo; bỏ hoặc thêm chỉ số cho đợt này.",
    )  # fmt: skip
    sections = forms.MultipleChoiceField(label="Nội dung yêu cầu", required=False, widget=forms.CheckboxSelectMultiple)
    extra_sections = forms.CharField(
        label="Thêm mục nội dung", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng một tiêu đề mục.",
    )  # fmt: skip
    note = forms.CharField(label="Hướng dẫn cho cơ quan phối hợp", required=False, widget=forms.Textarea)

    def __init__(self, *args, report_type: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_type"].choices = reporttypes.choices()
        if not self.fields["report_type"].choices:
            self.fields["report_type"].help_text = "Chưa có loại báo cáo nào được khai báo: cần cài ứng dụng báo cáo."
        self.fields["agencies"].queryset = _partner_agencies()
        self.fields["figures"].choices = _figure_choices()
        chosen = report_type or (self.fields["report_type"].choices or [("", "")])[0][0]
        try:
            spec = reporttypes.get(chosen).contribution
        except reporttypes.UnknownReportType:
            spec = reporttypes.ContributionSpec()
        self.spec = spec
        self.fields["sections"].choices = [(s.key, s.title) for s in spec.sections]
        if not self.is_bound:
            self.initial.update(
                report_type=chosen, figures=[f.key for f in spec.figures], sections=[s.key for s in spec.sections]
            )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        extra = [line.strip() for line in data.pop("extra_sections").splitlines() if line.strip()]
        data["sections"] = list(data["sections"]) + [{"key": slugify(t)[:60] or f"muc-{i}", "title": t}
                                                     for i, t in enumerate(extra, 1)]  # fmt: skip
        data["agencies"] = list(data["agencies"])
        return data


class RoundEditForm(forms.ModelForm):
    class Meta:
        model = ReportRound
        fields = ("title", "note")


class PartAddForm(forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    due_date = forms.DateField(label="Hạn nộp", required=False, widget=DateInput(), help_text="Bỏ trống: hạn của đợt.")

    def __init__(self, *args, round=None, **kwargs):  # noqa: A002
        super().__init__(*args, **kwargs)
        queryset = _partner_agencies()
        if round is not None:
            queryset = queryset.exclude(contributions__round=round)
        self.fields["agency"].queryset = queryset


class ReturnForm(forms.Form):
    comment = forms.CharField(label="Ý kiến (cần chỉnh sửa gì)", widget=forms.Textarea(attrs={"rows": 3}))
    due_date = forms.DateField(label="Hạn nộp lại", required=False, widget=DateInput())


class AcceptForm(forms.Form):
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Tệp đính kèm", help_text="PDF, Word, OpenDocument hoặc ảnh chụp văn bản.")


def part_input(post, part) -> dict:
    """The service's input from the contribution form: per figure ``value_<key>``, ``nil_<key>``, ``note_<key>``;
    per section ``text_<key>``."""
    figures = [
        {
            "key": row.key,
            "value": post.get(f"value_{row.key}", ""),
            "nil": post.get(f"nil_{row.key}") in ("on", "1", "true"),
            "note": post.get(f"note_{row.key}", ""),
        }
        for row in part.figures.all()
    ]
    sections = {s["key"]: post.get(f"text_{s['key']}", "") for s in part.sections}
    return {"figures": figures, "sections": sections}
