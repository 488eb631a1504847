from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.core.kit import ServiceError
from canhgiac.core.views.generic import ObjectDetailView, WriteRequiredMixin
from canhgiac.secops import services
from canhgiac.secops.forms import EntryForm, TransitionForm
from canhgiac.secops.models import Incident


class IncidentView(ObjectDetailView):
    model = Incident
    template_name = "secops/incident.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["transition_form"] = TransitionForm(incident=self.object, user=self.request.user)
        context["entry_form"] = EntryForm()
        return context


def _incident(request, pk):
    return get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)


def _errors(form) -> str:
    return "; ".join(e for errs in form.errors.values() for e in errs)


class _IncidentFormAction(WriteRequiredMixin, View):
    """POST a small form of the incident page to one service; the refusal or the success is shown there."""

    done = ""

    def form(self, request, incident):
        raise NotImplementedError

    def act(self, request, incident, data):
        raise NotImplementedError

    def post(self, request, pk):
        incident = _incident(request, pk)
        form = self.form(request, incident)
        if not form.is_valid():
            messages.error(request, _errors(form))
            return redirect(incident)
        try:
            self.act(request, incident, form.cleaned_data)
            messages.success(request, self.done)
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect(incident)


class IncidentTransitionView(_IncidentFormAction):
    done = "Đã chuyển trạng thái sự cố."

    def form(self, request, incident):
        return TransitionForm(request.POST, incident=incident, user=request.user)

    def act(self, request, incident, data):
        services.move_incident(incident, actor=request.user, **data)


class IncidentEntryAddView(_IncidentFormAction):
    done = "Đã ghi diễn biến."

    def form(self, request, incident):
        return EntryForm(request.POST)

    def act(self, request, incident, data):
        services.add_incident_entry(incident, actor=request.user, **data)
