"""The figures catalogue page: every figure of a period (for the province or one agency), each linked to the list
of the records it counts."""

import datetime as dt
from itertools import groupby

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views import View

from canhgiac.core import figures
from canhgiac.core.kit import ServiceError
from canhgiac.core.models import Agency
from canhgiac.core.scoping import has_global_scope


class FiguresForm(forms.Form):
    start = forms.DateField(label="Từ ngày")
    end = forms.DateField(label="Đến ngày")
    agency = forms.ModelChoiceField(
        Agency.objects.all(), required=False, label="Cơ quan", empty_label="Toàn tỉnh (mọi cơ quan)"
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
        return data


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The current half-year so far: reports are most often "6 tháng đầu năm" or the year."""
    start = dt.date(today.year, 1 if today.month <= 6 else 7, 1)
    return start, today


class FiguresView(LoginRequiredMixin, View):
    def get(self, request):
        start, end = default_period(dt.date.today())
        form = FiguresForm(request.GET or {"start": start, "end": end})
        if not has_global_scope(request.user):
            form.fields["agency"].queryset = Agency.objects.filter(pk=getattr(request.user, "agency_id", None))
            form.fields["agency"].empty_label = None
        groups, error = [], ""
        if form.is_valid():
            window = figures.Window(form.cleaned_data["start"], form.cleaned_data["end"])
            try:
                rows = figures.visible_values(request.user, window, form.cleaned_data["agency"])
            except ServiceError as exc:
                error = str(exc)
            else:
                groups = [(name, list(items)) for name, items in groupby(rows, key=lambda r: r["group"])]
        return render(request, "core/figures.html", {"form": form, "groups": groups, "error": error})
