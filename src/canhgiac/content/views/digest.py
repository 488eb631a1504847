from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from canhgiac.content.digest import build_digest_context, render_digest_docx
from canhgiac.content.forms import DigestForm

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DigestView(LoginRequiredMixin, View):
    """The digest for a day or a period as a page, or (``docx=True``) as the Word file to download."""

    docx = False

    def get(self, request):
        form = DigestForm(request.GET or None)
        if form.is_bound and not form.is_valid() and self.docx:
            errors = "; ".join(f"{form.fields[name].label}: {' '.join(msgs)}" for name, msgs in form.errors.items())
            return HttpResponse(f"Khoảng thời gian không hợp lệ — {errors}", status=400, content_type="text/plain")
        start, end = form.period()
        if not form.is_bound:
            form = DigestForm(initial={"start": start, "end": end})
        context = build_digest_context(start, end, request.user)
        if self.docx:
            response = HttpResponse(render_digest_docx(context), content_type=DOCX_TYPE)
            name = f"diem-bao-{start:%Y%m%d}" + (f"-{end:%Y%m%d}" if end != start else "")
            response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
            return response
        query = f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}"
        return render(request, "content/digest.html", {**context, "form": form, "query": query})
