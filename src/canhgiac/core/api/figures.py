"""API of the figures catalogue: ``GET /api/figures/?from=YYYY-MM-DD&to=YYYY-MM-DD[&agency=CODE][&key=…]``."""

import datetime as dt

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from canhgiac.core import figures
from canhgiac.core.models import Agency


class FigureRowSerializer(serializers.Serializer):
    key = serializers.CharField(label="khoá")
    label = serializers.CharField(label="tên chỉ số")
    group = serializers.CharField(label="nhóm")
    unit = serializers.CharField(label="loại đơn vị")
    unit_label = serializers.CharField(label="đơn vị")
    value = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True, coerce_to_string=False)
    url = serializers.CharField(label="danh sách hồ sơ được đếm")


@extend_schema_serializer(many=False)  # one object, although it answers the viewset's ``list``
class FigureValuesSerializer(serializers.Serializer):
    # "from" is a Python keyword: the field is declared under another name and renamed below
    from_ = serializers.DateField(label="từ ngày")
    to = serializers.DateField(label="đến ngày")
    agency = serializers.CharField(allow_null=True, label="ký hiệu cơ quan")
    figures = FigureRowSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


def _date(params, name: str) -> dt.date:
    raw = params.get(name)
    if not raw:
        raise ValidationError({name: "Cần ngày theo dạng YYYY-MM-DD."})
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({name: f"Ngày '{raw}' không hợp lệ (cần dạng YYYY-MM-DD)."}) from None


class FigureViewSet(viewsets.ViewSet):
    """Số liệu báo cáo của một kỳ, tính từ hồ sơ: toàn tỉnh hoặc một cơ quan (người dùng ngoài cơ quan cấp tỉnh chỉ
    xem số liệu của cơ quan mình); mỗi số liệu kèm đường dẫn tới danh sách hồ sơ được đếm."""

    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, required=True, description="Từ ngày"),
            OpenApiParameter("to", OpenApiTypes.DATE, required=True, description="Đến ngày"),
            OpenApiParameter("agency", OpenApiTypes.STR, description="Ký hiệu cơ quan; bỏ trống: toàn tỉnh"),
            OpenApiParameter("key", OpenApiTypes.STR, many=True, description="Chỉ lấy các chỉ số này"),
        ],
        responses=FigureValuesSerializer,
    )
    def list(self, request):
        params = request.query_params
        try:
            window = figures.Window(_date(params, "from"), _date(params, "to"))
        except ValueError as exc:
            raise ValidationError({"to": str(exc)}) from None
        agency = None
        if params.get("agency"):
            agency = Agency.objects.filter(code=params["agency"]).first()
            if agency is None:
                raise ValidationError({"agency": f"Không có cơ quan ký hiệu '{params['agency']}'."})
        keys = params.getlist("key") or None
        agency = figures.readable_agency(request.user, agency)
        try:
            rows = figures.visible_values(request.user, window, agency, keys)
        except figures.UnknownFigure as exc:
            raise ValidationError({"key": str(exc)}) from None
        return Response(
            {
                "from": window.start,
                "to": window.end,
                "agency": agency.code if agency else None,
                "figures": FigureRowSerializer(rows, many=True).data,
            }
        )
