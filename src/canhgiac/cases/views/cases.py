from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.cases import services
from canhgiac.cases.filtersets import CaseFilterSet
from canhgiac.cases.forms import CaseForm, EvidenceForm, IndicatorAddForm, TransitionForm
from canhgiac.cases.models import Case
from canhgiac.cases.tables import CaseTable
from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
    ObjectListView,
    WriteRequiredMixin,
    may_open,
)


class CaseListView(ObjectListView):
    model = Case
    queryset = Case.objects.select_related("lead_agency")
    table_class = CaseTable
    filterset_class = CaseFilterSet
    add_url_name = "cases:case_add"
    extra_actions = (("cases:import", "Nhập từ tệp"),)
    template_name = "cases/case_list.html"

    def get_context_data(self, **kwargs):
        from canhgiac.cases.views.bulk import BulkForm

        context = super().get_context_data(**kwargs)
        if may_open(self.request.user, "cases:case_bulk"):
            context["bulk_form"] = BulkForm(user=self.request.user)
            context["table"].bulk = True  # the rows carry a checkbox for the bulk form
        return context


class CaseView(ObjectDetailView):
    model = Case
    template_name = "cases/case.html"

    def get_queryset(self):
        return super().get_queryset().select_related("lead_agency", "locality", "assignee")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        context["links"] = case.case_indicators.select_related("indicator").order_by("indicator__kind")
        context["evidence"] = case.evidence.select_related("created_by")
        context["transition_form"] = TransitionForm(case=case, user=self.request.user)
        # A bound form comes in when a small form on this page failed: its errors show next to its fields.
        context.setdefault("indicator_form", IndicatorAddForm())
        context.setdefault("evidence_form", EvidenceForm())
        return context


def _render_case_with(request, case, **forms):
    """The case page again, with the failed form(s) bound so each error stands next to its field."""
    view = CaseView()
    view.setup(request, pk=case.pk)
    view.object = view.get_object()
    return view.render_to_response(view.get_context_data(object=view.object, **forms))


class CaseHistoryView(ObjectHistoryView):
    model = Case


def _case_or_404(request, pk):
    return get_object_or_404(Case.objects.visible_to(request.user), pk=pk)


class CaseEditView(ObjectEditView):
    model = Case
    form_class = CaseForm
    service = services.cases

    def get_form_kwargs(self):
        return {"user": self.request.user}

    def get(self, request, pk=None):
        if pk:
            # The form shows the stored personal fields to roles that may read them: a read, logged as such.
            reveal_personal_data(request.user, self.get_object(pk))
        return super().get(request, pk)

    def form_data(self, form):
        data = super().form_data(form)
        data["indicators"] = data.pop("indicators_text")
        data["letters"], data["addressed_agencies"] = list(data["letters"]), list(data["addressed_agencies"])
        return data


class CaseTransitionView(WriteRequiredMixin, View):
    def post(self, request, pk):
        case = _case_or_404(request, pk)
        form = TransitionForm(request.POST, case=case, user=request.user)
        if form.is_valid():
            try:
                services.transition_case(case, actor=request.user, **form.cleaned_data)
                messages.success(request, "Đã chuyển trạng thái vụ việc.")
            except ServiceError as exc:
                messages.error(request, str(exc))
        else:
            messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
        return redirect(case)


class CaseIndicatorAddView(WriteRequiredMixin, View):
    def post(self, request, pk):
        case = _case_or_404(request, pk)
        form = IndicatorAddForm(request.POST)
        if form.is_valid():
            try:
                link = services.add_indicator(
                    case, form.cleaned_data["kind"], form.cleaned_data["value"], actor=request.user
                )
            except ServiceError as exc:
                form.add_error("value", str(exc))
            else:
                messages.success(request, f"Đã thêm dấu hiệu {link.indicator.value}.")
                return redirect(case)
        return _render_case_with(request, case, indicator_form=form)


class CaseEvidenceAddView(WriteRequiredMixin, View):
    def post(self, request, pk):
        case = _case_or_404(request, pk)
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                evidence = services.attach_evidence(
                    case, form.cleaned_data["file"], actor=request.user, description=form.cleaned_data["description"]
                )
                messages.success(request, f"Đã lưu chứng cứ, SHA-256: {evidence.sha256}")
                return redirect(case)
            except ServiceError as exc:
                form.add_error("file" if isinstance(exc, services.EvidenceError) else None, str(exc))
        return _render_case_with(request, case, evidence_form=form)
