"""Which legal text governs an information system's security level on a given day, and who appraises and approves
its dossier under it: shipped data (``data/legal_bases.json``) with citations, effective dates and, for each fact the
legal catalogue does not mark confirmed, ``unverified: true`` — shown as such on every page that cites it."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "legal_bases.json"


@dataclass(frozen=True)
class LegalBasis:
    key: str
    citation: str
    effective_from: dt.date
    effective_to: dt.date | None
    confidence: str
    unverified: bool
    source: str
    note: str
    approvals: dict = field(default_factory=dict)

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)

    def approval(self, level: int | None) -> dict | None:
        """Who appraises and who approves a dossier of ``level`` under this text (None when the data has no row)."""
        return self.approvals.get(str(level)) if level else None

    def __str__(self) -> str:
        return self.citation + (" (chưa đối chiếu văn bản gốc)" if self.unverified else "")


@functools.cache
def legal_bases() -> tuple[LegalBasis, ...]:
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        LegalBasis(
            **{
                **row,
                "effective_from": dt.date.fromisoformat(row["effective_from"]),
                "effective_to": dt.date.fromisoformat(row["effective_to"]) if row["effective_to"] else None,
            }
        )
        for row in rows
    )


def basis_on(day: dt.date) -> LegalBasis | None:
    """The text in force on ``day`` (None before 1 July 2016, when no level regime existed)."""
    return next((b for b in legal_bases() if b.in_force(day)), None)


def basis_by_key(key: str) -> LegalBasis | None:
    return next((b for b in legal_bases() if b.key == key), None)


def basis_choices() -> list[tuple[str, str]]:
    return [(b.key, b.citation) for b in legal_bases()]
