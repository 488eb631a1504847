"""The consolidated report as one plain dict (DFIR-IRIS's manner): computed from the figures catalogue, the
partners' parts and the staff's narrative, kept apart from rendering it into a Word template.

Shape of the context (what a template may use; ``docs/reports.md`` lists it for users who edit the template):
``parent_name``, ``agency_name``, ``agency_code``, ``number_line``, ``date_line``, ``title``, ``recipient``,
``intro`` (paragraphs), ``parts`` (each ``heading`` and ``blocks``; a block has ``h1`` or ``h2`` — a heading of
the first or second level —, ``paragraphs`` and ``chart``), ``closing`` (paragraphs), ``distribution`` (lines of
"Nơi nhận"), ``signer_title``, ``signer_name``; plus ``figures`` (every printed figure with its value, window,
comparison and drill-down URL) and ``notes`` (figures left out and why).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from canhgiac.core import figures as catalogue_module
from canhgiac.core.figures import Window, unit_text
from canhgiac.core.reporttypes import PARTS, AgencyPart, ReportType
from canhgiac.core.reporttypes import get as get_type
from canhgiac.reports.figurelines import evaluate
from canhgiac.reports.numbers import date_line, nth_year, numeral, period_text, value_text
from canhgiac.reports.types import PROGRAMME_START

NIL_TEXT = "chưa phát hiện"
NOT_REPORTED = "chưa báo cáo"
PART_TITLES = dict(PARTS)
RECEIVED = ("submitted", "accepted")  # the statuses of a part the report takes its figures and texts from
NOT_RECEIVED = {"draft": "chưa nộp", "returned": "đã trả lại để chỉnh sửa, chưa nộp lại"}
DEFAULT_DISTRIBUTION = "Như trên;\nLãnh đạo cơ quan;\nLưu: VT."


@dataclass
class ReportInput:
    """Everything a report is built from; the ``Report`` model and the command line both make one."""

    type_key: str
    window: Window
    agency_name: str
    agency_code: str
    parent_name: str = ""
    parts: list[AgencyPart] = field(default_factory=list)
    narrative: dict[str, str] = field(default_factory=dict)
    recipient: str | None = None  # None: the type's
    place: str = ""
    number: int | None = None  # the number in the outgoing register once issued
    issued_on: dt.date | None = None
    today: dt.date | None = None
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    distribution: str = DEFAULT_DISTRIBUTION
    scope_agency: object = None  # figures of one agency; None: the whole province

    @property
    def report_type(self) -> ReportType:
        return get_type(self.type_key)


def narrative_sections(report_type: ReportType) -> list[tuple[str, str]]:
    """The narrative a staff member writes for a report of this type, in print order: (key, title)."""
    sections = [("intro", "Mở đầu (căn cứ, mục đích báo cáo)")]
    sections += [(s.key, f"I. {s.title}") for s in report_type.own_sections]
    sections.append(("results", "I. Nội dung khác của phần kết quả"))
    sections += [(key, PART_TITLES[key]) for key in report_type.parts if key != "results"]
    sections.append(("closing", "Kết thúc (Trân trọng báo cáo…)"))
    return sections


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines (single line breaks join into one paragraph)."""
    blocks = [" ".join(line.strip() for line in chunk.splitlines() if line.strip()) for chunk in text.split("\n\n")]
    return [block for block in blocks if block]


def title_of(report_type: ReportType, window: Window) -> str:
    start = PROGRAMME_START.get(report_type.key)
    return report_type.title.format(
        period=period_text(window),
        nth_year=str(nth_year(window, start)) if start else "",
    )


class _Numbers:
    """Heading numbers: Roman parts with "1." / "1.1." inside, or Arabic parts with "1.1." / "1.1.1." inside."""

    def __init__(self, numbering: str, part: int):
        self.numbering, self.part = numbering, part

    def h1(self, i: int) -> str:
        return f"{i}." if self.numbering == "roman" else f"{self.part}.{i}."

    def h2(self, i: int, j: int) -> str:
        return f"{i}.{j}." if self.numbering == "roman" else f"{self.part}.{i}.{j}."


def _own_blocks(data: ReportInput, rows: list[dict], numbers: _Numbers, i: int) -> list[dict]:
    rtype = data.report_type
    blocks = [{"h1": f"{numbers.h1(i)} Kết quả của {data.agency_name}"}]
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    j = 0
    for group, members in groups.items():
        j += 1
        compared = [row for row in members if row["compare"] and row["previous"] is not None]
        if not any(row["value"] or row["previous"] for row in compared):
            compared = []  # nothing to draw: all zero
        chart = f"chart_{i}_{j}" if len(compared) >= 2 else ""
        lines = [f"- {row['text']}." for row in members]
        blocks.append({"h2": f"{numbers.h2(i, j)} {group}", "paragraphs": lines, "chart": chart, "rows": compared})
    for section in rtype.own_sections:
        text = paragraphs(data.narrative.get(section.key, ""))
        if text:
            j += 1
            blocks.append({"h2": f"{numbers.h2(i, j)} {section.title}", "paragraphs": text})
    if j == 0:
        blocks.append({"paragraphs": ["Chưa có số liệu trong kỳ."]})
    return blocks


