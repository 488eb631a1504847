"""The case list's bulk actions: the ticked cases assigned, moved along the workflow, or exported."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from canhgiac.cases.bulk import BulkError, bulk_assign, bulk_transition
from canhgiac.cases.choices import CaseStatusChoices
from canhgiac.cases.services import assignable_users
from canhgiac.core.views.generic import WriteRequiredMixin

ACTIONS = [
    ("assign", "Giao người xử lý"),
    ("transition", "Chuyển trạng thái"),
    ("export", "Xuất XLSX các vụ việc đã chọn"),
]


class BulkForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(label="Vụ việc", coerce=int, required=False)
    action = forms.ChoiceField(label="Thao tác", choices=ACTIONS)
    assignee = forms.ModelChoiceField(label="Người xử lý", queryset=None, required=False)
    to_status = forms.ChoiceField(
        label="Trạng thái mới", choices=[("", "---------"), *CaseStatusChoices.choices], required=False
    )
    reason = forms.CharField(label="Lý do", required=False, max_length=1000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_users(user).order_by("username")
        self.fields["ids"].choices = [(value, value) for value in self.data.getlist("ids") if value.isdigit()]


class CaseBulkView(WriteRequiredMixin, View):
    write_area = "records"

    def post(self, request):
        form = BulkForm(request.POST, user=request.user)
        back = request.POST.get("next") or reverse("cases:case_list")
        if not back.startswith("/cases/"):
            back = reverse("cases:case_list")
        if not form.is_valid():
            messages.error(request, "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
            return redirect(back)
        data = form.cleaned_data
        if not data["ids"]:
            messages.error(request, "Chưa chọn vụ việc nào: đánh dấu ở cột đầu của danh sách.")
            return redirect(back)
        if data["action"] == "export":
            ids = ",".join(str(i) for i in sorted(set(data["ids"])))
            return redirect(f"{reverse('cases:case_list')}?ids={ids}&_export=xlsx")
        try:
            if data["action"] == "assign":
                done = bulk_assign(data["ids"], data["assignee"], actor=request.user)
                messages.success(request, f"Đã giao {done} vụ việc cho {data['assignee']}.")
            else:
                done = bulk_transition(data["ids"], data["to_status"], actor=request.user, reason=data["reason"])
                label = CaseStatusChoices(data["to_status"]).label
                messages.success(request, f"Đã chuyển {done} vụ việc sang “{label}”.")
        except BulkError as exc:
            messages.error(request, str(exc))
        return redirect(back)
