"""The figures a report prints: each figure line of a report type computed for its own window (the report's
period, cumulative since a programme began, the first N months of the year) and, where the type asks, for the same
period of the previous year with the change.

A line whose key no app has declared is skipped with a note for the preview and the command line, never a crash.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from canhgiac.core import figures as catalogue_module
from canhgiac.core.figures import UnknownFigure, Window, change, unit_text
from canhgiac.core.reporttypes import FigureLine
from canhgiac.reports.numbers import change_text, months_window, period_text, since_window, value_text


def line_window(line: FigureLine, window: Window) -> Window:
    if line.since:
        return since_window(window, line.since)
    if line.months:
        return months_window(window, line.months)
    return window


def window_note(line: FigureLine, own: Window, window: Window) -> str:
    """What a line's own window adds to its text: "luỹ kế từ ngày 01/02/2017 đến ngày 30/06/2020",
    "10 tháng đầu năm 2024"; nothing when it is the report's period."""
    if own == window:
        return ""
    if line.since:
        return f"luỹ kế từ ngày {own.start:%d/%m/%Y} đến ngày {own.end:%d/%m/%Y}"
    return period_text(own)


def evaluate(
    lines: tuple[FigureLine, ...], window: Window, agency=None, reported: dict | None = None
) -> tuple[list[dict], list[str]]:
    """Rows (one per line with a value, in order) and notes (a key not in the catalogue, a figure without a value).

    A figure the records do not give (a ``ReportedFigure``, whose ``compute`` value is None) takes its value from
    ``reported`` (the author's own part of the round: key → ``ContributedFigure``) when it is there."""
    reported = reported or {}
    every = catalogue_module.catalogue()
    known, notes = [], []
    for line in lines:
        if line.key in every:
            known.append(line)
        else:
            notes.append(f"Chỉ số “{line.key}” chưa có trong danh mục chỉ số: không in trong báo cáo.")
    wanted: dict[Window, set[str]] = defaultdict(set)
    for line in known:
        own = line_window(line, window)
        wanted[own].add(line.key)
        if line.compare:
            wanted[own.previous_year()].add(line.key)
    values: dict[tuple[Window, str], object] = {}
    for own, keys in wanted.items():
        try:
            computed = catalogue_module.compute(own, sorted(keys), agency=agency)
        except UnknownFigure as exc:  # a derived figure whose input is missing
            notes.append(str(exc))
            continue
        values.update({(own, key): value for key, value in computed.items()})
    rows = []
    for line in known:
        figure = every[line.key]
        own = line_window(line, window)
        if (own, line.key) not in values:
            continue
        nil = False
        if values[(own, line.key)] is None:
            given = reported.get(line.key)
            if given is None or (given.value is None and not given.nil):
                notes.append(f"Chỉ số “{figure.label}” ({line.key}) chưa có số liệu trong kỳ: không in trong báo cáo.")
                continue
            values[(own, line.key)], nil = (0 if given.nil else given.value), given.nil
        rows.append(_row(line, figure, window, own, values, agency, nil))
    return rows, notes


def _row(line: FigureLine, figure, window: Window, own: Window, values: dict, agency, nil: bool = False) -> dict:
    value = values[(own, line.key)]
    unit, label = figure.unit, unit_text(figure)
    row = {
        "key": line.key,
        "label": figure.label,
        "group": figure.group or "Chỉ số khác",
        "unit": unit,
        "unit_label": label,
        "value": value,
        "value_text": "chưa phát hiện" if nil else value_text(value, unit, label),
        "window": [own.start.isoformat(), own.end.isoformat()],
        "window_note": window_note(line, own, window),
        "compare": line.compare,
        "previous": None,
        "previous_text": "",
        "change_text": "",
        "url": figure.drilldown_url(own, agency),
    }
    previous = values.get((own.previous_year(), line.key))
    if line.compare and previous is not None:
        moved = change(value, previous)
        row["previous"] = previous
        row["previous_text"] = value_text(previous, unit, label)
        row["change_text"] = change_text(
            moved["delta"], moved["percent"], line.compare, unit, label, own.previous_year().end.year
        )
    notes = [text for text in (row["window_note"], row["change_text"]) if text]
    row["text"] = f"{figure.label}: {row['value_text']}" + (f" ({'; '.join(notes)})" if notes else "")
    return row


def jsonable(value):
    """Figure values for the frozen copy: Decimals as strings ("70.93"), everything else as is."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value
