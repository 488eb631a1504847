from django.contrib import messages
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.core.forms import DateInput
from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import ObjectDetailView, ObjectEditView, ObjectListView, WriteRequiredMixin
from canhgiac.petitions import steps
from canhgiac.petitions.filtersets import RuleFilterSet
from canhgiac.petitions.forms import PetitionForm, ReceptionForm, StepForm
from canhgiac.petitions.legal_rules import deadline_rules, petition_rules
from canhgiac.petitions.models import Petition
from canhgiac.petitions.rules import extension_key, initial_rule_key, resolve_rule_key
from canhgiac.petitions.services import petitions, receptions
from canhgiac.petitions.tables import RuleTable


class PersonalEditView(ObjectEditView):
    """The edit page passes the user to the form; showing stored personal data to a role entitled to it is a read,
    logged as such."""

    def get_form_kwargs(self):
        return {"user": self.request.user}

    def get(self, request, pk=None):
        if pk:
            reveal_personal_data(request.user, self.get_object(pk))
        return super().get(request, pk)


class PetitionEditView(PersonalEditView):
    model = Petition
    form_class = PetitionForm
    service = petitions


class ReceptionEditView(PersonalEditView):
    model = ReceptionForm.Meta.model
    form_class = ReceptionForm
    service = receptions


def applicable_rules(petition) -> list:
    """The rule versions this petition is measured by (first stage, resolution, their extensions), in force on the
    day it was received."""
    keys = [initial_rule_key(petition)]
    if resolve_key := resolve_rule_key(petition):
        keys.append(resolve_key)
    keys += [extension_key(key, n) for key in list(keys) for n in (1, 2, 3)]
    rows = petition_rules().filter(key__in=keys, effective_from__lte=petition.received_on)
    return [r for r in rows if r.effective_to is None or r.effective_to >= petition.received_on]


class PetitionView(ObjectDetailView):
    model = Petition
    template_name = "petitions/petition.html"

    def get_queryset(self):
        return super().get_queryset().select_related("handling_agency", "assignee", "head", "transferred_to")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["step_form"] = StepForm(petition=self.object, user=self.request.user)
        context["rules"] = applicable_rules(self.object)
        return context


class PetitionStepView(WriteRequiredMixin, View):
    def post(self, request, pk):
        petition = get_object_or_404(Petition.objects.visible_to(request.user), pk=pk)
        form = StepForm(request.POST, petition=petition, user=request.user)
        if not form.is_valid():
            messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
            return redirect(petition)
        data = form.cleaned_data
        try:
            if data["action"] == "extend":
                deadline = steps.extend_petition(
                    petition, actor=request.user, days=data["days"], reason=data["reason"], letter=data["letter"],
                    on=data["on"],
                )  # fmt: skip
                messages.success(request, f"Đã gia hạn: {deadline}.")
            else:
                steps.take_step(
                    petition, data["action"], actor=request.user, on=data["on"], reason=data["reason"],
                    letter=data["letter"], agency=data["agency"],
                )  # fmt: skip
                messages.success(request, "Đã ghi nhận bước xử lý đơn.")
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(petition)


class RuleListView(ObjectListView):
    """The legal time limits of petitions: every signed-in user reads them; administrators amend them."""

    model = deadline_rules.model
    title = "Thời hạn pháp luật về đơn thư"
    add_url_name = "petitions:rule_add"

    def get_queryset(self):
        return petition_rules().visible_to(self.request.user)

    table_class = RuleTable
    filterset_class = RuleFilterSet


class RuleEditView(ObjectEditView):
    """Amend a limit or add the version of a new law (administrators); each change in the rule's change log."""

    model = deadline_rules.model
    service = deadline_rules
    form_class = modelform_factory(
        deadline_rules.model,
        fields=deadline_rules.fields,
        widgets={"effective_from": DateInput(), "effective_to": DateInput()},
    )

    def get_object(self, pk):
        return get_object_or_404(petition_rules(), pk=pk) if pk else None
