"""The daily digest (điểm báo): a plain context computed by SQL aggregation, rendered apart into a .docx.

The Word file follows the layout of Decree 30/2020/NĐ-CP (Appendix I): agency name top left, national title and
motto top right, number line left, place and date right, the title in bold capitals, the body, then the
"Nơi nhận" block bottom left and the signature block bottom right.
"""

import datetime as dt
import io

from django.conf import settings
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from canhgiac.content.choices import ContentItemStatusChoices as S
from canhgiac.content.choices import ContentLabelChoices
from canhgiac.content.models import ContentItem
from canhgiac.core.safety import xml_text

TOP_ITEMS = 15


def _period_filter(start: dt.date, end: dt.date) -> Q:
    """Items published in the period; items without a publication time count on the day they were stored."""
    return Q(published_at__date__gte=start, published_at__date__lte=end) | Q(
        published_at__isnull=True, created__date__gte=start, created__date__lte=end
    )


def build_digest_context(start: dt.date, end: dt.date, user) -> dict:
    """Counts per class and platform and the riskiest items of the period, among items ``user`` may see.

    Dismissed items are left out; an item counts under the reviewer's label when there is one.
    """
    items = (
        ContentItem.objects.visible_to(user)
        .filter(_period_filter(start, end))
        .exclude(status=S.DISMISSED)
        .annotate(final_label=Coalesce(NullIf("reviewed_label", Value("")), "label"))
    )
    names = dict(ContentLabelChoices.choices)
    per_label = dict(items.values_list("final_label").annotate(n=Count("id")).order_by())
    by_label = [{"label": code, "name": names[code], "count": per_label.get(code, 0)} for code in names]
    by_platform = [
        {"platform": row["platform"] or "khác", "count": row["n"], "flagged": row["flagged"]}
        for row in items.values("platform")
        .annotate(n=Count("id"), flagged=Count("id", filter=~Q(final_label="normal")))
        .order_by("-n", "platform")
    ]
    top = items.exclude(final_label="normal").order_by("-risk", "-id")[:TOP_ITEMS]
    agency = getattr(user, "agency", None)
    return {
        "start": start,
        "end": end,
        "agency_name": agency.name if agency else "",
        "agency_code": agency.code if agency else "",
        "parent_name": agency.parent.name if agency and agency.parent_id else "",
        "place": getattr(settings, "CONTENT_DIGEST_PLACE", ""),
        "signer_name": (user.get_full_name() or user.get_username()) if user.is_authenticated else "",
        "today": timezone.localdate(),
        "total": sum(per_label.values()),
        "flagged": sum(n for code, n in per_label.items() if code != "normal"),
        "by_label": by_label,
        "by_platform": by_platform,
        "top_items": [
            {
                "id": item.pk,
                "platform": item.platform,
                "author": item.author,
                "url": item.url,
                "published_at": item.published_at,
                "label": item.final_label,
                "label_name": names[item.final_label],
                "risk": item.risk,
                # A reviewer's label stands on its own: the model's score for it would mislead.
                "reviewed": bool(item.reviewed_label),
                "status": item.get_status_display(),
                "summary": " ".join(item.text.split())[:300],
            }
            for item in top
        ],
    }


def _period_text(start: dt.date, end: dt.date) -> str:
    if start == end:
        return f"ngày {start:%d/%m/%Y}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def _para(container, text, *, bold=False, italic=False, size=None, center=False, first=False, before=0):
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


def _rule(cell, width_cm: float, cell_cm: float) -> None:
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


def _grid(doc, titles: tuple[str, ...], rows: list[tuple], widths_cm: tuple[float, ...]) -> None:
    """A bordered table: bold centred titles, one row per tuple, fixed column widths."""
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        _para(cell, title, bold=True, size=12, center=True, first=True)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            _para(cell, str(value), size=12, first=True)
    _widths(table, widths_cm)


def _widths(table, widths_cm) -> None:
    """Column widths in the grid (LibreOffice reads these) and in every cell (Word reads these)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def render_digest_docx(context: dict) -> bytes:
    """The digest as a Word document in the administrative layout (A4, Times New Roman 13–14)."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)

    header = doc.add_table(rows=2, cols=2)
    left, right = header.rows[0].cells
    lines = [(context["parent_name"].upper(), False)] if context["parent_name"] else []
    lines.append(((context["agency_name"] or "").upper(), True))
    for n, (text, bold) in enumerate(lines):
        _para(left, text, bold=bold, size=12, center=True, first=n == 0)
    _rule(left, 2.5, 6.5)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, center=True, first=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, center=True)
    _rule(right, 5.8, 9.5)
    number, place = header.rows[1].cells
    _para(number, f"Số:       /ĐB-{context['agency_code']}", size=13, center=True, first=True, before=6)
    today = context["today"]
    # Without a configured place name (CONTENT_DIGEST_PLACE) the clerk fills it in, as on a paper form.
    place_name = context["place"] or "……………"
    date_line = f"{place_name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    _para(place, date_line, italic=True, size=14, center=True, first=True, before=6)
    _widths(header, (6.5, 9.5))

    _para(doc, "ĐIỂM BÁO", bold=True, size=14, center=True, before=18)
    period = _period_text(context["start"], context["end"])
    _para(doc, f"Nội dung có dấu hiệu vi phạm trên không gian mạng {period}", bold=True, size=14, center=True)

    _para(doc, "I. TÌNH HÌNH CHUNG", bold=True, before=12)
    _para(doc, f"Tổng số nội dung được thu thập: {context['total']}; có dấu hiệu vi phạm: {context['flagged']}.")
    rows: list[tuple] = [(n, row["name"], row["count"]) for n, row in enumerate(context["by_label"], start=1)]
    _grid(doc, ("TT", "Phân loại", "Số lượng"), rows, (1.2, 10.3, 4.5))

    _para(doc, "II. THEO NỀN TẢNG", bold=True, before=12)
    rows = [(n, r["platform"], r["count"], r["flagged"]) for n, r in enumerate(context["by_platform"], start=1)]
    _grid(doc, ("TT", "Nền tảng", "Số nội dung", "Có dấu hiệu vi phạm"), rows, (1.2, 6.3, 4, 4.5))

    _para(doc, "III. CÁC NỘI DUNG ĐÁNG CHÚ Ý", bold=True, before=12)
    if not context["top_items"]:
        _para(doc, "Không có nội dung có dấu hiệu vi phạm trong kỳ.")
    else:
        rows = [
            (
                n,
                " · ".join(x for x in (item["platform"], item["author"]) if x) or "—",
                item["summary"],
                f"{item['label_name']} (đã duyệt)"
                if item["reviewed"]
                else f"{item['label_name']} ({item['risk']:.0%})",
                item["url"] or "—",
            )
            for n, item in enumerate(context["top_items"], start=1)
        ]
        titles = ("TT", "Nền tảng, tài khoản", "Nội dung tóm tắt", "Phân loại (mức rủi ro)", "Đường dẫn")
        _grid(doc, titles, rows, (1, 3, 6.5, 2.5, 3))

    _para(doc, "", before=12)
    footer = doc.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12, first=True)
    for line in ("- Lãnh đạo cơ quan (để b/c);", "- Các phòng, đơn vị liên quan;", "- Lưu: VT."):
        _para(left, line, size=11)
    _para(right, "NGƯỜI LẬP", bold=True, size=13, center=True, first=True)
    _para(right, "(Ký, ghi rõ họ tên)", italic=True, size=12, center=True)
    _para(right, context["signer_name"], bold=True, size=13, center=True, before=48)
    _widths(footer, (8, 8))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
