"""Staff pages of the intake register: the report page with its indicators in context, the triage actions, the
hotline log, the warnings."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views import View

from canhgiac.cases.triage import find_case
from canhgiac.core.models import Agency, Deadline
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import (
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    WriteRequiredMixin,
    add_service_error,
)
from canhgiac.intake import warnings as warning_service
from canhgiac.intake.forms import HotlineForm, ReportForm
from canhgiac.intake.models import Report, ReportIndicator, ScamWarning
from canhgiac.intake.services import log_call, reports
from canhgiac.intake.triage import triage


def indicators_in_context(report: Report, user) -> list[dict]:
    """Each indicator of ``report`` with how many other reports mention it and the cases (visible to ``user``)."""
    rows = []
    for link in report.report_indicators.select_related("indicator"):
        indicator = link.indicator
        others = ReportIndicator.objects.filter(indicator=indicator).exclude(report=report).count()
        cases = indicator.cases.visible_to(user).order_by("-received_on")[:10]
        rows.append({"indicator": indicator, "original": link.original, "others": others, "cases": list(cases)})
    return rows


class ReportView(ObjectDetailView):
    model = Report
    template_name = "intake/report.html"

    def get_queryset(self):
        return (
            super().get_queryset().select_related("case", "forwarded_to", "forward_letter", "duplicate_of", "assignee")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        context["mentions"] = indicators_in_context(report, self.request.user)
        context["attachments"] = report.attachments.all()
        context["deadlines"] = Deadline.objects.filter(
            content_type__model="report", content_type__app_label="intake", object_id=report.pk
        )
        context["agencies"] = Agency.objects.filter(is_active=True).order_by("name")
        return context


class ReportEditView(ObjectEditView):
    model = Report
    form_class = ReportForm
    service = reports

    def get_form_kwargs(self) -> dict:
        return {"user": self.request.user}


class ReportActionView(ObjectActionView):
    """One triage step posted from the report page: ``step`` is escalate, dismiss, reopen, forward, duplicate, reply."""

    model = Report
    step = ""

    def moves_on(self, request) -> bool:
        """Opening a case and forwarding leave the reporter waiting for the office's reply: the officer stays on the
        report; a reply, a duplicate or a dismissal ends its review and leads on to the next waiting report."""
        return self.step in ("reply", "duplicate") or (
            self.step == "dismiss" and request.POST.get("action") != "reopen"
        )

    def act(self, request, obj):
        post = request.POST
        if self.step == "escalate":
            others = [int(p) for p in post.get("others", "").replace(";", ",").split(",") if p.strip().isdigit()]
            items = [obj, *Report.objects.visible_to(request.user).filter(pk__in=others).exclude(pk=obj.pk)]
            if len(items) - 1 != len(set(others) - {obj.pk}):
                raise ServiceError("Có mã phản ánh kèm theo không tồn tại hoặc ngoài quyền của bạn.")
            existing = find_case(post.get("case"), request.user)
            case = triage.escalate(items, actor=request.user, case=existing)
            verb = "Đã bổ sung vào vụ việc" if existing else "Đã tạo vụ việc"
            return f"{verb} {case.code} ({len(items)} phản ánh).", None
        if self.step == "dismiss":
            if post.get("action") == "reopen":
                triage.reopen(obj, actor=request.user)
                return "Đã mở lại phản ánh.", None
            triage.dismiss(obj, actor=request.user, reason=post.get("reason", ""))
            return "Đã đánh dấu không xử lý.", None
        if self.step == "forward":
            agency = Agency.objects.filter(pk=post.get("agency") or 0).first()
            triage.forward(
                obj,
                actor=request.user,
                agency=agency,
                notation=post.get("notation", ""),
                summary=post.get("summary", ""),
            )
            return f"Đã chuyển phản ánh tới {agency}.", None
        if self.step == "duplicate":
            original = Report.objects.visible_to(request.user).filter(pk=post.get("original") or 0).first()
            if original is None:
                raise ServiceError("Không tìm thấy phản ánh gốc (kiểm tra mã số, hoặc bạn không có quyền xem).")
            triage.mark_duplicate(obj, actor=request.user, original=original)
            return f"Đã đánh dấu trùng phản ánh #{original.pk}.", None
        triage.close_with_reply(obj, actor=request.user, reply=post.get("reply", ""))
        return "Đã trả lời người phản ánh.", None


class HotlineView(WriteRequiredMixin, View):
    """The hotline log: one screen, the cursor in the first field, Enter (Ctrl+Enter in a text box) saves and opens
    a blank form again, showing the code to read to the caller."""

    template_name = "intake/hotline.html"

    def render_form(self, request, form):
        recent = Report.objects.visible_to(request.user).filter(channel="hotline").order_by("-received_at")[:10]
        return render(request, self.template_name, {"form": form, "recent": recent})

    def get(self, request):
        return self.render_form(request, HotlineForm())

    def post(self, request):
        form = HotlineForm(request.POST)
        if form.is_valid():
            try:
                report = log_call(actor=request.user, **form.cleaned_data)
            except Exception as exc:  # noqa: BLE001
                field = getattr(exc, "field", None)
                if field == "phones":
                    form.add_error("number", str(exc))
                elif field == "content":
                    form.add_error("summary", str(exc))
                elif not add_service_error(form, exc):
                    raise
            else:
                messages.success(
                    request, f"Đã ghi cuộc gọi: {report}. Mã tra cứu cho người gọi: {report.followup_code}"
                )
                return redirect("intake:hotline")
        return self.render_form(request, form)


class WarningActionView(ObjectActionView):
    model = ScamWarning

    def act(self, request, obj):
        if request.POST.get("action") == "withdraw":
            warning_service.withdraw_warning(obj, actor=request.user)
            return "Đã gỡ cảnh báo khỏi cổng thông tin.", None
        warning_service.publish_warning(obj, actor=request.user)
        return "Đã đăng cảnh báo lên cổng thông tin.", None
