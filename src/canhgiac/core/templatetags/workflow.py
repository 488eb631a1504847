"""Template pieces of the workflow base any page can use: ``{% load workflow %}`` then
``{% timeline object %}`` (events and deadlines of a record), ``{% deadline_panel %}``, ``{% notification_bell %}``."""

from django import template
from django.contrib.contenttypes.models import ContentType

from canhgiac.core.deadlines import DUE_STATES, deadlines_in_state, soon_days
from canhgiac.core.forms_workflow import DeadlineForm
from canhgiac.core.models import Deadline, Notification
from canhgiac.core.scoping import can_write
from canhgiac.core.workflow import timeline as record_timeline

register = template.Library()


@register.inclusion_tag("core/_timeline.html", takes_context=True)
def timeline(context, obj):
    user = context["request"].user
    content_type = ContentType.objects.get_for_model(obj)
    return {
        "object": obj,
        "entries": record_timeline(obj, user),
        "deadlines": Deadline.objects.filter(content_type=content_type, object_id=obj.pk).select_related("responsible"),
        "deadline_form": DeadlineForm(),
        "content_type_id": content_type.pk,
        "can_write": can_write(user),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("core/_deadline_panel.html", takes_context=True)
def deadline_panel(context, limit: int = 10):
    visible = Deadline.objects.visible_to(context["request"].user).select_related("content_type", "responsible")
    panels = []
    for state, label in reversed(DUE_STATES):
        rows = deadlines_in_state(visible, state)
        panels.append({"state": state, "label": label, "count": rows.count(), "rows": list(rows[:limit])})
    return {"panels": panels, "soon_days": soon_days()}


@register.inclusion_tag("core/_bell.html", takes_context=True)
def notification_bell(context):
    user = context["request"].user
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count() if user.is_authenticated else 0
    return {"unread": unread}
