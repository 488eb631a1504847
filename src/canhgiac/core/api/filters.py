"""The API's filter backend: every filterset (declared, or built from ``filterset_fields``) refuses numbers beyond
64 bits with a 400 (``core.filtersets.BoundedNumbers``)."""

from django_filters.rest_framework import DjangoFilterBackend

from canhgiac.core.filtersets import BaseRestFilterSet, bounded


class FilterBackend(DjangoFilterBackend):
    filterset_base = BaseRestFilterSet

    def get_filterset_class(self, view, queryset=None):
        return bounded(super().get_filterset_class(view, queryset))
