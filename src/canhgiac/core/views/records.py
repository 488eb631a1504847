from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from canhgiac.core import services
from canhgiac.core.filtersets import AgencyFilterSet, DocumentFilterSet
from canhgiac.core.forms import AgencyForm, DocumentForm
from canhgiac.core.models import Agency, Document
from canhgiac.core.services import ServiceError
from canhgiac.core.tables import AgencyTable, DocumentTable
from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView, WriteRequiredMixin


class AgencyListView(ObjectListView):
    model = Agency
    queryset = Agency.objects.select_related("parent")
    table_class = AgencyTable
    filterset_class = AgencyFilterSet
    add_url_name = "core:agency_add"


class AgencyView(ObjectDetailView):
    model = Agency
    template_name = "core/agency.html"
    write_area = "admin"


class AgencyHistoryView(ObjectHistoryView):
    model = Agency


class AgencyEditView(WriteRequiredMixin, View):
    write_area = "admin"

    def get(self, request, pk=None):
        agency = get_object_or_404(Agency, pk=pk) if pk else None
        return render(request, "core/object_edit.html", {"form": AgencyForm(instance=agency), "object": agency})

    def post(self, request, pk=None):
        agency = get_object_or_404(Agency, pk=pk) if pk else None
        form = AgencyForm(request.POST, instance=agency)
        if form.is_valid():
            agency = services.save_agency(form.instance, actor=request.user)
            messages.success(request, "Đã lưu cơ quan.")
            return redirect(agency)
        return render(request, "core/object_edit.html", {"form": form, "object": agency})


class DocumentListView(ObjectListView):
    model = Document
    queryset = Document.objects.select_related("issuing_agency")
    table_class = DocumentTable
    filterset_class = DocumentFilterSet
    add_url_name = "core:document_add"


class DocumentView(ObjectDetailView):
    model = Document
    template_name = "core/document.html"


class DocumentHistoryView(ObjectHistoryView):
    model = Document


class DocumentEditView(WriteRequiredMixin, View):
    def get_object(self, pk):
        return get_object_or_404(Document.objects.visible_to(self.request.user), pk=pk) if pk else None

    def get(self, request, pk=None):
        document = self.get_object(pk)
        return render(request, "core/object_edit.html", {"form": DocumentForm(instance=document), "object": document})

    def post(self, request, pk=None):
        document = self.get_object(pk)
        form = DocumentForm(request.POST, request.FILES, instance=document)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("notation", "receiving_agencies")}
            if not data.get("doc_type"):
                data.pop("doc_type")
            if not data.get("file"):
                data.pop("file", None)
            try:
                if document is None:
                    document = services.register_document(
                        actor=request.user,
                        notation=form.cleaned_data["notation"],
                        receiving_agencies=form.cleaned_data["receiving_agencies"],
                        **data,
                    )
                else:
                    services.update_document(
                        document,
                        actor=request.user,
                        notation=form.cleaned_data["notation"],
                        receiving_agencies=form.cleaned_data["receiving_agencies"],
                        **data,
                    )
                messages.success(request, "Đã lưu văn bản.")
                return redirect(document)
            except (ServiceError, ValueError) as exc:
                form.add_error(None, str(exc))
        return render(request, "core/object_edit.html", {"form": form, "object": document})


def document_file(request, pk):
    """The attached file of a letter, for users who may see the letter."""
    from django.contrib.auth.views import redirect_to_login
    from django.http import FileResponse, Http404

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    if not document.file:
        raise Http404("Văn bản không có tệp đính kèm.")
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])
