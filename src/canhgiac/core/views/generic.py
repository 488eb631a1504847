"""Generic views every app configures: list (filter, search, sort, paginate, CSV/XLSX), detail, history."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.views import View
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin

from canhgiac.core import registry
from canhgiac.core.export import TableExport
from canhgiac.core.filtersets import bounded
from canhgiac.core.history import history_entries
from canhgiac.core.kit import FieldError, ServiceError
from canhgiac.core.pagination import BoundedPaginator
from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.scoping import can_write
from canhgiac.core.views.queue import (
    NONE_LEFT,
    carry_queue,
    is_queued,
    local_queue,
    next_waiting,
    queue_pks,
    with_queue,
)


class ScopedMixin(LoginRequiredMixin):
    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class WriteRequiredMixin(LoginRequiredMixin):
    write_area = "records"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_write(request.user, self.write_area):
            raise PermissionDenied("Vai trò của bạn không được phép thực hiện thao tác này.")
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def allows(cls, user, initkwargs: dict) -> bool:
        """Whether ``user`` passes this view's checks (as configured by ``initkwargs``): links are shown on it."""
        return can_write(user, initkwargs.get("write_area", cls.write_area))


def may_open(user, url_name: str, *args) -> bool:
    """Whether ``user`` passes the checks of the view behind ``url_name`` (views without ``allows`` are open)."""
    func = resolve(reverse(url_name, args=args)).func
    view_class = getattr(func, "view_class", None)
    if view_class is None or not hasattr(view_class, "allows"):
        return True
    return view_class.allows(user, getattr(func, "view_initkwargs", {}))


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
    table_pagination = {"per_page": 50, "paginator_class": BoundedPaginator}
    export_formats = ("csv", "xlsx")
    export_class = TableExport
    title = ""
    add_url_name: str | None = None
    extra_actions: tuple[tuple[str, str], ...] = ()

    def get_filterset_class(self):
        return bounded(super().get_filterset_class())

    def get_export_filename(self, export_format):
        """What and when: "vu-viec_2026-12-02.xlsx"."""
        name = slugify(str(self.model._meta.verbose_name_plural).replace("đ", "d").replace("Đ", "D"))
        return f"{name}_{timezone.localdate():%Y-%m-%d}.{export_format}"

    def get_table_kwargs(self):
        return {"exclude": (), "empty_text": self.empty_text()}

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        if is_queued(self.model):  # a review queue: each item's page leads on to the next one waiting here
            carry_queue(table, self.request.get_full_path())
        return table

    def empty_text(self) -> str:
        """What an empty list says: nothing matches the filters, or nothing recorded yet and how to add some."""
        verbose = self.model._meta.verbose_name_plural
        if any(value for key, value in self.request.GET.items() if key not in ("page", "sort", "per_page")):
            return f"Không có {verbose} nào khớp bộ lọc — bấm “Xoá lọc” để xem tất cả."
        if self.add_url_name and may_open(self.request.user, self.add_url_name):
            return f"Chưa có {verbose} nào. Bấm “Thêm mới” để ghi nhận {verbose} đầu tiên."
        return f"Chưa có {verbose} nào."

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
        context["related_panels"] = registry.related_panels(self.request, self.object)
        if is_queued(self.model):
            context["queue"] = local_queue(self.request.GET.get("queue", ""))
        return context


class ObjectHistoryView(ScopedMixin, DetailView):
    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = history_entries(self.object, reader=self.request.user)
        context["tab"] = "history"
        return context


