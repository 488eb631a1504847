"""Report types: what a periodic report contains and what each contributing agency must send for it.

Shared by the report rounds (which ask the partners for their parts) and the report builder (which prints the
consolidated report). A type is data: the ``reports`` app registers the shipped types (the default follows the
fullest seed, Hưng Yên's periodic report; the other seeds' shapes are types of their own) with :func:`register`;
nothing here imports an app.

Vocabulary:

* :class:`FigureLine`: one figure of the catalogue (``core.figures``) the report prints, with an optional window of
  its own (``since``: cumulative from a programme's start date; ``months``: the first N months of the period's
  year) and ``compare``: also the same period of the previous year ("absolute" or "percent" change).
* :class:`Section`: a narrative part (plain text, paragraphs) with a stable key and a Vietnamese title.
* :class:`ContributionSpec`: what one contributing agency sends: figures (prefilled from canhgiac's records for that
  agency, confirmed or corrected; a confirmed zero is a nil return) and narrative sections.
* :class:`ReportType`: the report's title, the parts (I. Kết quả thực hiện is required; II–V optional), the
  numbering style, the figures of the author's own results, and the contribution asked of partners.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class FigureLine:
    key: str
    since: dt.date | None = None
    months: int | None = None
    compare: str = ""  # "", "absolute" or "percent"

    def __post_init__(self):
        if self.compare not in ("", "absolute", "percent"):
            raise ValueError(f"{self.key}: compare must be '', 'absolute' or 'percent'")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    help: str = ""


@dataclass(frozen=True)
class ContributionSpec:
    figures: tuple[FigureLine, ...] = ()
    sections: tuple[Section, ...] = ()


# The canonical parts of a periodic report (seed-figures.md §2); only "results" is required.
PARTS = (
    ("results", "Kết quả thực hiện"),
    ("assessment", "Đánh giá chung"),
    ("difficulties", "Khó khăn, vướng mắc"),
    ("tasks", "Phương hướng, nhiệm vụ"),
    ("proposals", "Đề xuất, kiến nghị"),
)


@dataclass(frozen=True)
class ReportType:
    key: str
    label: str
    title: str  # "Kết quả công tác phối hợp phòng, chống tội phạm … {period}" ({period}: "6 tháng đầu năm 2023")
    parts: tuple[str, ...] = tuple(key for key, _ in PARTS)
    numbering: str = "roman"  # "roman" (I., II.) or "arabic" (1., 2.)
    own_figures: tuple[FigureLine, ...] = ()
    own_sections: tuple[Section, ...] = ()
    contribution: ContributionSpec = field(default_factory=ContributionSpec)
    recipient: str = ""  # "Kính gửi" line; empty: none

    def __post_init__(self):
        known = {key for key, _ in PARTS}
        if "results" not in self.parts or not set(self.parts) <= known:
            raise ValueError(f"{self.key}: parts must include 'results' and be among {sorted(known)}")
        if self.numbering not in ("roman", "arabic"):
            raise ValueError(f"{self.key}: numbering must be 'roman' or 'arabic'")


_TYPES: dict[str, ReportType] = {}


class UnknownReportType(KeyError):
    def __str__(self) -> str:
        return f"Không có loại báo cáo '{self.args[0]}'."


def register(report_type: ReportType) -> ReportType:
    if report_type.key in _TYPES and _TYPES[report_type.key] != report_type:
        raise ValueError(f"report type {report_type.key!r} registered twice")
    _TYPES[report_type.key] = report_type
    return report_type


def get(key: str) -> ReportType:
    try:
        return _TYPES[key]
    except KeyError:
        raise UnknownReportType(key) from None


def all_types() -> list[ReportType]:
    return list(_TYPES.values())


def choices() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in _TYPES.values()]


# What a round hands the report builder for each contributing agency (``canhgiac.rounds.collect.parts(round)``
# returns a list of these; the builder takes such a list and needs no knowledge of rounds).
@dataclass
class ContributedFigure:
    key: str
    value: int | Decimal | None  # what the agency reported; None: not reported
    recorded: int | Decimal | None = None  # what canhgiac's own records give for that agency (the prefill)
    nil: bool = False  # a confirmed zero ("chưa phát hiện"), never the same as not reported
    note: str = ""


@dataclass
class AgencyPart:
    agency_code: str
    agency_name: str
    agency_kind: str
    status: str  # the contribution's status: draft, submitted, returned, accepted
    figures: dict[str, ContributedFigure] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)  # section key → plain text, paragraphs split by blank lines
    attachments: list[str] = field(default_factory=list)  # file names
