from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.cases.api.triage import TriageActions
from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.models import Agency
from canhgiac.intake import warnings as warning_service
from canhgiac.intake.api.serializers import (
    DuplicateSerializer,
    ForwardSerializer,
    ReplySerializer,
    ReportSerializer,
    ScamWarningSerializer,
)
from canhgiac.intake.filtersets import ReportFilterSet, ScamWarningFilterSet
from canhgiac.intake.models import Report, ScamWarning
from canhgiac.intake.services import reports
from canhgiac.intake.triage import triage


class ReportViewSet(TriageActions, BaseViewSet):
    """The intake register: reports of every channel; staff add those they take (hotline, e-mail, in person, letter),
    and triage each: escalate into a case (or several into one existing case), forward, mark duplicate, dismiss,
    reply to the reporter."""

    queryset = Report.objects.all()
    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    ordering_fields = ["received_at", "id"]
    service = reports
    triage = triage

    def create(self, request, *args, **kwargs):
        return mixins.CreateModelMixin.create(self, request, *args, **kwargs)

    @extend_schema(request=ForwardSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        """Forward to the competent agency with an outgoing letter (registered in the letters' register)."""
        body = ForwardSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        agency = Agency.objects.filter(pk=data.pop("agency")).first()
        if agency is None:
            return Response({"agency": ["Không tìm thấy cơ quan nhận."]}, status=400)
        return self._item(triage.forward(self.get_object(), actor=request.user, agency=agency, **data))

    @extend_schema(request=DuplicateSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def duplicate(self, request, pk=None):
        """Mark as a duplicate of another report (the original keeps being handled)."""
        body = DuplicateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        original = get_object_or_404(self.get_queryset(), pk=body.validated_data["original"])
        return self._item(triage.mark_duplicate(self.get_object(), actor=request.user, original=original))

    @extend_schema(request=ReplySerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        """Close with a reply to the reporter: shown through the follow-up code, e-mailed when an address was given."""
        body = ReplySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._item(triage.close_with_reply(self.get_object(), actor=request.user, **body.validated_data))


class ScamWarningViewSet(BaseViewSet):
    """Warnings (cảnh báo) by provincial staff; ``publish`` puts one on the portal, ``withdraw`` takes it off."""

    queryset = ScamWarning.objects.all()
    serializer_class = ScamWarningSerializer
    filterset_class = ScamWarningFilterSet
    service = warning_service.warnings

    @extend_schema(request=None, responses=ScamWarningSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish on the portal and its feeds."""
        warning = warning_service.publish_warning(self.get_object(), actor=request.user)
        return Response(self.get_serializer(warning).data)

    @extend_schema(request=None, responses=ScamWarningSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Take off the portal (kept, with its history)."""
        warning = warning_service.withdraw_warning(self.get_object(), actor=request.user)
        return Response(self.get_serializer(warning).data)
