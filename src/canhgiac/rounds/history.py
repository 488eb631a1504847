"""A part's change log in one list: the part itself, each of its figures and its attached files."""

from canhgiac.core import figures as catalogue
from canhgiac.core.history import history_entries


def part_history(part, *, reader=None, limit: int = 200) -> list[dict]:
    """Newest first, as ``core.history.history_entries``; a figure's or file's changes are named after it."""
    entries = history_entries(part, limit, reader=reader)
    every = catalogue.catalogue()
    children = [(row, getattr(every.get(row.key), "label", row.key)) for row in part.figures.all()]
    children += [(attachment, f"Tệp “{attachment.original_name}”") for attachment in part.attachments.all()]
    for child, name in children:
        for entry in history_entries(child, limit, reader=reader):
            changes = [c for c in entry["changes"] if c["field"] not in ("contribution", "created_by", "position")]
            for change in changes:
                change["label"] = f"{name}: {change['label']}"
            entries.append({**entry, "changes": changes})
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries[:limit]
