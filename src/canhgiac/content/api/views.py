from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canhgiac.cases.api.triage import TriageActions
from canhgiac.content import services
from canhgiac.content.api.serializers import (
    ClassifyBatchSerializer,
    ClassifyRequestSerializer,
    ClassifyResultSerializer,
    ContentItemSerializer,
    ReviewSerializer,
)
from canhgiac.content.datasets import LABEL_NAMES_VI
from canhgiac.content.filtersets import ContentItemFilterSet
from canhgiac.content.ingest import check_text
from canhgiac.content.model import classify
from canhgiac.content.models import ContentItem
from canhgiac.core.api.base import BaseViewSet

MAX_API_TEXT_CHARS = 20_000


class ContentItemViewSet(TriageActions, BaseViewSet):
    """Stored items: list, retrieve, filter; review, and the shared triage (dismiss, reopen, escalate). Items come
    in by file import only."""

    queryset = ContentItem.objects.select_related("case")
    serializer_class = ContentItemSerializer
    filterset_class = ContentItemFilterSet
    ordering_fields = ["risk", "published_at", "created"]
    http_method_names = ["get", "post", "head", "options"]
    triage = services.items

    @extend_schema(request=ReviewSerializer, responses=ContentItemSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Confirm the classifier's label (same label) or correct it."""
        body = ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.review_item(self.get_object(), actor=request.user, label=body.validated_data["label"])
        return Response(ContentItemSerializer(item).data)


def _check(value) -> str | None:
    """Why one text of a request cannot be classified (the same row checks as file input), or None."""
    if value is None:
        return "Văn bản trống (null)."
    if not isinstance(value, str):
        return "Văn bản phải là chuỗi ký tự."
    _, problems = check_text(0, value, "text")
    refused = [p.message for p in problems if p.skipped]
    if refused:
        return refused[0][:1].upper() + refused[0][1:] + "."
    if len(value) > MAX_API_TEXT_CHARS:
        return f"Văn bản dài {len(value):,} ký tự, vượt giới hạn {MAX_API_TEXT_CHARS:,}."
    return None


class ContentClassifyViewSet(viewsets.ViewSet):
    """``POST /api/content/classify/``: the classifier on one text or a batch; nothing is stored."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=ClassifyRequestSerializer,
        # one result for ``text``, ``{"results": [...]}`` for ``texts``
        responses=PolymorphicProxySerializer(
            component_name="ClassifyAnswer",
            serializers=[ClassifyResultSerializer, ClassifyBatchSerializer],
            resource_type_field_name=None,
        ),
    )
    @action(detail=False, methods=["post"])
    def classify(self, request):
        body = ClassifyRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        single = "text" in body.validated_data
        texts = [body.validated_data["text"]] if single else body.validated_data["texts"]
        results: list[dict] = [{"index": i} for i in range(len(texts))]
        good = []
        for i, text in enumerate(texts):
            error = _check(text)
            if error:
                results[i]["error"] = error
            else:
                good.append(i)
        senders = body.validated_data.get("senders") or [body.validated_data.get("sender")] * len(texts)
        senders = [s or None for s in senders]
        preds = classify([texts[i] for i in good], senders=[senders[i] if i < len(senders) else None for i in good])
        for i, pred in zip(good, preds, strict=True):
            results[i].update(
                label=pred.label,
                label_vi=LABEL_NAMES_VI[pred.label],
                scores=pred.scores,
                risk=services.risk_of(pred.scores),
                cues=pred.cues,
                uncertain=pred.uncertain,
            )
        if single:
            code = status.HTTP_400_BAD_REQUEST if "error" in results[0] else status.HTTP_200_OK
            return Response(results[0], status=code)
        return Response({"results": results})
