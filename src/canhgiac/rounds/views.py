"""Pages: the list of rounds, opening one, its status-at-a-glance table, each agency's part (form and review)."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from canhgiac.core.kit import ServiceError
from canhgiac.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    add_service_error,
)
from canhgiac.rounds import forms, parts, services
from canhgiac.rounds.filtersets import RoundFilterSet
from canhgiac.rounds.history import part_history
from canhgiac.rounds.models import Contribution, ContributionAttachment, ReportRound
from canhgiac.rounds.rules import is_inspectorate, may_fill
from canhgiac.rounds.tables import RoundTable


class RoundListView(ObjectListView):
    model = ReportRound
    table_class = RoundTable
    filterset_class = RoundFilterSet
    add_url_name = "rounds:reportround_add"


class InspectorateOnly(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_inspectorate(request.user):
            raise PermissionDenied("Chỉ cán bộ của cơ quan chủ trì (Sở) mới được mở và quản lý đợt báo cáo.")
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def allows(cls, user, initkwargs: dict) -> bool:
        parent = getattr(super(), "allows", None)
        return is_inspectorate(user) and (parent is None or parent(user, initkwargs))


class RoundOpenView(InspectorateOnly, View):
    template_name = "core/object_edit.html"

    def render_form(self, form):
        return render(self.request, self.template_name, {"form": form, "object": None, "title": "Mở đợt báo cáo"})

    def get(self, request):
        return self.render_form(forms.RoundOpenForm(report_type=request.GET.get("report_type", "")))

    def post(self, request):
        form = forms.RoundOpenForm(request.POST, report_type=request.POST.get("report_type", ""))
        if form.is_valid():
            try:
                rnd = services.rounds.create(actor=request.user, **form.service_data())
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                asked = rnd.contributions.count()
                messages.success(request, f"Đã mở đợt báo cáo “{rnd}” và gửi đề nghị đến {asked} cơ quan.")
                return redirect(rnd)
        return self.render_form(form)


class RoundEditView(InspectorateOnly, ObjectEditView):
    model = ReportRound
    form_class = forms.RoundEditForm
    service = services.rounds


class RoundView(ObjectDetailView):
    model = ReportRound
    template_name = "rounds/round.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rows = list(self.object.contributions.visible_to(user).select_related("agency").prefetch_related("figures"))
        for row in rows:
            figures = list(row.figures.all())
            row.reported_count = sum(1 for f in figures if f.value is not None)
            row.figure_count = len(figures)
        context["parts"] = rows
        context["late"] = [row for row in rows if row.is_late]
        context["counts"] = {status: sum(1 for r in rows if r.status == status) for status in
                             ("draft", "submitted", "returned", "accepted")}  # fmt: skip
        context["inspectorate"] = is_inspectorate(user)
        context["can_write"] = context["inspectorate"]
        context["part_form"] = forms.PartAddForm(round=self.object)
        return context


class RoundHistoryView(ObjectHistoryView):
    model = ReportRound


class RoundRemindView(InspectorateOnly, View):
    def post(self, request, pk):
        rnd = get_object_or_404(ReportRound.objects.visible_to(request.user), pk=pk)
        try:
            done = services.remind_late(rnd, actor=request.user)
        except ServiceError as exc:
            messages.error(request, str(exc))
        else:
            if done:
                messages.success(request, f"Đã nhắc {len(done)} cơ quan: {', '.join(str(p.agency) for p in done)}.")
            else:
                messages.info(request, "Không có cơ quan nào quá hạn chưa nộp.")
        return redirect(rnd)


class RoundPartAddView(InspectorateOnly, View):
    def post(self, request, pk):
        rnd = get_object_or_404(ReportRound.objects.visible_to(request.user), pk=pk)
        form = forms.PartAddForm(request.POST, round=rnd)
        if form.is_valid():
            try:
                part = services.add_part(rnd, actor=request.user, **form.cleaned_data)
                messages.success(request, f"Đã đề nghị {part.agency} gửi phần đóng góp.")
            except ServiceError as exc:
                messages.error(request, str(exc))
        else:
            messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
        return redirect(rnd)


def _shown(value: Decimal | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


class ContributionView(ObjectDetailView):
    model = Contribution
    template_name = "rounds/contribution.html"

    def get_queryset(self):
        return super().get_queryset().select_related("round", "agency", "submitted_by", "reviewed_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        part, user = self.object, self.request.user
        posted = kwargs.get("posted")  # a refused form comes back with what was typed, nothing lost
        rows = parts.figure_rows(part)
        for row in rows:
            row.input = _shown(row.value) if row.value is not None else _shown(row.recorded)
            row.checked = row.nil
            if posted is not None:
                row.input, row.checked = posted.get(f"value_{row.key}", ""), bool(posted.get(f"nil_{row.key}"))
                row.note = posted.get(f"note_{row.key}", "")
        context["figures"] = rows
        texts = {s["key"]: posted.get(f"text_{s['key']}", "") for s in part.sections} if posted else part.texts
        context["sections"] = [{**s, "text": texts.get(s["key"], "")} for s in part.sections]
        context["attachments"] = part.attachments.all()
        context["editable"] = part.is_open and may_fill(user, part)
        context["inspectorate"] = is_inspectorate(user)
        context["can_write"] = False
        context.setdefault("form_errors", [])
        context["return_form"] = forms.ReturnForm()
        context["accept_form"] = forms.AcceptForm()
        context["attachment_form"] = kwargs.get("attachment_form") or forms.AttachmentForm()
        return context


def _part_or_404(request, pk) -> Contribution:
    return get_object_or_404(Contribution.objects.visible_to(request.user), pk=pk)


def _render_part(request, part, **extra):
    view = ContributionView()
    view.setup(request, pk=part.pk)
    view.object = view.get_object()
    return view.render_to_response(view.get_context_data(object=view.object, **extra))


class ContributionSaveView(LoginRequiredMixin, View):
    """Save the form; with ``submit`` in the POST, save then submit (one click for the agency)."""

    def post(self, request, pk):
        part = _part_or_404(request, pk)
        try:
            part = parts.save_part(part, actor=request.user, **forms.part_input(request.POST, part))
            if "submit" in request.POST:
                parts.submit_part(part, actor=request.user)
                messages.success(request, "Đã nộp phần đóng góp.")
            else:
                messages.success(request, "Đã lưu phần đóng góp (chưa nộp).")
        except ServiceError as exc:
            response = _render_part(request, part, form_errors=[str(exc)], posted=request.POST)
            response.status_code = 400
            return response
        return redirect(part)


class ContributionActionView(LoginRequiredMixin, View):
    """Return / accept / remind one part: the services decide who may."""

    def post(self, request, pk, verb):
        part = _part_or_404(request, pk)
        try:
            if verb == "return":
                form = forms.ReturnForm(request.POST)
                if not form.is_valid():
                    raise ServiceError("Cần ghi ý kiến: cơ quan phối hợp cần chỉnh sửa nội dung gì.")
                services.return_part(part, actor=request.user, **form.cleaned_data)
                messages.success(request, f"Đã trả lại phần đóng góp của {part.agency} để chỉnh sửa.")
            elif verb == "accept":
                form = forms.AcceptForm(request.POST)
                form.is_valid()
                services.accept_part(part, actor=request.user, comment=form.cleaned_data.get("comment", ""))
                messages.success(request, f"Đã tiếp nhận phần đóng góp của {part.agency}.")
            elif verb == "remind":
                services.remind([part], actor=request.user)
                messages.success(request, f"Đã nhắc {part.agency}.")
            else:
                raise ServiceError("Thao tác không hợp lệ.")
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/rounds/") else part)


class ContributionAttachView(LoginRequiredMixin, View):
    def post(self, request, pk):
        part = _part_or_404(request, pk)
        form = forms.AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = parts.attach_file(part, form.cleaned_data["file"], actor=request.user)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, f"Đã đính kèm tệp “{attachment.original_name}”.")
                return redirect(part)
        response = _render_part(request, part, attachment_form=form)
        response.status_code = 400
        return response


class AttachmentWithdrawView(LoginRequiredMixin, View):
    def post(self, request, pk):
        attachment = get_object_or_404(ContributionAttachment.objects.visible_to(request.user), pk=pk)
        try:
            parts.withdraw_attachment(attachment, actor=request.user)
            messages.success(request, f"Đã gỡ tệp “{attachment.original_name}”.")
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(attachment.contribution)


class ContributionHistoryView(ObjectHistoryView):
    model = Contribution

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = part_history(self.object, reader=self.request.user)
        return context


def attachment_file(request, pk):
    """Download an attached file, for users who may see its part."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attachment = get_object_or_404(ContributionAttachment.objects.visible_to(request.user), pk=pk)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = attachment.mime_type
    return response
