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
from canhgiac.content.models import ContentItem, platform_name
from canhgiac.core.wordfile import a4_document, grid, paragraph, rule, set_widths

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
        {"platform": platform_name(row["platform"]) or "khác", "count": row["n"], "flagged": row["flagged"]}
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
                "platform": platform_name(item.platform),
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


def render_digest_docx(context: dict) -> bytes:
    """The digest as a Word document in the administrative layout (A4, Times New Roman 13–14)."""

    doc = a4_document(13)

    header = doc.add_table(rows=2, cols=2)
    left, right = header.rows[0].cells
    lines = [(context["parent_name"].upper(), False)] if context["parent_name"] else []
    lines.append(((context["agency_name"] or "").upper(), True))
    for n, (text, bold) in enumerate(lines):
        paragraph(left, text, bold=bold, size=12, center=True, first=n == 0)
    rule(left, 2.5, 6.5)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, center=True, first=True)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, center=True)
    rule(right, 5.8, 9.5)
    number, place = header.rows[1].cells
    paragraph(number, f"Số:       /ĐB-{context['agency_code']}", size=13, center=True, first=True, before=6)
    today = context["today"]
    # Without a configured place name (CONTENT_DIGEST_PLACE) the clerk fills it in, as on a paper form.
    place_name = context["place"] or "……………"
    date_line = f"{place_name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    paragraph(place, date_line, italic=True, size=14, center=True, first=True, before=6)
    set_widths(header, (6.5, 9.5))

    paragraph(doc, "ĐIỂM BÁO", bold=True, size=14, center=True, before=18)
    period = _period_text(context["start"], context["end"])
    paragraph(doc, f"Nội dung có dấu hiệu vi phạm trên không gian mạng {period}", bold=True, size=14, center=True)

    paragraph(doc, "I. TÌNH HÌNH CHUNG", bold=True, before=12)
    paragraph(doc, f"Tổng số nội dung được thu thập: {context['total']}; có dấu hiệu vi phạm: {context['flagged']}.")
    rows: list[tuple] = [(n, row["name"], row["count"]) for n, row in enumerate(context["by_label"], start=1)]
    grid(doc, ("TT", "Phân loại", "Số lượng"), rows, (1.2, 10.3, 4.5))

    paragraph(doc, "II. THEO NỀN TẢNG", bold=True, before=12)
    rows = [(n, r["platform"], r["count"], r["flagged"]) for n, r in enumerate(context["by_platform"], start=1)]
    grid(doc, ("TT", "Nền tảng", "Số nội dung", "Có dấu hiệu vi phạm"), rows, (1.2, 6.3, 4, 4.5))

    paragraph(doc, "III. CÁC NỘI DUNG ĐÁNG CHÚ Ý", bold=True, before=12)
    if not context["top_items"]:
        paragraph(doc, "Không có nội dung có dấu hiệu vi phạm trong kỳ.")
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
        grid(doc, titles, rows, (1, 3, 6.5, 2.5, 3))

    paragraph(doc, "", before=12)
    footer = doc.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, first=True)
    for line in ("- Lãnh đạo cơ quan (để b/c);", "- Các phòng, đơn vị liên quan;", "- Lưu: VT."):
        paragraph(left, line, size=11)
    paragraph(right, "NGƯỜI LẬP", bold=True, size=13, center=True, first=True)
    paragraph(right, "(Ký, ghi rõ họ tên)", italic=True, size=12, center=True)
    paragraph(right, context["signer_name"], bold=True, size=13, center=True, before=48)
    set_widths(footer, (8, 8))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
