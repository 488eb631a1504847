"""The public API of the portal (no account): look up, send a report, read a report's status by its follow-up
code — under the same per-address limits as the portal's pages."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from canhgiac.cases.normalize import IndicatorError
from canhgiac.core.services import FieldError, ServiceError
from canhgiac.intake import abuse
from canhgiac.intake.api.serializers import (
    FollowupAnswerSerializer,
    FollowupSerializer,
    LookupAnswerSerializer,
    PublicReportSerializer,
)
from canhgiac.intake.lookup import lookup
from canhgiac.intake.services import find_by_code, submit_report


def too_many(exc: abuse.RateLimited) -> Response:
    return Response(
        {"detail": str(exc)}, status=status.HTTP_429_TOO_MANY_REQUESTS, headers={"Retry-After": str(exc.retry_after)}
    )


class PublicViewSet(viewsets.ViewSet):
    permission_classes = [AllowAny]
    authentication_classes: list = []


class PublicLookupViewSet(PublicViewSet):
    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True, description="Số điện thoại, tên miền, đường dẫn…")],
        responses=LookupAnswerSerializer,
        auth=[],
    )
    def list(self, request):
        """What the office knows about a phone number, domain, link or account: confirmed / under verification / no
        record, how many reports mention it, the published warning. Never who reported it."""
        try:
            abuse.check_rate("lookup", abuse.address_hash(request))
            return Response(lookup(request.query_params.get("q", "")))
        except abuse.RateLimited as exc:
            return too_many(exc)
        except IndicatorError as exc:
            return Response({"q": [str(exc)]}, status=status.HTTP_400_BAD_REQUEST)


class PublicReportViewSet(PublicViewSet):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request=PublicReportSerializer, responses={201: FollowupSerializer, 200: FollowupSerializer}, auth=[]
    )
    def create(self, request):
        """Send a report (the captcha is the portal page's; this answer carries the follow-up code)."""
        body = PublicReportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        if data.pop("website", ""):
            return Response({"detail": "Biểu mẫu không hợp lệ (trường ẩn chống gửi tự động phải để trống)."}, 400)
        files = data.pop("files", [])
        try:
            report, merged = submit_report(data, files, source=abuse.address_hash(request))
        except abuse.RateLimited as exc:
            return too_many(exc)
        except FieldError as exc:
            return Response({exc.field: [str(exc)]}, status=400)
        code = status.HTTP_200_OK if merged else status.HTTP_201_CREATED
        return Response({"code": report.followup_code, "merged": merged}, status=code)


# A wrong code is an error of the form's field, as the portal page shows it.
FollowupNotFound = inline_serializer("FollowupNotFound", {"code": serializers.ListField(child=serializers.CharField())})


class PublicFollowupViewSet(PublicViewSet):
    @extend_schema(
        request=FollowupSerializer, responses={200: FollowupAnswerSerializer, 404: FollowupNotFound}, auth=[]
    )
    def create(self, request):
        """The status and the office's reply of the report with this follow-up code (POST: no code in URLs or logs).
        Wrong codes tried repeatedly from one address are refused for a while."""
        body = FollowupSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            return Response(followup(body.validated_data["code"], abuse.address_hash(request)))
        except abuse.RateLimited as exc:
            return too_many(exc)
        except ServiceError as exc:
            return Response({"code": [str(exc)]}, status=404)


def followup(code: str, source: str) -> dict:
    """What a reporter reads with their code; counts a wrong code against the address."""
    abuse.check_blocked("code", source)
    report = find_by_code(code)
    if report is None:
        abuse.count_failure("code", source)
        raise ServiceError(
            "Không tìm thấy phản ánh với mã tra cứu này. Kiểm tra lại mã (16 ký tự, ví dụ ABCD-EFGH-JKMN-PQRS)."
        )
    return {
        "received_at": report.received_at,
        "status": report.public_status,
        "reply": report.reply,
        "replied_at": report.replied_at,
    }


def register_public(router) -> None:
    router.register("public/lookup", PublicLookupViewSet, basename="public-lookup")
    router.register("public/reports", PublicReportViewSet, basename="public-report")
    router.register("public/followup", PublicFollowupViewSet, basename="public-followup")
