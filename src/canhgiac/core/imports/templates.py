"""The blank XLSX and CSV templates of a kind, generated from its declared columns (header and example row)."""

import csv
import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font

from canhgiac.core.imports.kinds import ImportKind


def headers(kind: ImportKind) -> list[str]:
    return [c.label for c in kind.columns]


def example(kind: ImportKind) -> list[str]:
    return ["" if c.example is None else str(c.example) for c in kind.columns]


def examples(kind: ImportKind) -> list[list[str]]:
    """The template's example rows: the columns' own examples, then the kind's ``sample_rows``."""
    more = [["" if row.get(c.key) is None else str(row[c.key]) for c in kind.columns] for row in kind.sample_rows]
    return [example(kind), *more]


def template_xlsx(kind: ImportKind) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind.sheet_title[:31]
    sheet.append(headers(kind))
    for row in examples(kind):
        sheet.append(row)
    for cell, column in zip(sheet[1], kind.columns, strict=True):
        cell.font = Font(bold=column.required)
        note = ("Bắt buộc. " if column.required else "Không bắt buộc. ") + column.help
        if column.aliases:
            note += " Tên cột khác được chấp nhận: " + ", ".join(column.aliases) + "."
        cell.comment = Comment(note.strip(), "canhgiac")
        sheet.column_dimensions[cell.column_letter].width = max(16, min(40, len(column.label) + 6))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(kind: ImportKind) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(kind))
    writer.writerows(examples(kind))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template(kind: ImportKind, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the template in ``fmt`` (``xlsx`` or ``csv``)."""
    if fmt == "xlsx":
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return template_xlsx(kind), content_type, f"{kind.template_name}.xlsx"
    return template_csv(kind), "text/csv; charset=utf-8", f"{kind.template_name}.csv"


def kinds_markdown(kinds: list[ImportKind]) -> str:
    """The import kinds and their columns as Markdown, for ``docs/operator-guide.md`` (a test keeps it current)."""
    from canhgiac.core.imports.kinds import ImportModeChoices

    parts = []
    for kind in kinds:
        modes = ", ".join(ImportModeChoices(m).label.lower() for m in kind.modes)
        formats = ", ".join(f".{f}" for f in kind.formats)
        parts.append(f"### {kind.label} (`{kind.name}`)\n\n{kind.description}\n\nTệp: {formats}. Cách nhập: {modes}.\n")
        parts.append("| cột | bắt buộc | tên khác được chấp nhận | ghi chú |\n|---|---|---|---|")
        for c in kind.columns:
            aliases = ", ".join(f"`{a}`" for a in c.aliases)
            parts.append(f"| {c.label} | {'có' if c.required else 'không'} | {aliases} | {c.help} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
