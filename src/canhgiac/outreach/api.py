from rest_framework import serializers

from canhgiac.core.api.base import BaseViewSet
from canhgiac.outreach.filtersets import ActivityFilterSet
from canhgiac.outreach.models import Activity, Topic
from canhgiac.outreach.services import activities


class ActivitySerializer(serializers.ModelSerializer):
    """An activity as the service writes it; topics by their code ("fraud"), communes by id."""

    topics = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Topic.objects.all(), required=False)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    quantity_text = serializers.CharField(read_only=True)

    class Meta:
        model = Activity
        fields = ["id", *activities.fields, "kind_display", "quantity_text", "created"]


class ActivityViewSet(BaseViewSet):
    """Outreach activities (articles, broadcasts, leaflets, trainings, contests, SMS campaigns)."""

    queryset = Activity.objects.select_related("agency")
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet
    service = activities


def register(router) -> None:
    router.register("outreach", ActivityViewSet)
