from django.shortcuts import get_object_or_404

from canhgiac.core import services
from canhgiac.core.filtersets import AgencyFilterSet, DocumentFilterSet
from canhgiac.core.forms import AgencyForm, DocumentForm
from canhgiac.core.models import Agency, Document
from canhgiac.core.tables import AgencyTable, DocumentTable
from canhgiac.core.views.generic import ObjectDetailView, ObjectEditView, ObjectHistoryView, ObjectListView


class AgencyListView(ObjectListView):
    model = Agency
    queryset = Agency.objects.select_related("parent", "unit")
    table_class = AgencyTable
    filterset_class = AgencyFilterSet
    add_url_name = "core:agency_add"


class AgencyView(ObjectDetailView):
    model = Agency
    template_name = "core/agency.html"
    write_area = "admin"


class AgencyHistoryView(ObjectHistoryView):
    model = Agency


class AgencyEditView(ObjectEditView):
    model = Agency
    form_class = AgencyForm
    service = services.agencies


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


class DocumentEditView(ObjectEditView):
    model = Document
    form_class = DocumentForm
    service = services.documents

    def form_data(self, form):
        data = super().form_data(form)
        data["receiving_agencies"] = list(data["receiving_agencies"])
        return data


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
