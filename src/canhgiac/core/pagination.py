"""Page sizes: ``?per_page=`` is honoured from 1 to ``MAX_PER_PAGE`` rows, on the list pages and in the API."""

from django.conf import settings
from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination


class BoundedPaginator(Paginator):
    """The list pages' paginator: a page holds 1 to ``MAX_PER_PAGE`` rows, whatever ``?per_page=`` asks."""

    def __init__(self, object_list, per_page, *args, **kwargs):
        super().__init__(object_list, min(max(int(per_page), 1), settings.MAX_PER_PAGE), *args, **kwargs)


class Pagination(PageNumberPagination):
    """The API's pagination: ``PAGE_SIZE`` rows, or ``?per_page=`` up to ``MAX_PER_PAGE``."""

    page_size_query_param = "per_page"
    max_page_size = settings.MAX_PER_PAGE
