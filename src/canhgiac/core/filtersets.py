import re
from decimal import Decimal, InvalidOperation

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django_filters import rest_framework as rest_filters

from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices
from canhgiac.core.deadlines import DUE_STATES, deadlines_in_state, with_due_state
from canhgiac.core.models import Agency, Deadline, Document
from canhgiac.core.models.agencies import agency_kind_choices
from canhgiac.core.models.workflow import DeadlineStatusChoices
from canhgiac.core.search import fold, search_q

# The largest value a database integer column holds (SQLite and PostgreSQL bigint): ids beyond it cannot exist.
MAX_INTEGER = 2**63 - 1
TOO_LARGE = "Giá trị quá lớn: mã hoặc số phải có độ lớn nhỏ hơn 2^63 (9.223.372.036.854.775.807)."


def _too_large(value) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_too_large(item) for item in value)
    if isinstance(value, str) and "," in value:
        return _too_large(value.split(","))
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return False
    return number.is_finite() and abs(number) > MAX_INTEGER


def _bounded(clean):
    def guarded(value):
        if _too_large(value):
            raise forms.ValidationError(TOO_LARGE, code="too_large")
        return clean(value)

    return guarded


# A letter's number as people write it: "123", "số 123", "123/CAT-PA05", "số 123/2024/CAT-PA05" (folded first).
LETTER_NUMBER = re.compile(r"(?:so\s*)?(?P<number>\d+)(?:\s*/\s*(?P<year>\d{4}))?(?:\s*/\s*(?P<symbol>[^\s/].*))?")

YES_NO_ALL = [("", "Tất cả"), ("true", "Có"), ("false", "Không")]


class BoundedNumbers:
    """A FilterSet mixin: id and number filters refuse values no database integer holds, with a form error (a 400
    in the API), before any query — without it ``?case=99999999999999999999`` overflows the driver (a 500)."""

    def get_form_class(self):
        form_class = super().get_form_class()  # type: ignore[misc]

        def __init__(form, *args, **kwargs):
            form_class.__init__(form, *args, **kwargs)
            for field in form.fields.values():
                if isinstance(field, (forms.ModelChoiceField, forms.DecimalField, forms.IntegerField)):
                    field.clean = _bounded(field.clean)
                if isinstance(field, forms.NullBooleanField):
                    # A yes/no filter offers "Tất cả" (no filter), not Django's "Chưa xác định".
                    field.widget = forms.Select(choices=YES_NO_ALL)

        return type(form_class.__name__, (form_class,), {"__init__": __init__})


class BaseFilterSet(BoundedNumbers, django_filters.FilterSet):
    """The base of every filterset of the pages and the API."""


class BaseRestFilterSet(BoundedNumbers, rest_filters.FilterSet):
    """The base of the filtersets DRF builds from a viewset's ``filterset_fields``."""


def bounded(filterset_class):
    """``filterset_class`` itself if it has the guard, else a subclass with it (a filterset declared elsewhere)."""
    if filterset_class is None or issubclass(filterset_class, BoundedNumbers):
        return filterset_class
    return type(filterset_class.__name__, (BoundedNumbers, filterset_class), {})


class SearchFilterSet(BaseFilterSet):
    """A FilterSet with a free-text ``q`` over ``search_fields``."""

    q = django_filters.CharFilter(method="search", label="Tìm kiếm")
    search_fields: tuple[str, ...] = ()

    def search(self, queryset, name, value):
        """Rows whose ``search_fields`` contain ``value``, whatever its case and accents (``core.search``)."""
        query = search_q(queryset.model, self.search_fields, value)
        return queryset if query is None else queryset.filter(query)


class AgencyFilterSet(SearchFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=agency_kind_choices, distinct=False, label="Loại")
    unit = django_filters.NumberFilter(field_name="unit", label="Mã địa bàn (đơn vị hành chính)")
    search_fields = ("name", "code")

    class Meta:
        model = Agency
        fields = ["kind", "is_active", "parent", "unit"]


class DocumentFilterSet(SearchFilterSet):
    direction = django_filters.ChoiceFilter(choices=DocumentDirectionChoices.choices, label="Sổ")
    doc_type = django_filters.MultipleChoiceFilter(
        choices=DocumentTypeChoices.choices, distinct=False, label="Loại văn bản"
    )
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Từ ngày")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Đến ngày")
    search_fields = ("symbol", "summary")
    receiving_agencies = django_filters.ModelMultipleChoiceFilter(
        field_name="receiving_agencies", queryset=Agency.objects.all(), label="Nơi nhận"
    )

    def search(self, queryset, name, value):
        """Symbol and summary, whatever the case and accents, or the letter's number as written: "123",
        "số 123", "123/CAT-PA05", "Số 123/2024/CAT-PA05"."""
        query = search_q(Document, self.search_fields, value)
        if query is None:
            return queryset
        match = LETTER_NUMBER.fullmatch(fold(value))
        if match:
            number = Q(number=int(match["number"])) if len(match["number"]) < 10 else Q(pk__in=[])
            if match["year"]:
                number &= Q(year=int(match["year"]))
            if match["symbol"]:
                number &= Q(symbol__cg_folded_contains=match["symbol"])
            query |= number
        return queryset.filter(query)

    class Meta:
        model = Document
        fields = ["direction", "doc_type", "issuing_agency", "receiving_agencies", "number", "symbol", "year"]


def date_range(field_name: str, label: str) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """Two filters, from and to (both ends included), on a date or date-and-time field: a figure's drill-down list
    selects the records of its period with them (``x_after, x_before = date_range("created", "Tạo")``)."""
    return (
        django_filters.DateFilter(field_name=field_name, lookup_expr="gte", label=f"{label} từ ngày"),
        django_filters.DateFilter(field_name=field_name, lookup_expr="lte", label="đến ngày"),
    )


class DueFilter(django_filters.ChoiceFilter):
    """``?due=soon|overdue`` on any list: the rows with an open deadline near or past (add ``due = DueFilter()``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Thời hạn")
        super().__init__(choices=DUE_STATES, **kwargs)

    def filter(self, qs, value):
        return with_due_state(qs, value) if value else qs


class DeadlineFilterSet(SearchFilterSet):
    state = django_filters.ChoiceFilter(method="filter_state", label="Tình trạng", choices=DUE_STATES)
    status = django_filters.ChoiceFilter(choices=DeadlineStatusChoices.choices, label="Trạng thái")
    due_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte", label="Hạn từ ngày")
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte", label="đến ngày")
    mine = django_filters.BooleanFilter(method="filter_mine", label="Tôi chịu trách nhiệm")
    content_type = django_filters.ModelChoiceFilter(
        queryset=ContentType.objects.filter(app_label__in=["cases", "core", "webwatch", "content"]), label="Loại hồ sơ"
    )
    object_id = django_filters.NumberFilter(label="Mã hồ sơ")
    search_fields = ("label",)

    def filter_state(self, queryset, name, value):
        return deadlines_in_state(queryset, value) if value else queryset

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value is None or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(responsible=user) if value else queryset.exclude(responsible=user)

    class Meta:
        model = Deadline
        fields = ["state", "status", "rule", "responsible", "content_type", "object_id"]


class FilterBackend(rest_filters.DjangoFilterBackend):
    """The API's filter backend: every filterset, declared or built from ``filterset_fields``, has the guard."""

    filterset_base = BaseRestFilterSet

    def get_filterset_class(self, view, queryset=None):
        return bounded(super().get_filterset_class(view, queryset))
