"""Generic views every app configures: list (filter, search, sort, paginate, CSV/XLSX), detail, history."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin

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


class ObjectListView(ScopedMixin, ExportMixin, SingleTableMixin, FilterView):
    template_name = "core/object_list.html"
    # Paginated once, by the table (FilterView's own paginate_by would count the rows a second time).
    paginate_by = None
    table_pagination = {"per_page": 50}
    export_formats = ("csv", "xlsx")
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
        context["add_url_name"] = self.add_url_name if can_write(self.request.user, "records") else None
        context["extra_actions"] = self.extra_actions
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


class ObjectDetailView(ScopedMixin, DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["personal"] = reveal_personal_data(self.request.user, self.object)
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
