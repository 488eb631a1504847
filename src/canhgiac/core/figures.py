"""The figures catalogue: named numbers a report prints, each computed from the records it counts.

Every capability app declares its figures in its own ``figures`` module (a list ``FIGURES``) and names that list
in its config (``CapabilityConfig.figures = "canhgiac.cases.figures.FIGURES"``), like IntelOwl's analyzers: the
report code never changes when an app adds a figure.

A :class:`Figure` is declarative: the model, the date that places a record in a period, the ORM filters, what is
aggregated (a count, a sum of a field, a count of distinct values), the field that ties a record to an agency, and
the list page (with its filter parameters) that shows exactly the records counted — the drill-down. Declaring
rather than coding the query lets the engine compute every figure of one model in one SQL statement (conditional
aggregation over the period's rows), and lets a test check each figure against its drill-down list.

A :class:`DerivedFigure` is computed from other figures' values (a coverage percentage, a share on time).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.apps import apps
from django.db import models
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

UNITS = {
    "count": "",
    "vnd": "đồng",
    "percent": "%",
    "people": "người",
}

Number = int | Decimal


class UnknownFigure(KeyError):
    def __str__(self) -> str:
        return f"Không có chỉ số '{self.args[0]}' trong danh mục chỉ số."


@dataclass(frozen=True)
class Window:
    """A reporting period, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.start > self.end:
            raise ValueError(
                f"Kỳ báo cáo không hợp lệ: ngày bắt đầu {self.start:%d/%m/%Y} sau ngày kết thúc {self.end:%d/%m/%Y}."
            )

    def previous_year(self) -> Window:
        """The same period one year earlier (29 February becomes 28 February)."""

        def back(day: dt.date) -> dt.date:
            try:
                return day.replace(year=day.year - 1)
            except ValueError:
                return day.replace(year=day.year - 1, day=28)

        return Window(back(self.start), back(self.end))

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


@dataclass(frozen=True)
class Figure:
    """One figure counted from records; see the module's docstring.

    ``filters`` are ORM lookups (``{"category": "fraud"}``) or a ``Q``; ``aggregate`` is ``"count"``,
    ``"sum:<field>"`` or ``"distinct:<field>"``. ``snapshot`` figures count the records standing at the end of the
    period (everything dated up to the end: systems with a level, endpoints), not those dated inside it.
    ``url`` is the list page's URL name and ``url_params`` its filter parameters selecting the same records;
    ``date_params`` the list's two date filters (from, to) and ``agency_param`` its agency filter."""

    key: str
    label: str
    model: str
    date_field: str
    unit: str = "count"
    unit_label: str = ""
    filters: dict | Q = field(default_factory=dict)
    aggregate: str = "count"
    agency_field: str = ""
    url: str = ""
    url_params: dict = field(default_factory=dict)
    date_params: tuple[str, str] | tuple = ()
    agency_param: str = ""
    snapshot: bool = False
    group: str = ""
    description: str = ""

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"{self.key}: unknown unit {self.unit!r}")
        kind = self.aggregate.split(":", 1)[0]
        if kind not in ("count", "sum", "distinct") or (kind != "count" and ":" not in self.aggregate):
            raise ValueError(f"{self.key}: aggregate must be count, sum:<field> or distinct:<field>")

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def q(self) -> Q:
        return self.filters if isinstance(self.filters, Q) else Q(**self.filters)

    def records(self, window: Window, agency=None) -> models.QuerySet:
        """The records this figure counts for ``window`` (and ``agency``): what its drill-down list shows."""
        qs = self.model_class._default_manager.filter(_period_q(self, window), self.q)
        if agency is not None and self.agency_field:
            qs = qs.filter(**{self.agency_field: agency})
        return qs

    def expression(self):
        kind, _, field_name = self.aggregate.partition(":")
        if kind == "count":
            return Count("pk", filter=self.q)
        if kind == "sum":
            return Sum(field_name, filter=self.q)
        return Count(field_name, filter=self.q, distinct=True)

    def drilldown_url(self, window: Window, agency=None) -> str:
        if not self.url:
            return ""
        params = dict(self.url_params)
        if self.date_params:
            after, before = self.date_params
            if not self.snapshot:
                params[after] = window.start.isoformat()
            params[before] = window.end.isoformat()
        if agency is not None and self.agency_param:
            params[self.agency_param] = agency.pk
        return reverse(self.url) + ("?" + urlencode(params, doseq=True) if params else "")


