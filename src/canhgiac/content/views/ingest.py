"""The content upload page and a job's status page: the core import views configured for the content kind."""

from canhgiac.content.forms import IngestForm
from canhgiac.core.views.imports import ImportJobView, ImportUploadView


class IngestView(ImportUploadView):
    kind_name = "content"
    template_name = "content/ingest.html"
    form_class = IngestForm


class IngestBatchView(ImportJobView):
    kind_name = "content"