class ObjectEditView(WriteRequiredMixin, View):
    """Add or edit one record through its ``RecordService``: configure ``model``, ``form_class``, ``service``.

    The form parses; the service decides (role, ownership, references, domain rules) in one transaction. A refusal
    tied to a field stands next to that field, anything else above the form; nothing is half-saved.
    """

    model: type
    form_class: type
    service: Any = None
    template_name = "core/object_edit.html"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.service is not None:
            cls.write_area = cls.service.area

    def get_object(self, pk):
        return get_object_or_404(self.model._default_manager.visible_to(self.request.user), pk=pk) if pk else None

    def get_form_kwargs(self) -> dict:
        return {}

    def form_data(self, form) -> dict:
        """What the service receives: the form's cleaned data (an empty file input keeps the stored file)."""
        data = dict(form.cleaned_data)
        for name, field in form.fields.items():
            if isinstance(field, forms.FileField) and not data.get(name):
                data.pop(name, None)
        return data

    def render_form(self, form, obj):
        verbose = self.model._meta.verbose_name
        title = f"Sửa {verbose}: {obj}" if obj else f"Thêm {verbose}"
        return render(self.request, self.template_name, {"form": form, "object": obj, "title": title})

    def get(self, request, pk=None):
        obj = self.get_object(pk)
        return self.render_form(self.form_class(instance=obj, **self.get_form_kwargs()), obj)

    def post(self, request, pk=None):
        obj = self.get_object(pk)
        form = self.form_class(request.POST, request.FILES, instance=obj, **self.get_form_kwargs())
        if form.is_valid():
            try:
                data = self.form_data(form)
                if obj is None:
                    obj = self.service.create(actor=request.user, **data)
                else:
                    obj = self.service.update(obj, actor=request.user, **data)
            except Exception as exc:  # noqa: BLE001 — only the refusals below are shown; anything else re-raised
                if not add_service_error(form, exc):
                    raise
            else:
                messages.success(request, f"Đã lưu {self.model._meta.verbose_name} {obj}.")
                return redirect(obj)
        return self.render_form(form, obj)


def add_service_error(form, exc) -> bool:
    """Put a service's refusal on ``form`` (next to its field when it names one); False if ``exc`` is not one."""
    if isinstance(exc, FieldError):
        form.add_error(exc.field if exc.field in form.fields else None, str(exc))
    elif isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
    elif isinstance(exc, (ServiceError, ValueError)):
        form.add_error(None, str(exc))
    else:
        return False
    return True


class ObjectActionView(WriteRequiredMixin, View):
    """POST-only: one service action on one record the user may see, then back to it (or where ``act`` says).

    Subclasses set ``model`` and implement ``act(request, obj) -> (message, target or None)``; a ``ServiceError``
    becomes an error message. ``next=<path on this site>`` in the form overrides where the user goes back to.
    ``queue=<list path>`` (posted by an item's page opened from a review queue) leads on to the next item still
    waiting in that list instead, or back to the list when none is left — for a decision that ends the item's review
    (``moves_on``); after an intermediate step the user stays on the item, still in the queue."""

    model: Any = None

    def moves_on(self, request) -> bool:
        """Whether this action ends the item's review (then the queue leads on to the next item)."""
        return True

    def act(self, request, obj) -> tuple[str, Any]:
        raise NotImplementedError

    def back(self, request, obj):
        target = request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
            return target
        return obj

    def post(self, request, pk):
        obj = get_object_or_404(self.model._default_manager.visible_to(request.user), pk=pk)
        queue = request.POST.get("queue", "")
        moves_on = self.moves_on(request)
        pks = queue_pks(request, queue, obj) if moves_on else None  # before acting: the item still in its list
        stay_queued = local_queue(queue) if not moves_on else ""
        try:
            message, target = self.act(request, obj)
        except ServiceError as exc:
            messages.error(request, str(exc))
            if pks is not None or stay_queued:
                return redirect(with_queue(obj.get_absolute_url(), queue))
            return redirect(self.back(request, obj))
        if stay_queued:
            messages.success(request, message)
            return redirect(with_queue(obj.get_absolute_url(), stay_queued))
        if pks is not None:
            following = next_waiting(request.user, pks, obj)
            if following is None:
                messages.success(request, f"{message} {NONE_LEFT}")
                return redirect(queue)
            messages.success(request, f"{message} Đã chuyển sang mục tiếp theo đang chờ xem xét.")
            return redirect(with_queue(following.get_absolute_url(), queue))
        messages.success(request, message)
        return redirect(target or self.back(request, obj))