@dataclass(frozen=True)
class DerivedFigure:
    """A figure computed from others' values: ``formula(values)`` gets a dict of the ``inputs`` (None when one is
    not available) and returns a number or None."""

    key: str
    label: str
    inputs: tuple[str, ...]
    formula: Callable[[dict[str, Number | None]], Number | None]
    unit: str = "percent"
    unit_label: str = ""
    group: str = ""
    description: str = ""
    url: str = ""

    def drilldown_url(self, window: Window, agency=None) -> str:
        return ""


@dataclass(frozen=True)
class ReportedFigure:
    """A figure no register of canhgiac holds yet: it has a value only when a partner reports it in a round's
    contribution (sanctions decided by the police, prosecutions, accounts taken down…). ``compute`` gives None;
    ``source`` says who reports it (an agency kind's code)."""

    key: str
    label: str
    unit: str = "count"
    unit_label: str = ""
    source: str = ""
    group: str = ""
    description: str = ""
    url: str = ""

    def drilldown_url(self, window: Window, agency=None) -> str:
        return ""


def percentage(part: str, whole: str, places: int = 2) -> Callable[[dict], Decimal | None]:
    """The formula ``part / whole × 100`` rounded half-up to ``places`` decimals (None when ``whole`` is 0)."""

    def formula(values: dict) -> Decimal | None:
        if not values.get(whole):
            return None
        share = Decimal(values[part] or 0) * 100 / Decimal(values[whole])
        return share.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    return formula


AnyFigure = Figure | DerivedFigure | ReportedFigure


