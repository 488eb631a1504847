"""The reports API: reports (create, narrative, parts, preview, issue, Word/PDF) and their templates (versions,
download, upload). Permissions are the services'; errors map to 400/403 in ``core.api.base``."""

import django_filters
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema, extend_schema_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.reporttypes import AgencyPart, ContributedFigure
from canhgiac.core.routes import filterset_for
from canhgiac.reports import consolidate, services
from canhgiac.reports.models import Report, ReportTemplate
from canhgiac.reports.render import PdfError, to_pdf
from canhgiac.rounds.choices import ContributionStatusChoices
from canhgiac.rounds.models import ReportRound

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ReportFilterSet = filterset_for(
    services.reports, round=django_filters.NumberFilter(field_name="round", label="Đợt báo cáo")
)


class ReportSerializer(serializers.ModelSerializer):
    narrative = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)

    class Meta:
        model = Report
        fields = [
            "id",
            *services.ReportService.fields,
            "narrative",
            "title",
            "round",
            "status",
            "parts",
            "issued_at",
            "issued_by",
            "document",
            "template_version",
            "created",
        ]
        read_only_fields = [
            *("title", "round", "status", "parts"),
            *("issued_at", "issued_by", "document", "template_version"),
        ]
        extra_kwargs = {"author_agency": {"required": False}}


@extend_schema_serializer(component_name="ReportPartFigureInput")
class FigureInputSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True, required=False)
    recorded = serializers.DecimalField(max_digits=20, decimal_places=4, allow_null=True, required=False)
    nil = serializers.BooleanField(default=False)
    note = serializers.CharField(allow_blank=True, default="")


class PartSerializer(serializers.Serializer):
    agency_code = serializers.CharField()
    agency_name = serializers.CharField()
    agency_kind = serializers.CharField(allow_blank=True, default="")
    status = serializers.ChoiceField(choices=ContributionStatusChoices.choices)
    figures = serializers.DictField(child=FigureInputSerializer(), default=dict)
    sections = serializers.DictField(child=serializers.CharField(allow_blank=True), default=dict)
    attachments = serializers.ListField(child=serializers.CharField(), default=list)


def _plain(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def _part(data: dict) -> AgencyPart:
    figures = {
        key: ContributedFigure(
            key=key,
            value=_plain(item.get("value")),
            recorded=_plain(item.get("recorded")),
            nil=item["nil"],
            note=item["note"],
        )  # fmt: skip
        for key, item in data["figures"].items()
    }
    return AgencyPart(**{**data, "figures": figures})


class ReportViewSet(BaseViewSet):
    queryset = Report.objects.select_related("author_agency", "document")
    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    service = services.reports

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def preview(self, request, pk=None):
        """The report's content: every figure with its value, window, comparison and drill-down URL (the frozen
        values once issued), the parts and the notes on figures left out."""
        return Response(services.preview(self.get_object()))

    @extend_schema(request=PartSerializer(many=True), responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def parts(self, request, pk=None):
        """Replace the partners' parts of a draft report (what a report round collected)."""
        serializer = PartSerializer(data=request.data, many=True)
        serializer.is_valid(raise_exception=True)
        parts = [_part(item) for item in serializer.validated_data]
        report = services.attach_parts(self.get_object(), parts, actor=request.user)
        return Response(ReportSerializer(report).data)

    @extend_schema(request=None, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        """Issue the report: a number in the outgoing register and a frozen copy."""
        report = services.issue_report(self.get_object(), actor=request.user)
        return Response(ReportSerializer(report).data)

    @extend_schema(responses={(200, DOCX_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None):
        """The Word file (the frozen copy once issued)."""
        report = self.get_object()
        return file_response(services.report_docx(report), DOCX_TYPE, f"bao-cao-{report.pk}.docx")

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        """The report as PDF (LibreOffice headless); 503 with the reason when LibreOffice is missing."""
        report = self.get_object()
        try:
            content = to_pdf(services.report_docx(report))
        except PdfError as exc:
            return Response({"detail": str(exc)}, status=503)
        return file_response(content, "application/pdf", f"bao-cao-{report.pk}.pdf")


class RoundReportViewSet(viewsets.ViewSet):
    """``POST /api/rounds/{id}/report/``: the consolidated report of a round (its type and period, the parts
    received so far; a part not sent is named as missing). 201 with a new draft, 200 when the round's draft was
    refreshed. Who may: the services decide (staff of the provincial authority)."""

    api_descriptions = {
        "create": "Lập báo cáo tổng hợp của một đợt báo cáo từ các phần đã nhận (phần chưa gửi được ghi là còn thiếu): "
        "201 khi tạo dự thảo mới, 200 khi cập nhật dự thảo của đợt; chỉ cán bộ của cơ quan chủ trì."
    }

    @extend_schema(
        request=None,
        responses={201: ReportSerializer, 200: ReportSerializer},
        parameters=[
            OpenApiParameter("round_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="Mã số đợt báo cáo")
        ],
    )
    def create(self, request, round_pk=None):
        rnd = get_object_or_404(ReportRound.objects.visible_to(request.user), pk=round_pk)
        report, created = consolidate.report_from_round(rnd, actor=request.user)
        return Response(ReportSerializer(report).data, status=201 if created else 200)


def file_response(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class TemplateUploadSerializer(serializers.Serializer):
    report_type = serializers.CharField()
    file = serializers.FileField()
    note = serializers.CharField(allow_blank=True, default="")


class ReportTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportTemplate
        fields = ["id", "report_type", "version", "note", "created", "created_by"]


class ReportTemplateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Uploaded template versions per report type; the newest is in use (none: the built-in default)."""

    queryset = ReportTemplate.objects.all()
    serializer_class = ReportTemplateSerializer
    filterset_fields = ["report_type"]

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    @extend_schema(request={"multipart/form-data": TemplateUploadSerializer}, responses={201: ReportTemplateSerializer})
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def upload(self, request):
        """Upload a new version of a type's template; a broken one is refused (400) with the reason."""
        serializer = TemplateUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        template = services.upload_template(data["report_type"], data["file"], actor=request.user, note=data["note"])
        return Response(ReportTemplateSerializer(template).data, status=201)

    @extend_schema(
        parameters=[OpenApiParameter("type", str, required=True), OpenApiParameter("version", int)],
        responses={(200, DOCX_TYPE): OpenApiTypes.BINARY},
    )
    @action(detail=False, methods=["get"])
    def download(self, request):
        """The template in use for ``type`` (or ``version``; 0 is the built-in default) as a .docx."""
        type_key = request.query_params.get("type", "")
        version = request.query_params.get("version")
        if not version or not version.isdigit():
            version = None
        content = services.template_download(type_key, int(version) if version is not None else None)
        return file_response(content, DOCX_TYPE, f"mau-bao-cao-{type_key}.docx")


def register(router) -> None:
    router.register("reports/templates", ReportTemplateViewSet, basename="reporttemplate")
    router.register("reports", ReportViewSet)
    router.register(r"rounds/(?P<round_pk>[0-9]+)/report", RoundReportViewSet, basename="roundreport")
