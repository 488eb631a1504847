from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from canhgiac.content import services
from canhgiac.content.choices import ContentItemStatusChoices
from canhgiac.content.filtersets import ContentItemFilterSet, QueueFilterSet
from canhgiac.content.forms import ReviewForm
from canhgiac.content.models import ContentItem, review_threshold
from canhgiac.content.tables import ContentItemTable
from canhgiac.core.services import ServiceError
from canhgiac.core.views.generic import ObjectDetailView, ObjectHistoryView, ObjectListView, WriteRequiredMixin


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


class ItemActionView(WriteRequiredMixin, View):
    """POST-only: one of review / dismiss / escalate, then back to the item (or to the new case)."""

    action = ""

    def post(self, request, pk):
        item = get_object_or_404(ContentItem.objects.visible_to(request.user), pk=pk)
        try:
            if self.action == "review":
                form = ReviewForm(request.POST)
                if not form.is_valid():
                    messages.error(request, "Chọn một nhãn hợp lệ.")
                    return redirect(item)
                item = services.review_item(item, actor=request.user, label=form.cleaned_data["label"])
                messages.success(request, f"Đã ghi nhãn: {item.get_reviewed_label_display()}.")
            elif self.action == "dismiss":
                services.dismiss_item(item, actor=request.user, reason=request.POST.get("reason", ""))
                messages.success(request, "Đã bỏ qua nội dung.")
            elif self.action == "escalate":
                case = services.escalate_item(item, actor=request.user)
                messages.success(request, f"Đã tạo vụ việc {case.code} từ nội dung.")
                return redirect(case)
        except ServiceError as exc:
            messages.error(request, str(exc))
        if request.POST.get("next") == "queue":
            return redirect("content:review_queue")
        return redirect(item)
