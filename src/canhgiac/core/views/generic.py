"""Generic views every app configures: list (filter, search, sort, paginate, CSV/XLSX), detail, history."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.urls import resolve, reverse
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin

from canhgiac.core.export import TableExport
from canhgiac.core.history import history_entries
from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.scoping import can_write


class ScopedMixin(LoginRequiredMixin):
    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class WriteRequiredMixin(LoginRequiredMixin):
    write_area = "records"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_write(request.user, self.write_area):
            raise PermissionDenied("Vai trò của bạn không được phép thực hiện thao tác này.")
        return super().dispatch(request, *args, **kwargs)


def may_open(user, url_name: str) -> bool:
    """Whether ``user`` passes the write check of the view behind ``url_name`` (views without one are open)."""
    view_class = getattr(resolve(reverse(url_name)).func, "view_class", None)
    if view_class is None or not issubclass(view_class, WriteRequiredMixin):
        return True
    return can_write(user, view_class.write_area)


class VisibleRelated:
    """An object's related rows limited to what the user may see, for templates: ``{{ visible.cases }}``."""

    def __init__(self, obj, user):
        self.obj, self.user = obj, user

    def __getitem__(self, name: str):
        try:
            field = self.obj._meta.get_field(name)
        except FieldDoesNotExist:
            raise KeyError(name) from None
        if not (field.many_to_many or field.one_to_many):
            raise KeyError(name)
        return getattr(self.obj, field.get_accessor_name() if field.auto_created else name).all().visible_to(self.user)


class ObjectListView(ScopedMixin, ExportMixin, SingleTableMixin, FilterView):
    template_name = "core/object_list.html"
    # Paginated once, by the table (FilterView's own paginate_by would count the rows a second time).
    paginate_by = None
    table_pagination = {"per_page": 50}
    export_formats = ("csv", "xlsx")
    export_class = TableExport
    title = ""
    add_url_name: str | None = None
    extra_actions: tuple[tuple[str, str], ...] = ()

    def get_export_filename(self, export_format):
        return f"{self.model._meta.model_name}.{export_format}"

    def get_table_kwargs(self):
        return {"exclude": ()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title or self.model._meta.verbose_name_plural.capitalize()
        user = self.request.user
        context["add_url_name"] = self.add_url_name if self.add_url_name and may_open(user, self.add_url_name) else None
        context["extra_actions"] = [(name, label) for name, label in self.extra_actions if may_open(user, name)]
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


class ObjectDetailView(ScopedMixin, DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["personal"] = reveal_personal_data(self.request.user, self.object)
        context["visible"] = VisibleRelated(self.object, self.request.user)
        context["can_write"] = can_write(self.request.user, getattr(self, "write_area", "records"))
        context["tab"] = "detail"
        return context


class ObjectHistoryView(ScopedMixin, DetailView):
    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = history_entries(self.object)
        context["tab"] = "history"
        return context