def _period_q(figure: Figure, window: Window) -> Q:
    model_field = figure.model_class._meta.get_field(figure.date_field.split("__")[0])
    start: dt.date | dt.datetime = window.start
    end: dt.date | dt.datetime = window.end + dt.timedelta(days=1)
    if isinstance(model_field, models.DateTimeField):
        tz = timezone.get_current_timezone()
        start = dt.datetime.combine(window.start, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(end, dt.time.min, tzinfo=tz)
    if figure.snapshot:
        return Q(**{f"{figure.date_field}__lt": end})
    return Q(**{f"{figure.date_field}__gte": start, f"{figure.date_field}__lt": end})


def catalogue() -> dict[str, AnyFigure]:
    """Every registered figure by key, in the apps' order; a key declared twice is an error."""
    from canhgiac.core.registry import capabilities

    found: dict[str, AnyFigure] = {}
    for config in capabilities():
        if not config.figures:
            continue
        for figure in import_string(config.figures):
            if figure.key in found:
                raise ValueError(f"figure key {figure.key!r} declared twice")
            found[figure.key] = figure
    return found


def get(key: str) -> AnyFigure:
    try:
        return catalogue()[key]
    except KeyError:
        raise UnknownFigure(key) from None


def _with_inputs(keys: Iterable[str], every: dict[str, AnyFigure]) -> list[str]:
    """``keys`` plus, first, the inputs of derived figures among them (recursively), each once."""
    ordered: list[str] = []

    def add(key: str) -> None:
        if key in ordered:
            return
        if key not in every:
            raise UnknownFigure(key)
        figure = every[key]
        if isinstance(figure, DerivedFigure):
            for name in figure.inputs:
                add(name)
        ordered.append(key)

    for key in keys:
        add(key)
    return ordered


def compute(window: Window, keys: Iterable[str] | None = None, agency=None) -> dict[str, Number | None]:
    """The value of each figure (all when ``keys`` is None) for ``window`` and ``agency`` (None: the province).

    Figures of one model, date field and agency field are computed in one aggregate query. A figure with no agency
    field has no value for one agency (None); a sum over no rows is 0."""
    every = catalogue()
    wanted = list(every) if keys is None else list(keys)
    order = _with_inputs(wanted, every)
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    values: dict[str, Number | None] = {}
    for key in order:
        figure = every[key]
        if isinstance(figure, ReportedFigure):
            values[key] = None
        elif isinstance(figure, Figure):
            if agency is not None and not figure.agency_field:
                values[key] = None
                continue
            groups[(figure.model, figure.date_field, figure.snapshot, figure.agency_field)].append(figure)
    for (*_, agency_field), figures in groups.items():
        first = figures[0]
        qs = first.model_class._default_manager.filter(_period_q(first, window))
        if agency is not None:
            qs = qs.filter(**{agency_field: agency})
        result = qs.aggregate(**{f"f{i}": figure.expression() for i, figure in enumerate(figures)})
        for i, figure in enumerate(figures):
            values[figure.key] = result[f"f{i}"] or 0
    for key in order:
        figure = every[key]
        if isinstance(figure, DerivedFigure):
            values[key] = figure.formula({name: values.get(name) for name in figure.inputs})
    return {key: values[key] for key in wanted}


def change(current: Number | None, previous: Number | None) -> dict:
    """The change from ``previous`` to ``current``: absolute difference and percentage (None where undefined)."""
    if current is None or previous is None:
        return {"delta": None, "percent": None}
    delta = current - previous
    percent = None
    if previous:
        percent = (Decimal(delta) * 100 / Decimal(previous)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {"delta": delta, "percent": percent}


def unit_text(figure: AnyFigure) -> str:
    return figure.unit_label or UNITS[figure.unit]


def catalogue_markdown(every: dict[str, AnyFigure] | None = None) -> str:
    """The catalogue as a Markdown table for ``docs/figures.md`` (a test keeps the file equal to this)."""
    every = catalogue() if every is None else every
    lines = [
        "| khoá | chỉ số | đơn vị | tính từ | theo cơ quan |",
        "|---|---|---|---|---|",
    ]
    for key, figure in every.items():
        if isinstance(figure, DerivedFigure):
            source = "tính từ " + ", ".join(f"`{name}`" for name in figure.inputs)
            by_agency = "theo các chỉ số nguồn"
        elif isinstance(figure, ReportedFigure):
            source = "cơ quan phối hợp báo cáo trong đợt báo cáo" + (f" ({figure.source})" if figure.source else "")
            by_agency = "có"
        else:
            model = figure.model_class._meta
            how = {"count": "đếm", "sum": "tổng", "distinct": "đếm không trùng"}[figure.aggregate.split(":")[0]]
            moment = "tồn tại đến cuối kỳ" if figure.snapshot else "trong kỳ"
            source = f"{how} {model.verbose_name} ({moment}, theo `{figure.date_field}`)"
            by_agency = "có" if figure.agency_field else "không (toàn tỉnh)"
        label = figure.label.replace("|", "\\|")
        lines.append(f"| `{key}` | {label} | {unit_text(figure) or 'số lượng'} | {source} | {by_agency} |")
    return "\n".join(lines) + "\n"


def readable_agency(actor, agency=None):
    """The agency whose figures ``actor`` reads when asking for ``agency`` (None: the province).

    Provincial staff read the province's figures or any one agency's; everyone else only their own agency's
    (asking for another agency is refused, asking for the province gives their own): a partner's user never
    learns the province's counts of records it may not see."""
    from canhgiac.core.kit import PermissionDenied
    from canhgiac.core.scoping import has_global_scope

    if has_global_scope(actor):
        return agency
    own = getattr(actor, "agency", None)
    if own is None or (agency is not None and agency.pk != own.pk):
        raise PermissionDenied("Bạn chỉ được xem số liệu của cơ quan mình.")
    return own


def visible_values(actor, window: Window, agency=None, keys: Iterable[str] | None = None) -> list[dict]:
    """The figures ``actor`` may read (see :func:`readable_agency`) as rows: key, label, group, unit, value and
    the drill-down URL."""
    agency = readable_agency(actor, agency)
    every = catalogue()
    values = compute(window, keys, agency=agency)
    return [
        {
            "key": key,
            "label": every[key].label,
            "group": every[key].group,
            "unit": every[key].unit,
            "unit_label": unit_text(every[key]),
            "value": value,
            "url": every[key].drilldown_url(window, agency),
        }
        for key, value in values.items()
    ]
