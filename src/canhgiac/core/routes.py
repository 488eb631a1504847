"""A model's pages configured, not written: ``record_urls`` gives list, add, detail, edit and history pages (with
CSV/XLSX export and filters) from the model's service, table and filterset, in NetBox's manner.

URL names follow ``<app>:<model>_list``, ``<model>_add``, ``<model>``, ``<model>_edit``, ``<model>_history``.
"""

from typing import Any

import django_filters
import django_tables2 as tables
from django.forms import modelform_factory
from django.urls import path

from canhgiac.core.filtersets import SearchFilterSet
from canhgiac.core.forms import DateInput
from canhgiac.core.views.generic import ObjectDetailView, ObjectEditView, ObjectHistoryView, ObjectListView
from canhgiac.core.views.imports import ImportUploadView


def table_for(service, columns: tuple[str, ...] = ()):
    """A table of the service's fields (or ``columns``), the first one linking to the record."""
    model, columns = service.model, columns or service.fields[:6]
    first = model._meta.get_field(columns[0])
    attrs = {columns[0]: tables.Column(verbose_name=first.verbose_name, linkify=True)}
    meta = type("Meta", (), {"model": model, "fields": columns})
    return type(f"{model.__name__}Table", (tables.Table,), {**attrs, "Meta": meta})


def filterset_for(service, **extra):
    """Filters on every choice and relation field the service writes, a free-text ``q`` over its text fields,
    and ``extra`` filters."""
    model = service.model
    fields = [model._meta.get_field(name) for name in service.fields]
    attrs = {
        f.name: django_filters.MultipleChoiceFilter(choices=f.choices, label=str(f.verbose_name).capitalize())
        for f in fields
        if f.choices
    }
    related = [f.name for f in fields if f.is_relation]
    text = tuple(f.name for f in fields if f.get_internal_type() in ("CharField", "TextField") and not f.choices)
    meta = type("Meta", (), {"model": model, "fields": [*attrs, *related]})
    return type(
        f"{model.__name__}FilterSet", (SearchFilterSet,), {**attrs, **extra, "search_fields": text, "Meta": meta}
    )


def record_urls(
    app: str, service, *, table=None, filterset=None, prefix="", form=None, detail_template="", import_kind=""
):
    model = service.model
    table, filterset = table or table_for(service), filterset or filterset_for(service)
    name = model._meta.model_name
    date_fields: dict[str, Any] = {
        f.name: DateInput() for f in model._meta.fields if f.get_internal_type() == "DateField"
    }
    form = form or modelform_factory(model, fields=service.fields, widgets=date_fields)
    attrs = {"model": model}
    list_view: Any = type(
        f"{model.__name__}ListView",
        (ObjectListView,),
        {
            **attrs,
            "table_class": table,
            "filterset_class": filterset,
            "add_url_name": f"{app}:{name}_add",
            "extra_actions": ((f"{app}:{name}_import", "Nhập từ tệp"),) if import_kind else (),
        },
    )
    edit_view: Any = type(
        f"{model.__name__}EditView", (ObjectEditView,), {**attrs, "form_class": form, "service": service}
    )
    detail_view: Any = type(
        f"{model.__name__}View",
        (ObjectDetailView,),
        {**attrs, "template_name": detail_template or "core/object_detail.html", "write_area": service.area},
    )
    history_view: Any = type(f"{model.__name__}HistoryView", (ObjectHistoryView,), attrs)
    imports = [path(f"{prefix}import/", ImportUploadView.as_view(kind_name=import_kind), name=f"{name}_import")]
    return [
        *(imports if import_kind else []),
        path(prefix, list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}add/", edit_view.as_view(), name=f"{name}_add"),
        path(f"{prefix}<int:pk>/", detail_view.as_view(), name=name),
        path(f"{prefix}<int:pk>/edit/", edit_view.as_view(), name=f"{name}_edit"),
        path(f"{prefix}<int:pk>/history/", history_view.as_view(), name=f"{name}_history"),
    ]
