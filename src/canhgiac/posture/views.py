from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views import View

from canhgiac.posture.models import Endpoint
from canhgiac.posture.queries import coverage, percent_text


class CoverageView(LoginRequiredMixin, View):
    """Anti-malware coverage per agency and for the province, over the computers the user may see."""

    def get(self, request):
        data = coverage(Endpoint.objects.visible_to(request.user))
        for row in [*data["agencies"], data["province"]]:
            row["percent_text"] = percent_text(row["percent"])
        return render(request, "posture/coverage.html", data)
