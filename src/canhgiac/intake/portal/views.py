"""The public portal: report, look up, follow a report with its code, read the warnings. No account, no outside
service: the page, its images and its feeds come from this server only."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from canhgiac.cases.normalize import IndicatorError
from canhgiac.core.services import FieldError, ServiceError
from canhgiac.intake import abuse
from canhgiac.intake.api.public import followup
from canhgiac.intake.lookup import lookup
from canhgiac.intake.models import ScamWarning
from canhgiac.intake.portal.forms import FollowupForm, PortalReportForm
from canhgiac.intake.services import submit_report


def _render(request, template, context=None, status=200):
    return render(request, f"intake/portal/{template}", context or {}, status=status)


def home(request):
    warnings = ScamWarning.objects.published().order_by("-published_at")[:5]
    return _render(request, "home.html", {"warnings": warnings})


@require_http_methods(["GET", "POST"])
def report(request):
    if request.method == "GET":
        return _render(request, "report.html", {"form": PortalReportForm()})
    form = PortalReportForm(request.POST, request.FILES)
    status = 400
    if request.POST.get("website"):
        form.is_valid()
        form.add_error(None, "Biểu mẫu không hợp lệ. Hãy tải lại trang và gửi lại.")
    elif form.is_valid():
        data = dict(form.cleaned_data)
        files = data.pop("files", [])
        try:
            sent, merged = submit_report(data, files, source=abuse.address_hash(request))
        except abuse.RateLimited as exc:
            form.add_error(None, str(exc))
            status = 429
        except FieldError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        except ServiceError as exc:
            form.add_error(None, str(exc))
        else:
            request.session["intake_sent"] = {"code": sent.followup_code, "merged": merged}
            return redirect("portal:sent")
    return _render(request, "report.html", {"form": form}, status=status)


def sent(request):
    shown = request.session.pop("intake_sent", None)
    if not shown:
        return redirect("portal:report")
    return _render(request, "sent.html", shown)


def look_up(request):
    query = request.GET.get("q", "").strip()
    context: dict = {"q": query}
    status = 200
    if query:
        try:
            abuse.check_rate("lookup", abuse.address_hash(request))
            context["answer"] = lookup(query)
        except abuse.RateLimited as exc:
            context["error"], status = str(exc), 429
        except IndicatorError as exc:
            context["error"], status = str(exc), 400
    return _render(request, "lookup.html", context, status=status)


@require_http_methods(["GET", "POST"])
def follow(request):
    if request.method == "GET":
        return _render(request, "followup.html", {"form": FollowupForm()})
    form = FollowupForm(request.POST)
    context: dict = {"form": form}
    status = 200
    if form.is_valid():
        try:
            context["answer"] = followup(form.cleaned_data["code"], abuse.address_hash(request))
        except abuse.RateLimited as exc:
            form.add_error("code", str(exc))
            status = 429
        except ServiceError as exc:
            form.add_error("code", str(exc))
            status = 404
    return _render(request, "followup.html", context, status=status)


def warnings(request):
    return _render(
        request, "warnings.html", {"warnings": ScamWarning.objects.published().order_by("-published_at")[:50]}
    )


def warning(request, pk):
    item = get_object_or_404(ScamWarning.objects.published().prefetch_related("indicators"), pk=pk)
    return _render(request, "warning.html", {"warning": item})


def privacy(request):
    return _render(request, "privacy.html")


def page_not_found(request, exception=None):
    """The portal host's 404: its own page (the staff application's links do not exist there)."""
    return _render(request, "404.html", status=404)


def server_error(request):
    return _render(request, "500.html", status=500)
