"""API base: scoped querysets, no DELETE, a /history/ action, domain errors mapped to 400/403."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import filters, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from canhgiac.core.history import history_entries
from canhgiac.core.services import PermissionDenied, ServiceError


def exception_handler(exc, context):
    """Domain errors carry a Vietnamese message for the user; map them to HTTP here, not in services."""
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
    """``?search=`` over the view's ``search_fields``; a view without them searches as its filterset's ``?q=`` does
    (the indicators' prefix search on the normalised value, for one), so ``search`` is never silently ignored."""

    def _q_filterset(self, view):
        filterset_class = getattr(view, "filterset_class", None)
        if getattr(view, "search_fields", None) or filterset_class is None or "q" not in filterset_class.base_filters:
            return None
        return filterset_class

    def filter_queryset(self, request, queryset, view):
        filterset_class = self._q_filterset(view)
        if filterset_class is None:
            return super().filter_queryset(request, queryset, view)
        term = request.query_params.get(self.search_param, "")
        if not term.strip():
            return queryset
        return filterset_class({"q": term}, queryset=queryset, request=request).qs

    def get_schema_operation_parameters(self, view):
        if self._q_filterset(view) is None:
            return super().get_schema_operation_parameters(view)
        parameter = {"name": self.search_param, "required": False, "in": "query", "schema": {"type": "string"}}
        return [parameter | {"description": "Tìm kiếm, như tham số q."}]


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
    """List/retrieve/create/update — never destroy; rows limited to what the user may see."""

    write_area = "records"
    # The project's filter backends (settings), with the search that falls back on ``q``.
    filter_backends = [SearchFilter if b is filters.SearchFilter else b for b in api_settings.DEFAULT_FILTER_BACKENDS]

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """The change log of this record: who, when, why, before → after."""
        return Response(HistoryEntrySerializer(history_entries(self.get_object()), many=True).data)
