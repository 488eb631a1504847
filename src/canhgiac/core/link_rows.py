"""Vietnamese names for the rows Django keeps for a many-to-many field without its own model.

Django names them in English (“Group-permission relationship: Group_permissions object (3)”), and they show on the
admin's delete confirmation and in the figures catalogue (a figure counting distinct links). Named when the core
app is ready, so every process — web, admin, workers, ``make docs`` — sees the same name.
"""

from typing import Any

from django.apps import apps


def _link_title(row) -> str:
    from canhgiac.core.admin_vietnamese import permission_label

    target = getattr(row, row._link_target)
    return permission_label(target) if target._meta.label_lower == "auth.permission" else str(target)


def name_link_rows() -> None:
    """Give each auto-created many-to-many model a Vietnamese name (“liên kết <model> – <field>”) and a title, the
    linked record's own."""
    from django.utils.text import format_lazy

    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            through: Any = field.remote_field.through
            if through is None or not through._meta.auto_created:
                continue
            through._meta.verbose_name = format_lazy("liên kết {} – {}", model._meta.verbose_name, field.verbose_name)
            through._meta.verbose_name_plural = through._meta.verbose_name
            through._link_target = field.m2m_reverse_field_name()
            through.__str__ = _link_title
