from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from canhgiac.core.api.base import BaseViewSet
from canhgiac.petitions import steps
from canhgiac.petitions.filtersets import PetitionFilterSet, ReceptionFilterSet
from canhgiac.petitions.models import Petition, Reception
from canhgiac.petitions.serializers import (
    ExtendSerializer,
    PetitionListSerializer,
    PetitionSerializer,
    ReceptionSerializer,
    StepSerializer,
    TransferSerializer,
)
from canhgiac.petitions.services import petitions, receptions


def _step_action(name: str, summary: str):
    """``POST /api/petitions/{id}/<name>/``: take one step of the petition's workflow."""
    body_class = TransferSerializer if name == "transfer" else StepSerializer

    def handler(self, request, pk=None):
        body = body_class(data=request.data)
        body.is_valid(raise_exception=True)
        steps.take_step(self.get_object(), name, actor=request.user, **body.validated_data)
        return self.answer(pk)

    handler.__name__ = name
    handler.__doc__ = summary
    decorated = action(detail=True, methods=["post"], url_path=name)(handler)
    return extend_schema(request=body_class, responses=PetitionSerializer, operation_id=f"petitions_{name}")(decorated)


class PetitionViewSet(BaseViewSet):
    """Petitions (đơn thư); each step of the law has its own action. Personal data of the petitioner only to the
    roles entitled to it, on one petition's answer, each read logged."""

    queryset = Petition.objects.select_related("handling_agency", "assignee", "head")
    filterset_class = PetitionFilterSet
    search_fields = ["code", "title"]
    ordering_fields = ["received_on", "code", "status", "accept_due", "resolve_due"]
    service = petitions

    def get_serializer_class(self):
        return PetitionListSerializer if self.action == "list" else PetitionSerializer

    def answer(self, pk):
        petition = self.get_queryset().get(pk=pk)
        return Response(PetitionSerializer(petition, context=self.get_serializer_context()).data)

    accept = _step_action("accept", "Thụ lý đơn (đặt hạn giải quyết theo luật).")
    refuse = _step_action("refuse", "Không thụ lý đơn, có lý do.")
    transfer = _step_action("transfer", "Chuyển đơn đến cơ quan có thẩm quyền, kèm văn bản chuyển đơn (văn bản đi).")
    withdraw = _step_action("withdraw", "Ghi nhận người gửi rút đơn.")
    resolve = _step_action("resolve", "Giải quyết: quyết định / kết luận / văn bản trả lời (văn bản đi).")
    file = _step_action("file", "Lưu đơn, không xử lý (có lý do).")
    inspect = _step_action("inspect", "Tố cáo nặc danh: chuyển thanh tra, kiểm tra theo thẩm quyền.")

    @extend_schema(request=ExtendSerializer, responses=PetitionSerializer, operation_id="petitions_extend")
    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        """Gia hạn thời hạn của bước đang thực hiện, trong giới hạn pháp luật cho phép."""
        body = ExtendSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        steps.extend_petition(self.get_object(), actor=request.user, **body.validated_data)
        return self.answer(pk)


class ReceptionViewSet(BaseViewSet):
    queryset = Reception.objects.select_related("agency", "officer")
    serializer_class = ReceptionSerializer
    filterset_class = ReceptionFilterSet
    ordering_fields = ["received_on", "citizens_count"]
    service = receptions


def register(router) -> None:
    router.register("petitions", PetitionViewSet)
    router.register("receptions", ReceptionViewSet)
