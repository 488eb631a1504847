"""The API actions of the triage base, the same for every kind of detected item (website findings, content items;
next: domains, SOC alerts): dismiss with a reason, reopen, escalate one item — or several at once — into a new case
or an existing one."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.response import Response

from canhgiac.cases.api.serializers import CaseSerializer, EscalateSerializer
from canhgiac.cases.triage import find_case


class DismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Vì sao đây là báo động nhầm.")


class EscalateManySerializer(EscalateSerializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), min_length=1, max_length=500
    )


class TriageActions:
    """A ``BaseViewSet`` mixin: set ``triage`` (the app's ``EscalatingTriage``). Items come from detection, so the
    plain POST that would create one is refused."""

    triage: Any = None

    @extend_schema(exclude=True)  # refused: not an operation of the API
    def create(self, request, *args, **kwargs):
        raise MethodNotAllowed("POST")

    def _item(self, item):
        return Response(self.get_serializer(item).data)

    def _case(self, request, case):
        return Response(CaseSerializer(case, context={"request": request}).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DismissSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        """Dismiss as a false alarm, with a reason."""
        body = DismissSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._item(self.triage.dismiss(self.get_object(), actor=request.user, **body.validated_data))

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Undo a dismissal or a confirmation: the item waits for a decision again."""
        return self._item(self.triage.reopen(self.get_object(), actor=request.user))

    @extend_schema(request=EscalateSerializer, responses={201: CaseSerializer})
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        """Open a case from this item (its indicators and evidence), or add it to ``case`` (code or id)."""
        body = EscalateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        existing = find_case(body.validated_data.get("case"), request.user)
        return self._case(request, self.triage.escalate([self.get_object()], actor=request.user, case=existing))

    @extend_schema(request=EscalateManySerializer, responses={201: CaseSerializer})
    @action(detail=False, methods=["post"], url_path="escalate-many")
    def escalate_many(self, request):
        """Open one case from several items (``ids``), or add them all to ``case``."""
        body = EscalateManySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ids = body.validated_data["ids"]
        items = list(self.get_queryset().filter(pk__in=ids))
        if len(items) != len(set(ids)):
            missing = sorted(set(ids) - {item.pk for item in items})
            return Response({"ids": [f"Không tìm thấy (hoặc không có quyền xem): {missing}"]}, status=400)
        existing = find_case(body.validated_data.get("case"), request.user)
        return self._case(request, self.triage.escalate(items, actor=request.user, case=existing))
