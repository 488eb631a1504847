from django.urls import path

from canhgiac.content.views import digest, ingest, items

app_name = "content"

urlpatterns = [
    path("", items.ReviewQueueView.as_view(), name="review_queue"),
    path("items/", items.ContentItemListView.as_view(), name="item_list"),
    path("items/<int:pk>/", items.ContentItemView.as_view(), name="item"),
    path("items/<int:pk>/history/", items.ContentItemHistoryView.as_view(), name="item_history"),
    path("items/<int:pk>/review/", items.ItemReviewView.as_view(), name="item_review"),
    path("items/<int:pk>/dismiss/", items.ItemTriageView.as_view(step="dismiss"), name="item_dismiss"),
    path("items/<int:pk>/escalate/", items.ItemTriageView.as_view(step="escalate"), name="item_escalate"),
    path("ingest/", ingest.IngestView.as_view(), name="ingest"),
    path("ingest/<int:pk>/", ingest.IngestBatchView.as_view(), name="batch"),
    path("digest/", digest.DigestView.as_view(), name="digest"),
    path("digest/docx/", digest.DigestView.as_view(docx=True), name="digest_docx"),
]
