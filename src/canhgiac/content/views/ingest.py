from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from canhgiac.content import services
from canhgiac.content.forms import IngestForm
from canhgiac.content.models import IngestBatch
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import WriteRequiredMixin


class IngestView(WriteRequiredMixin, View):
    def _render(self, request, form):
        batches = IngestBatch.objects.visible_to(request.user).select_related("created_by")[:20]
        return render(request, "content/ingest.html", {"form": form, "batches": batches})

    def get(self, request):
        return self._render(request, IngestForm())

    def post(self, request):
        form = IngestForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                batch = services.queue_ingest(form.cleaned_data["file"], actor=request.user)
            except ServiceError as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(request, "Đã nhận tệp; hệ thống đang phân loại, trang này tự cập nhật khi xong.")
                return redirect(batch)
        return self._render(request, form)


class IngestBatchView(WriteRequiredMixin, View):
    def get(self, request, pk):
        batch = get_object_or_404(IngestBatch.objects.visible_to(request.user), pk=pk)
        return render(request, "content/batch.html", {"object": batch, "batch": batch})
