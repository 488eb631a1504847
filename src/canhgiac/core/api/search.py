"""API of the global search: ``GET /api/search/?q=…`` — the same sections and rows as the page ``/search/``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from canhgiac.core.globalsearch import MAX_QUERY, search_everything

ResultSerializer = inline_serializer(
    "SearchResult",
    {
        "id": serializers.IntegerField(label="mã"),
        "title": serializers.CharField(label="tên"),
        "subtitle": serializers.CharField(label="mô tả"),
        "url": serializers.CharField(label="đường dẫn"),
    },
    many=True,
)
SectionSerializer = inline_serializer(
    "SearchSection",
    {
        "key": serializers.CharField(label="khoá"),
        "label": serializers.CharField(label="nhóm"),
        "results": ResultSerializer,
        "more": serializers.BooleanField(label="còn kết quả khác"),
        "list_url": serializers.CharField(label="danh sách đầy đủ (thêm ?q=)"),
    },
    many=True,
)


@extend_schema_serializer(many=False)  # one object, although it answers the viewset's ``list``
class SearchAnswerSerializer(serializers.Serializer):
    q = serializers.CharField(label="điều đã tìm")
    sections = SectionSerializer


class SearchViewSet(viewsets.ViewSet):
    """Tìm trong mọi hồ sơ người dùng được xem: vụ việc, dấu hiệu (viết thế nào cũng được), văn bản (theo số và ký
    hiệu), cơ quan, trang được giám sát, nội dung — không phân biệt hoa thường và dấu; mỗi nhóm vài kết quả đầu."""

    @extend_schema(
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, description="Điều cần tìm.", required=True)],
        responses=SearchAnswerSerializer,
    )
    def list(self, request):
        text = request.query_params.get("q", "").strip()[:MAX_QUERY]
        return Response({"q": text, "sections": search_everything(request.user, text)})
