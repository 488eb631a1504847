"""Word files in the administrative layout of Decree 30/2020/NĐ-CP (Appendix I), shared by every document canhgiac
writes with python-docx: the A4 page, paragraphs, the rules under the header lines and bordered tables."""

from canhgiac.core.safety import xml_text


def a4_document(font_pt: int):
    """A new document: A4, margins 2 cm (left 3 cm), Times New Roman of ``font_pt`` points."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(font_pt)
    doc.core_properties.author = "canhgiac"
    return doc


def paragraph(container, text, *, bold=False, italic=False, size=None, center=False, first=False, before=0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(0 if first or size else 3)
    run = paragraph.add_run(xml_text(text))
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return paragraph


def rule(cell, width_cm: float, cell_cm: float) -> None:
    """A centred horizontal line of ``width_cm`` under the line above it (the rule under an agency's name and under
    the motto in the Decree 30 layout), drawn as the top border of an empty paragraph indented on both sides."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    paragraph = cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(max(0.0, (cell_cm - width_cm) / 2))
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def grid(doc, titles: tuple[str, ...], rows: list[tuple], widths_cm: tuple[float, ...]) -> None:
    """A bordered table: bold centred titles, one row per tuple, fixed column widths."""
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        paragraph(cell, title, bold=True, size=12, center=True, first=True)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            paragraph(cell, str(value), size=12, first=True)
    set_widths(table, widths_cm)


def set_widths(table, widths_cm) -> None:
    """Column widths in the grid (LibreOffice reads these) and in every cell (Word reads these)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
