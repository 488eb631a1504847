"""Report pages: the preview (every figure linked to its drill-down list, the narrative edited in place), issue,
Word/PDF downloads, and the templates page (download, upload a new version, versions)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from canhgiac.core import reporttypes
from canhgiac.core.kit import PermissionDenied, ServiceError
from canhgiac.core.scoping import can_write, has_global_scope
from canhgiac.core.views.generic import ObjectActionView, ObjectDetailView
from canhgiac.reports import consolidate, services
from canhgiac.reports.api import DOCX_TYPE, file_response
from canhgiac.reports.context import narrative_sections
from canhgiac.reports.models import Report, ReportTemplate
from canhgiac.reports.render import PdfError, to_pdf
from canhgiac.rounds.models import ReportRound


def may_sign(user) -> bool:
    return bool(user.is_superuser or (has_global_scope(user) and user.role in services.SIGNER_ROLES))


class ReportView(ObjectDetailView):
    model = Report
    template_name = "reports/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        editable = not report.is_issued and has_global_scope(user) and can_write(user)
        narrative = report.narrative or {}
        context.update(
            preview=services.preview(report),
            sections=[
                {"key": key, "title": title, "text": narrative.get(key, "")}
                for key, title in narrative_sections(reporttypes.get(report.report_type))
            ],
            editable=editable,
            can_issue=not report.is_issued and may_sign(user),
        )
        return context


class NarrativeView(ObjectActionView):
    """Save the narrative sections typed on the preview page."""

    model = Report

    def act(self, request, obj):
        sections = dict(narrative_sections(reporttypes.get(obj.report_type)))
        narrative = {key: request.POST[f"narrative-{key}"] for key in sections if f"narrative-{key}" in request.POST}
        services.edit_narrative(obj, narrative, actor=request.user)
        return "Đã lưu nội dung báo cáo.", None


class IssueView(ObjectActionView):
    model = Report

    def act(self, request, obj):
        report = services.issue_report(obj, actor=request.user)
        return f"Đã ban hành báo cáo số {report.document.notation}.", None


class RoundReportView(LoginRequiredMixin, View):
    """The button "Lập báo cáo tổng hợp" on a round's page."""

    def post(self, request, pk):
        rnd = get_object_or_404(ReportRound.objects.visible_to(request.user), pk=pk)
        try:
            report, created = consolidate.report_from_round(rnd, actor=request.user)
        except PermissionDenied as exc:
            raise DjangoPermissionDenied(str(exc)) from None
        except ServiceError as exc:
            messages.error(request, str(exc))
            return redirect(rnd)
        if created:
            messages.success(request, f"Đã lập báo cáo tổng hợp “{report.title}” từ các phần đã nộp của đợt.")
        else:
            messages.success(request, "Đã cập nhật báo cáo tổng hợp với các phần đã nộp của đợt.")
        return redirect(report)


class ReportFileView(LoginRequiredMixin, View):
    pdf = False

    def get(self, request, pk):
        report = get_object_or_404(Report.objects.visible_to(request.user), pk=pk)
        content = services.report_docx(report)
        name = f"bao-cao-{report.pk}"
        if not self.pdf:
            return file_response(content, DOCX_TYPE, f"{name}.docx")
        try:
            return file_response(to_pdf(content), "application/pdf", f"{name}.pdf")
        except PdfError as exc:
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")


class TemplatesView(LoginRequiredMixin, View):
    """One block per report type: the version in use, the download, the upload of a new version, the versions."""

    def types(self, user):
        versions = ReportTemplate.objects.visible_to(user).select_related("created_by")
        return [
            {
                "key": rtype.key,
                "label": rtype.label,
                "versions": [v for v in versions if v.report_type == rtype.key],
            }
            for rtype in reporttypes.all_types()
        ]

    def get(self, request):
        context = {"types": self.types(request.user), "may_upload": may_sign(request.user)}
        return render(request, "reports/templates.html", context)

    def post(self, request):
        type_key = request.POST.get("report_type", "")
        try:
            template = services.upload_template(
                type_key, request.FILES.get("file"), actor=request.user, note=request.POST.get("note", "")
            )
        except PermissionDenied as exc:
            raise DjangoPermissionDenied(str(exc)) from None
        except ServiceError as exc:
            messages.error(request, str(exc))
            context = {"types": self.types(request.user), "may_upload": True, "failed": type_key, "error": str(exc)}
            return render(request, "reports/templates.html", context, status=400)
        messages.success(request, f"Đã lưu {template}: từ nay báo cáo loại này dùng mẫu mới.")
        return redirect("reports:template_list")


class TemplateDownloadView(LoginRequiredMixin, View):
    def get(self, request):
        type_key = request.GET.get("type", "")
        version = request.GET.get("version", "")
        try:
            content = services.template_download(type_key, int(version) if version.isdigit() else None)
        except ServiceError as exc:
            return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
        suffix = f"-v{version}" if version.isdigit() else ""
        return file_response(content, DOCX_TYPE, f"mau-bao-cao-{type_key}{suffix}.docx")
