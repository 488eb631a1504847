from django.db.models import Q

from canhgiac.cases.views.triage import TriageActionView
from canhgiac.content import services
from canhgiac.content.choices import ContentItemStatusChoices
from canhgiac.content.filtersets import ContentItemFilterSet, QueueFilterSet
from canhgiac.content.forms import ReviewForm
from canhgiac.content.models import ContentItem, review_threshold
from canhgiac.content.tables import ContentItemTable
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import ObjectActionView, ObjectDetailView, ObjectHistoryView, ObjectListView


class ReviewQueueView(ObjectListView):
    """New items at or above the review threshold, riskiest first; then the items in a class's uncertain band."""

    model = ContentItem
    table_class = ContentItemTable
    filterset_class = QueueFilterSet
    extra_actions = (
        ("content:ingest", "Nhập tệp nội dung"),
        ("content:item_list", "Tất cả nội dung"),
        ("content:digest", "Điểm báo"),
    )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            # the uncertain band is shown apart: after the sure items, whatever its risk
            .filter(Q(risk__gte=review_threshold()) | Q(uncertain=True), status=ContentItemStatusChoices.NEW)
            .order_by("uncertain", "-risk", "-id")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"Hàng chờ duyệt nội dung (rủi ro từ {review_threshold():.0%})"
        return context


class ContentItemListView(ObjectListView):
    model = ContentItem
    table_class = ContentItemTable
    filterset_class = ContentItemFilterSet
    extra_actions = (("content:review_queue", "Hàng chờ duyệt"), ("content:ingest", "Nhập tệp nội dung"))
    title = "Nội dung đã thu thập"


class ContentItemView(ObjectDetailView):
    model = ContentItem
    template_name = "content/item.html"

    def get_queryset(self):
        return super().get_queryset().select_related("case", "batch", "reviewer")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_form"] = ReviewForm(initial={"label": self.object.effective_label})
        context["threshold"] = review_threshold()
        return context


class ContentItemHistoryView(ObjectHistoryView):
    model = ContentItem


class ItemReviewView(ObjectActionView):
    """Confirm or correct the classifier's label, then back to the item (or to the queue)."""

    model = ContentItem

    def act(self, request, obj):
        form = ReviewForm(request.POST)
        if not form.is_valid():
            raise ServiceError("Chọn một nhãn hợp lệ.")
        item = services.review_item(obj, actor=request.user, label=form.cleaned_data["label"])
        return f"Đã ghi nhãn: {item.get_reviewed_label_display()}.", None


class ItemTriageView(TriageActionView):
    model = ContentItem
    triage = services.items
