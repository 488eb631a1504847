"""Reads of administrative units shared by pickers, filters and figures."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from canhgiac.units.models import AdministrativeUnit


def home_provinces():
    """The province this deployment serves, as every version of it: the unit of the agencies whose kind is
    province-wide (the provincial inspectorate's "địa bàn"), its own earlier version (same code) and the provinces
    merged into it — so a 2024 window counts the communes of today's territory as they were then. A queryset of
    ids, usable as a subquery in a figure's filters."""
    from canhgiac.core.models import AgencyKind

    kinds = AgencyKind.objects.filter(province_wide=True).values("code")
    today = AdministrativeUnit.objects.filter(parent=None, agencies__kind__in=kinds)
    # Its earlier versions too: the same code before 01/07/2025, or the provinces merged into it.
    earlier = Q(pk__in=today.values("pk")) | Q(code__in=today.values("code")) | Q(successor__in=today.values("pk"))
    return AdministrativeUnit.objects.filter(earlier, parent=None).values("pk")


def in_home_province() -> Q:
    """Units of the home province (the province itself or the units under it)."""
    return Q(parent__in=home_provinces()) | Q(pk__in=home_provinces())


def local_units(day: dt.date | None = None, keep=None):
    """What a picker offers: the units in force on ``day`` (today) in the home province — every unit in force when no
    home province is set yet — plus the unit already chosen (``keep``, an id)."""
    day = day or timezone.localdate()
    current = AdministrativeUnit.objects.on(day)
    local = current.filter(in_home_province())
    chosen = local if local.exists() else current
    query = Q(pk__in=chosen.values("pk"))
    if keep:
        query |= Q(pk=keep)
    return AdministrativeUnit.objects.filter(query).select_related("parent").order_by("parent_id", "name")


def home_units(request=None):
    """Every unit (of any date) of the home province — or every unit when no home province is set: what a filter on
    a record's locality offers (``request`` is django-filter's argument, unused)."""
    local = AdministrativeUnit.objects.filter(in_home_province())
    chosen = local if local.exists() else AdministrativeUnit.objects.all()
    return chosen.select_related("parent").order_by("-valid_from", "name")
