from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from canhgiac.cases import importer
from canhgiac.cases.forms import ImportForm
from canhgiac.cases.imports import queue_import
from canhgiac.cases.models import ImportJob
from canhgiac.core.views.generic import WriteRequiredMixin


class ImportView(WriteRequiredMixin, View):
    def get(self, request):
        jobs = ImportJob.objects.visible_to(request.user)[:20]
        return render(request, "cases/import.html", {"form": ImportForm(), "jobs": jobs})

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            job = queue_import(form.cleaned_data["file"], actor=request.user)
            messages.info(request, "Đã nhận tệp; hệ thống đang xử lý nền.")
            return redirect("cases:import_job", pk=job.pk)
        jobs = ImportJob.objects.visible_to(request.user)[:20]
        return render(request, "cases/import.html", {"form": form, "jobs": jobs})


class ImportJobView(WriteRequiredMixin, View):
    def get(self, request, pk):
        job = get_object_or_404(ImportJob.objects.visible_to(request.user), pk=pk)
        return render(request, "cases/import_job.html", {"job": job})


def import_template(request, fmt):
    if fmt == "xlsx":
        response = HttpResponse(
            importer.template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-vu-viec.{fmt}"'
    return response