def part_lines(part: AgencyPart, report_type: ReportType, units: dict[str, tuple[str, str, str]]) -> list[str]:
    """A partner's figures as printed: a confirmed zero is "chưa phát hiện", a figure not reported is said so."""
    if part.status not in RECEIVED:
        return [f"Cơ quan chưa gửi báo cáo ({NOT_RECEIVED.get(part.status, part.status)}): chưa có số liệu."]
    spec = report_type.contribution
    keys = [line.key for line in spec.figures] + list(part.figures)
    lines = []
    for key in dict.fromkeys(keys):
        figure = part.figures.get(key)
        if figure is None:
            continue
        label, unit, unit_label = units.get(key, (key, "count", ""))
        if figure.nil:
            text = NIL_TEXT
        elif figure.value is None:
            text = NOT_REPORTED
        else:
            text = value_text(figure.value, unit, unit_label)
        note = f" ({figure.note})" if figure.note else ""
        lines.append(f"- {label}: {text}{note}.")
    for section in spec.sections:
        lines += paragraphs(part.sections.get(section.key, ""))
    return lines or ["Không có nội dung báo cáo."]


def missing_notes(parts: list[AgencyPart]) -> list[str]:
    """A part not received is named, never read as zero."""
    return [
        f"Chưa nhận phần đóng góp của {part.agency_name} ({NOT_RECEIVED.get(part.status, part.status)}): "
        "báo cáo chưa có số liệu của cơ quan này."
        for part in parts
        if part.status not in RECEIVED
    ]


def _partner_blocks(parts, rtype: ReportType, units: dict, numbers: _Numbers, i: int) -> list[dict]:
    blocks = [{"h1": f"{numbers.h1(i)} Kết quả của các cơ quan, đơn vị phối hợp"}]
    for j, part in enumerate(parts, start=1):
        lines = part_lines(part, rtype, units)
        blocks.append({"h2": f"{numbers.h2(i, j)} {part.agency_name}", "paragraphs": lines})
    return blocks


def _partner_units(report_type: ReportType, parts: list[AgencyPart]) -> dict[str, tuple[str, str, str]]:
    """Label, unit and unit label of each partner figure, from the catalogue (a key not in it prints as itself)."""
    every = catalogue_module.catalogue()
    keys = {line.key for line in report_type.contribution.figures} | {k for p in parts for k in p.figures}
    return {key: (every[key].label, every[key].unit, unit_text(every[key])) for key in keys if key in every}


def build_report_context(data: ReportInput) -> dict:
    """The report's context; see the module's docstring."""
    rtype, window = data.report_type, data.window
    own_part = next((part for part in data.parts if part.agency_code == data.agency_code), None)
    partners = [part for part in data.parts if part is not own_part]
    rows, notes = evaluate(rtype.own_figures, window, data.scope_agency, own_part.figures if own_part else None)
    units = _partner_units(rtype, partners)
    notes += missing_notes(data.parts)
    parts, n = [], 0
    for key in rtype.parts:
        if key == "results":
            blocks = _own_blocks(data, rows, _Numbers(rtype.numbering, n + 1), 1)
            if partners:
                blocks += _partner_blocks(partners, rtype, units, _Numbers(rtype.numbering, n + 1), 2)
            extra = paragraphs(data.narrative.get("results", ""))
            if extra:
                blocks.append({"paragraphs": extra})
        else:
            text = paragraphs(data.narrative.get(key, ""))
            if not text:
                continue  # an optional part left empty is not printed
            blocks = [{"paragraphs": text}]
        n += 1
        heading = f"{numeral(n, rtype.numbering)}. {PART_TITLES[key].upper()}"
        parts.append({"key": key, "heading": heading, "blocks": blocks})
    for part in parts:
        for block in part["blocks"]:
            block.setdefault("h1", "")
            block.setdefault("h2", "")
            block.setdefault("paragraphs", [])
            block.setdefault("chart", "")
    today = data.issued_on or data.today or dt.date.today()
    recipient = rtype.recipient if data.recipient is None else data.recipient
    number = f"{data.number:02d}" if data.number else "      "
    closing = paragraphs(data.narrative.get("closing", "")) or ["Trân trọng báo cáo./."]
    return {
        "type": rtype.key,
        "type_label": rtype.label,
        "period": period_text(window),
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "parent_name": data.parent_name.upper(),
        "agency_name": data.agency_name.upper(),
        "agency_code": data.agency_code,
        "number_line": f"Số: {number}/BC-{data.agency_code}",
        "date_line": date_line(data.place, today, draft=data.issued_on is None),
        "title": title_of(rtype, window),
        "recipient": recipient,
        "intro": paragraphs(data.narrative.get("intro", "")),
        "parts": parts,
        "closing": closing,
        "distribution": [f"- {line.strip()}" for line in data.distribution.splitlines() if line.strip()],
        "signer_title": data.signer_title.upper(),
        "signer_name": data.signer_name,
        "figures": rows,
        "notes": notes,
    }
