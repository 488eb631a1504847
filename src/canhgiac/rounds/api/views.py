from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canhgiac.core.api.base import BaseViewSet, HistoryEntrySerializer
from canhgiac.rounds import parts as part_services
from canhgiac.rounds import services
from canhgiac.rounds.api import serializers as s
from canhgiac.rounds.filtersets import ContributionFilterSet, RoundFilterSet
from canhgiac.rounds.history import part_history
from canhgiac.rounds.models import Contribution, ReportRound


class RoundViewSet(BaseViewSet):
    """Report rounds: the inspectorate opens them and follows who has sent their part; an agency sees the rounds
    it is asked to contribute to, with its own part only."""

    queryset = ReportRound.objects.all()
    serializer_class = s.RoundSerializer
    filterset_class = RoundFilterSet
    search_fields = ["title"]
    ordering_fields = ["period_end", "due_date", "created"]
    service = services.rounds

    @extend_schema(request=s.RoundOpenSerializer, responses={201: s.RoundSerializer})
    def create(self, request, *args, **kwargs):
        """Open a round and ask each named agency for its part."""
        body = s.RoundOpenSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        data["parts"] = [dict(item) for item in data.get("parts", [])]
        rnd = self.service.create(actor=request.user, **data)
        return Response(self.get_serializer(self._answered(rnd)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.PartRequestSerializer, responses={201: s.ContributionSerializer})
    @action(detail=True, methods=["post"], url_path="parts")
    def add_part(self, request, pk=None):
        """Ask one more agency for its part of this round."""
        body = s.PartRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        part = services.add_part(self.get_object(), actor=request.user, **body.validated_data)
        return Response(s.ContributionSerializer(part, context={"request": request}).data, status=201)

    @extend_schema(request=s.RemindSerializer, responses=s.RemindedSerializer)
    @action(detail=True, methods=["post"])
    def remind(self, request, pk=None):
        """Remind the agencies whose part is late (or the parts named), in the application and by e-mail."""
        body = s.RemindSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        rnd = self.get_object()
        if body.validated_data.get("parts"):
            chosen = Contribution.objects.visible_to(request.user).filter(round=rnd)
            wanted = set(body.validated_data["parts"])
            found = list(chosen.filter(pk__in=wanted))
            if len(found) != len(wanted):
                return Response({"parts": ["Có phần đóng góp không thuộc đợt báo cáo này."]}, status=400)
            done = services.remind(found, actor=request.user)
        else:
            done = services.remind_late(rnd, actor=request.user)
        return Response({"count": len(done), "parts": s.PartSummarySerializer(done, many=True).data})


class ContributionViewSet(BaseViewSet):
    """Each agency's part of a round. The agency fills (PATCH) and submits its own; the inspectorate returns,
    accepts and reminds. Who may do what is decided by the services, not by the role's write area."""

    queryset = Contribution.objects.select_related("round", "agency").prefetch_related("attachments")
    serializer_class = s.ContributionSerializer
    filterset_class = ContributionFilterSet
    ordering_fields = ["due_date", "status", "submitted_at"]
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    http_method_names = ["get", "patch", "post", "head", "options"]

    @extend_schema(exclude=True)
    def create(self, request, *args, **kwargs):
        raise MethodNotAllowed("POST", detail="Phần đóng góp được tạo khi Sở mở đợt báo cáo (POST /api/rounds/).")

    @extend_schema(request=s.ContributionWriteSerializer, responses=s.ContributionSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Write the agency's figures (value, nil, note per key) and section texts; only while not submitted."""
        body = s.ContributionWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        part = part_services.save_part(self.get_object(), actor=request.user, **body.validated_data)
        return self._answer(part)

    @extend_schema(exclude=True)
    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            raise MethodNotAllowed("PUT")
        return self.partial_update(request, *args, **kwargs)

    def _answer(self, part, code=200):
        part = self.get_queryset().get(pk=part.pk)
        return Response(self.get_serializer(part).data, status=code)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, pk=None):
        """The change log of this part, its figures and its files: who, when, why, before → after."""
        entries = part_history(self.get_object(), reader=request.user)
        return Response(HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(request=None, responses=s.ContributionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send the part to the inspectorate (once; again only after it was returned)."""
        return self._answer(part_services.submit_part(self.get_object(), actor=request.user))

    @extend_schema(request=s.ReturnSerializer, responses=s.ContributionSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None):
        """Return a submitted part to its agency for correction, with a comment (and a new due date)."""
        body = s.ReturnSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._answer(services.return_part(self.get_object(), actor=request.user, **body.validated_data))

    @extend_schema(request=s.CommentSerializer, responses=s.ContributionSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """Accept a submitted part for the report."""
        body = s.CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._answer(services.accept_part(self.get_object(), actor=request.user, **body.validated_data))

    @extend_schema(request=None, responses=s.ContributionSerializer)
    @action(detail=True, methods=["post"])
    def remind(self, request, pk=None):
        """Remind this part's agency that the part is awaited."""
        services.remind([self.get_object()], actor=request.user)
        return self._answer(self.get_object())

    @extend_schema(
        request={"multipart/form-data": s.AttachmentUploadSerializer}, responses={201: s.AttachmentSerializer}
    )
    @action(detail=True, methods=["post"])
    def attachments(self, request, pk=None):
        """Attach a file (PDF, Word, OpenDocument text or a scan) to the part while it can be edited."""
        body = s.AttachmentUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        attachment = part_services.attach_file(self.get_object(), body.validated_data["file"], actor=request.user)
        return Response(s.AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.AttachmentWithdrawSerializer, responses=s.AttachmentSerializer)
    @action(detail=True, methods=["post"], url_path="withdraw-attachment")
    def withdraw_attachment(self, request, pk=None):
        """Take a file off the part (the stored file is kept)."""
        body = s.AttachmentWithdrawSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        part = self.get_object()
        attachment = get_object_or_404(part.attachments.all(), pk=body.validated_data["attachment"])
        return Response(s.AttachmentSerializer(part_services.withdraw_attachment(attachment, actor=request.user)).data)
