"""API base: scoped querysets, no DELETE, a /history/ action, domain errors mapped to 400/403."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import filters, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from canhgiac.core.history import history_entries
from canhgiac.core.kit import FieldError, PermissionDenied, ServiceError
from canhgiac.core.search import search_q


def exception_handler(exc, context):
    """Domain errors carry a Vietnamese message for the user; map them to HTTP here, not in services."""
    if isinstance(exc, FieldError):
        code = status.HTTP_403_FORBIDDEN if isinstance(exc, PermissionDenied) else status.HTTP_400_BAD_REQUEST
        return Response({exc.field: [str(exc)]}, status=code)
    if isinstance(exc, PermissionDenied):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, (ServiceError, ValueError)) and not isinstance(exc, serializers.ValidationError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    # Two messages that DRF and Django build without a translation hook: say them in Vietnamese here.
    if isinstance(exc, ParseError) and str(exc.detail).startswith("JSON parse error"):
        exc = ParseError(f"Nội dung JSON không hợp lệ: {str(exc.detail).split(' - ', 1)[-1]}")
    elif isinstance(exc, Http404):
        exc = NotFound("Không tìm thấy bản ghi (không tồn tại hoặc bạn không có quyền xem).")
    return drf_exception_handler(exc, context)


class SearchFilter(filters.SearchFilter):
    """``?search=`` as the page's ``?q=``: through the view's filterset when it has ``q`` (the indicators' search in a
    case list, a letter's number), else over the view's ``search_fields`` — whatever the case and accents either way
    (``core.search``), so ``search`` is never silently ignored nor stricter than the page."""

    def _q_filterset(self, view):
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None or "q" not in filterset_class.base_filters:
            return None
        return filterset_class

    def filter_queryset(self, request, queryset, view):
        term = request.query_params.get(self.search_param, "")
        if not term.strip():
            return queryset
        filterset_class = self._q_filterset(view)
        if filterset_class is not None:
            return filterset_class({"q": term}, queryset=queryset, request=request).qs
        fields = [field.lstrip("^=@$") for field in self.get_search_fields(view, request) or ()]
        query = search_q(queryset.model, fields, term) if fields else None
        if query is None:
            return queryset
        queryset = queryset.filter(query)
        return queryset.distinct() if any("__" in field for field in fields) else queryset

    def get_schema_operation_parameters(self, view):
        parameter = {"name": self.search_param, "required": False, "in": "query", "schema": {"type": "string"}}
        return [parameter | {"description": "Tìm kiếm không phân biệt hoa thường và dấu, như tham số q của trang."}]


class HistoryEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    user = serializers.CharField()
    type = serializers.CharField()
    reason = serializers.CharField()
    changes = serializers.ListField(child=serializers.DictField())


class BaseViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List/retrieve/create/update — never destroy; rows limited to what the user may see.

    Writes go through ``service`` (a ``core.kit.RecordService``): ``serializer.save()`` is never called. A viewset
    that accepts POST or PATCH without naming a service (or its own ``perform_create``/``perform_update``) is a
    configuration error raised when the class is defined, not a silent direct write.
    Linked records the user may not see are left out of every answer (a case's letters, for one).
    """

    write_area = "records"
    service: Any = None
    # Request fields renamed on their way to the service (the API's ``indicators_input`` is the service's
    # ``indicators``).
    service_inputs: dict[str, str] = {}
    # The project's filter backends (settings), with the search that falls back on ``q``.
    filter_backends = [SearchFilter if b is filters.SearchFilter else b for b in api_settings.DEFAULT_FILTER_BACKENDS]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        methods = set(getattr(cls, "http_method_names", ()))
        hooks = (("post", "create", "perform_create"), ("patch", "update", "perform_update"))
        for method, handler, hook in hooks:
            untouched = getattr(cls, hook) is getattr(BaseViewSet, hook) and getattr(cls, handler) is getattr(
                BaseViewSet, handler
            )
            if method in methods and cls.service is None and untouched:
                raise ImproperlyConfigured(f"{cls.__name__} nhận {method.upper()} nhưng không khai báo service.")
        if cls.service is not None:
            cls.write_area = cls.service.area

    def get_serializer_class(self):
        """The declared serializer, else one of the service's fields (written once, in the service)."""
        if self.serializer_class is None and self.service is not None:
            cls = type(self)
            if "_service_serializer" not in cls.__dict__:
                meta = type(
                    "Meta", (), {"model": self.service.model, "fields": ["id", *self.service.fields, "created"]}
                )
                name = f"{self.service.model.__name__}Serializer"
                cls._service_serializer = type(name, (serializers.ModelSerializer,), {"Meta": meta})
            return cls._service_serializer
        return super().get_serializer_class()

    def get_queryset(self):
        queryset = super().get_queryset().visible_to(self.request.user)
        shown = set(getattr(getattr(self.get_serializer_class(), "Meta", None), "fields", ()) or ())
        for field in queryset.model._meta.many_to_many:
            if field.name not in shown:
                continue  # not in this answer (a list leaves a case's indicators out): no query for it
            related = field.related_model._default_manager
            if hasattr(related, "visible_to"):
                queryset = queryset.prefetch_related(Prefetch(field.name, related.visible_to(self.request.user)))
        return queryset

    def service_data(self, serializer) -> dict:
        data = dict(serializer.validated_data)
        return {self.service_inputs.get(name, name): value for name, value in data.items()}

    def perform_create(self, serializer):
        obj = self.service.create(actor=self.request.user, **self.service_data(serializer))
        serializer.instance = self._answered(obj)

    def perform_update(self, serializer):
        obj = self.service.update(serializer.instance, actor=self.request.user, **self.service_data(serializer))
        serializer.instance = self._answered(obj)

    def _answered(self, obj):
        """The written record as this user reads it (links out of scope left out); itself if no longer visible."""
        return self.get_queryset().filter(pk=obj.pk).first() or obj

    # One record's log, whole: neither paginated nor narrowed by the list's filters (a filter of the list would
    # otherwise hide the record and answer 404).
    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, pk=None):
        """The change log of this record: who, when, why, before → after."""
        entries = history_entries(self.get_object(), reader=request.user)
        return Response(HistoryEntrySerializer(entries, many=True).data)
