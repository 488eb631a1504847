import django_filters

from canhgiac.content.choices import ContentItemStatusChoices, ContentLabelChoices, SenderKindChoices
from canhgiac.content.models import ContentItem, platform_name
from canhgiac.core.filtersets import SearchFilterSet, date_range
from canhgiac.core.globalsearch import SearchSection


def platform_choices():
    # order_by(): the model's default ordering would add its columns to the DISTINCT and repeat every platform.
    platforms = ContentItem.objects.exclude(platform="").order_by().values_list("platform", flat=True).distinct()
    return sorted(((p, platform_name(p)) for p in platforms), key=lambda choice: choice[1])


class ContentItemFilterSet(SearchFilterSet):
    label = django_filters.MultipleChoiceFilter(choices=ContentLabelChoices.choices, distinct=False, label="Phân loại")
    platform = django_filters.ChoiceFilter(choices=platform_choices, label="Nền tảng")
    status = django_filters.MultipleChoiceFilter(
        choices=ContentItemStatusChoices.choices, distinct=False, label="Trạng thái"
    )
    reviewed_label = django_filters.ChoiceFilter(choices=ContentLabelChoices.choices, label="Nhãn của người duyệt")
    min_risk = django_filters.NumberFilter(field_name="risk", lookup_expr="gte", label="Rủi ro từ")
    uncertain = django_filters.BooleanFilter(label="Chưa chắc chắn")
    sender_kind = django_filters.ChoiceFilter(choices=SenderKindChoices.choices, label="Loại người gửi")
    published_after = django_filters.DateFilter(field_name="published_at__date", lookup_expr="gte", label="Đăng từ")
    published_before = django_filters.DateFilter(field_name="published_at__date", lookup_expr="lte", label="đến")
    created_after, created_before = date_range("created__date", "Ghi nhận")
    # Ids, not drop-downs: there are too many cases, batches and users to list.
    case = django_filters.NumberFilter(field_name="case", label="Mã vụ việc")
    batch = django_filters.NumberFilter(field_name="batch", label="Mã lượt nhập")
    reviewer = django_filters.NumberFilter(field_name="reviewer", label="Mã người duyệt")
    triaged_by = django_filters.NumberFilter(field_name="triaged_by", label="Mã người xử lý")
    agency = django_filters.NumberFilter(field_name="agency", label="Mã cơ quan")
    search_fields = ("text", "author", "url")

    class Meta:
        model = ContentItem
        fields = ["label", "platform", "status", "reviewed_label", "case", "batch", "reviewer", "triaged_by", "agency",
                  "uncertain", "sender_kind"]  # fmt: skip


class QueueFilterSet(SearchFilterSet):
    """The review queue is already limited to new items above the threshold: filter by class and platform."""

    label = django_filters.MultipleChoiceFilter(choices=ContentLabelChoices.choices, distinct=False, label="Phân loại")
    platform = django_filters.ChoiceFilter(choices=platform_choices, label="Nền tảng")
    uncertain = django_filters.BooleanFilter(label="Chưa chắc chắn")
    search_fields = ("text", "author", "url")

    class Meta:
        model = ContentItem
        fields = ["label", "platform", "uncertain"]


SEARCH = [
    SearchSection(
        "content",
        "Nội dung",
        "content.ContentItem",
        "canhgiac.content.filtersets.ContentItemFilterSet",
        "content:item_list",
        "label",
    ),
]
