"""The upload page of an import kind, the one status page of every import job, the generated templates."""

from django.apps import apps
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from canhgiac.core.imports.forms import ImportUploadForm
from canhgiac.core.imports.kinds import ImportFileError, get_kind
from canhgiac.core.imports.runner import fail_if_abandoned, queue_import
from canhgiac.core.imports.templates import template
from canhgiac.core.imports.uploads import import_max_bytes
from canhgiac.core.models import ImportJob
from canhgiac.core.scoping import can_write
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import WriteRequiredMixin

SHOWN_CREATED = 50


def _kind_or_404(name: str):
    try:
        return get_kind(name)
    except ImportFileError:
        raise Http404("Không có loại dữ liệu nhập này.") from None


class ImportUploadView(WriteRequiredMixin, View):
    """Configured per kind: ``as_view(kind_name="cases", template_name="cases/import.html")``."""

    kind_name = ""
    template_name = "core/import.html"
    form_class = ImportUploadForm
    upload_max_bytes = staticmethod(import_max_bytes)

    def dispatch(self, request, *args, **kwargs):
        self.kind = _kind_or_404(self.kind_name)
        self.write_area = self.kind.write_area
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def allows(cls, user, initkwargs: dict) -> bool:
        kind = _kind_or_404(initkwargs.get("kind_name", cls.kind_name))
        return super().allows(user, {**initkwargs, "write_area": kind.write_area})

    def _render(self, request, form):
        jobs = ImportJob.objects.visible_to(request.user).filter(kind=self.kind.name).select_related("created_by")
        rows = [(job, [job.counts.get(key, 0) for key, _ in self.kind.count_labels]) for job in jobs[:20]]
        max_rows = f"{self.kind.max_rows:,}".replace(",", ".")
        context = {"form": form, "kind": self.kind, "jobs": rows, "max_rows": max_rows}
        return render(request, self.template_name, context)

    def get(self, request):
        return self._render(request, self.form_class(kind=self.kind))

    def post(self, request):
        form = self.form_class(request.POST, request.FILES, kind=self.kind)
        refused = getattr(request, "upload_refused", None)
        if refused:
            form.is_valid()
            form.errors.clear()
            form.add_error(None, refused)
            return self._render(request, form)
        if form.is_valid():
            try:
                job = queue_import(self.kind.name, form.cleaned_data["file"], actor=request.user,
                                   mode=form.cleaned_data.get("mode"))  # fmt: skip
            except ServiceError as exc:
                form.add_error("file", str(exc))
            else:
                messages.info(request, "Đã nhận tệp; hệ thống đang xử lý nền, trang này tự cập nhật khi xong.")
                return redirect(job.get_absolute_url())
        return self._render(request, form)


class ImportJobView(WriteRequiredMixin, View):
    """Status, counters, links to what the job created and every row error; refreshes itself while running."""

    kind_name = ""  # set on an app's own URL for its jobs (``/cases/import/<pk>/``)

    def get(self, request, pk):
        jobs = ImportJob.objects.visible_to(request.user).select_related("created_by", "agency")
        if self.kind_name:
            jobs = jobs.filter(kind=self.kind_name)
        job = fail_if_abandoned(get_object_or_404(jobs, pk=pk))
        kind = _kind_or_404(job.kind)
        if not can_write(request.user, kind.write_area):
            raise Http404
        created, created_url = [], kind.created_url(job)
        for label, ids in job.created_refs.items() if not created_url else ():
            model = apps.get_model(label)
            created += list(model.objects.visible_to(request.user).filter(pk__in=ids[:SHOWN_CREATED]))
        counts = [(label, job.counts.get(key, 0)) for key, label in kind.count_labels]
        context = {
            "job": job,
            "kind": kind,
            "counts": counts,
            "created": created,
            "more_created": 0 if created_url else max(0, job.created_count - len(created)),
            "created_url": created_url,
            "upload_url": reverse(kind.upload_url_name) if getattr(kind, "upload_url_name", "") else "",
        }
        return render(request, "core/import_job.html", context)


def import_template(request, kind_name: str, fmt: str):
    """The blank template of a kind, generated from its declared columns; only ``.xlsx`` and ``.csv`` exist."""
    if fmt not in ("xlsx", "csv"):
        raise Http404("Chỉ có tệp mẫu .xlsx và .csv.")
    content, content_type, filename = template(_kind_or_404(kind_name), fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
