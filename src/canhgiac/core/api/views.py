from rest_framework import viewsets

from canhgiac.core import services
from canhgiac.core.api.base import BaseViewSet
from canhgiac.core.api.serializers import AgencySerializer, DocumentSerializer, UserSerializer
from canhgiac.core.filtersets import AgencyFilterSet, DocumentFilterSet
from canhgiac.core.models import Agency, Document, User


class AgencyViewSet(BaseViewSet):
    queryset = Agency.objects.select_related("parent", "unit")
    serializer_class = AgencySerializer
    filterset_class = AgencyFilterSet
    search_fields = ["name", "code"]
    service = services.agencies


class UserViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = User.objects.select_related("agency")
    serializer_class = UserSerializer
    filterset_fields = ["agency", "role", "is_active"]
    search_fields = ["username", "first_name", "last_name"]

    def get_queryset(self):
        from canhgiac.core.scoping import has_global_scope

        user = self.request.user
        return super().get_queryset() if has_global_scope(user) else super().get_queryset().filter(agency=user.agency)


class DocumentViewSet(BaseViewSet):
    queryset = Document.objects.select_related("issuing_agency")
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet
    search_fields = ["symbol", "summary"]
    ordering_fields = ["date", "number", "created"]

    service = services.documents
