"""Render a report context into a Word file with docxtpl, check uploaded templates, convert to PDF.

The default template is built here with python-docx in the layout of Decree 30/2020/NĐ-CP (Appendix I) — the
agency header (parent and own name from data), the national title and motto, the number and symbol line, place
and date, BÁO CÁO and the title, Kính gửi, the parts, Nơi nhận and the signer — with docxtpl's Jinja tags in it.
Users download it, edit it in Word and upload it again per report type (``services.upload_template``).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from canhgiac.core.safety import xml_text
from canhgiac.core.wordfile import a4_document, paragraph, rule, set_widths


class TemplateError(ValueError):
    """An uploaded template cannot be used; the message says why, in Vietnamese."""


class PdfError(RuntimeError):
    """LibreOffice is missing or failed to convert."""


def _tag(container, text: str) -> None:
    """A paragraph that holds only a docxtpl paragraph tag (``{%p … %}``): docxtpl removes it when rendering."""
    paragraph(container, text, size=13)


def default_template() -> bytes:
    """The built-in template (version 0 of every report type)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = a4_document(14)

    header = doc.add_table(rows=2, cols=2)
    left, right = header.rows[0].cells
    paragraph(left, "{%p if parent_name %}", size=12, first=True)
    paragraph(left, "{{ parent_name }}", size=12, center=True)
    _tag(left, "{%p endif %}")
    paragraph(left, "{{ agency_name }}", bold=True, size=12, center=True)
    rule(left, 2.5, 6.5)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, center=True, first=True)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, center=True)
    rule(right, 5.8, 9.5)
    number, place = header.rows[1].cells
    paragraph(number, "{{ number_line }}", size=13, center=True, first=True, before=6)
    paragraph(place, "{{ date_line }}", italic=True, size=14, center=True, first=True, before=6)
    set_widths(header, (6.5, 9.5))

    paragraph(doc, "BÁO CÁO", bold=True, size=14, center=True, before=18)
    paragraph(doc, "{{ title }}", bold=True, size=14, center=True)
    _tag(doc, "{%p if recipient %}")
    paragraph(doc, "Kính gửi: {{ recipient }}", size=14, center=True, before=12)
    _tag(doc, "{%p endif %}")

    def body(text: str, **kw):
        line = paragraph(doc, text, size=14, **kw)
        line.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        line.paragraph_format.first_line_indent = Cm(1)
        line.paragraph_format.space_after = Pt(6)
        return line

    _tag(doc, "{%p for text in intro %}")
    body("{{ text }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for part in parts %}")
    body("{{ part.heading }}", bold=True, before=6)
    _tag(doc, "{%p for block in part.blocks %}")
    _tag(doc, "{%p if block.h1 %}")
    body("{{ block.h1 }}", bold=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if block.h2 %}")
    body("{{ block.h2 }}", bold=True, italic=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for text in block.paragraphs %}")
    body("{{ text }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if block.chart %}")
    paragraph(doc, "{{ charts[block.chart] }}", center=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for text in closing %}")
    body("{{ text }}")
    _tag(doc, "{%p endfor %}")

    footer = doc.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, first=True)
    _tag(left, "{%p for line in distribution %}")
    paragraph(left, "{{ line }}", size=11)
    _tag(left, "{%p endfor %}")
    paragraph(right, "{{ signer_title }}", bold=True, size=14, center=True, first=True)
    paragraph(right, "{{ signer_name }}", bold=True, size=14, center=True, before=72)
    set_widths(footer, (8, 8))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _clean(value):
    """Text without the control characters XML cannot hold, through the whole context."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def render_docx(context: dict, template: bytes, charts: dict[str, bytes] | None = None) -> bytes:
    """The report as a .docx from ``template`` (bytes of a docxtpl template)."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    document = DocxTemplate(io.BytesIO(template))
    images = {name: InlineImage(document, io.BytesIO(png), width=Mm(150)) for name, png in (charts or {}).items()}
    document.render({**_clean(context), "charts": images}, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Jinja's English messages, said in Vietnamese (the original follows in brackets for the technically minded).
_EXPLAINED = (
    ("unexpected end of template", "một thẻ mở chưa được đóng (thiếu “{% endfor %}”, “{% endif %}” hoặc “%}”)"),
    ("expected token 'end of print statement'", "thẻ {{ … }} viết sai hoặc chưa đóng bằng “}}”"),
    ("unexpected '}'", "thừa hoặc sai dấu ngoặc “}”"),
    ("unexpected end of print statement", "thẻ {{ }} không có tên trường"),
    ("Encountered unknown tag", "thẻ không có trong ngôn ngữ mẫu (lỗi chính tả tên thẻ, hoặc thẻ đóng thừa)"),
    ("unexpected char", "có ký tự không hợp lệ trong thẻ"),
    ("expected token", "thẻ viết sai cú pháp"),
)


def _explain(message: str) -> str:
    block = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if block:
        name = block.group(1)
        return f"khối “{name}” chưa được đóng (thiếu thẻ “{{%p end{name} %}}”)"
    for english, vietnamese in _EXPLAINED:
        if english.lower() in message.lower():
            return vietnamese
    return "thẻ viết sai cú pháp"


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_BLOCK = re.compile(r"^\{%-?\s*(?:p|tr|tc|r)?\s+(\w+)|^\{%-?\s*(\w+)")
_KNOWN_TAGS = {"for", "endfor", "if", "elif", "else", "endif", "set", "with", "endwith", "filter", "endfilter"}


def _paragraph_texts(data: bytes):
    from docx import Document

    doc = Document(io.BytesIO(data))
    containers = [doc, *(s.header for s in doc.sections), *(s.footer for s in doc.sections)]
    for container in containers:
        yield from (p.text for p in container.paragraphs)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from (p.text for p in cell.paragraphs)


def _faulty_paragraph(data: bytes) -> str:
    """The text of the first paragraph whose own tags are broken (a docxtpl tag never spans paragraphs), so the
    user finds it in Word; "" when each paragraph is right by itself (an unclosed loop, say)."""
    from jinja2 import Environment, TemplateSyntaxError

    env = Environment()
    for text in _paragraph_texts(data):
        if "{" not in text and "}" not in text:
            continue
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            return text
        for tag in _TAG.findall(text):
            if tag.startswith("{{"):
                try:
                    env.parse(tag)
                except TemplateSyntaxError:
                    return text
                continue
            match = _BLOCK.match(tag)
            name = match and (match.group(1) or match.group(2))
            if name not in _KNOWN_TAGS:
                return text
    return ""


def check_template(data: bytes, sample_context: dict) -> None:
    """Refuse a file that is not a Word document, or whose Jinja tags are broken, with the reason in Vietnamese;
    then render it once with ``sample_context`` so an error that only shows when filling it is caught too."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError

    if not data:
        raise TemplateError("Tệp mẫu rỗng.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("Tệp mẫu không phải tài liệu Word (.docx): hãy lưu mẫu bằng Word dưới dạng .docx.")
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.init_docx()
        xml = document.patch_xml(document.get_xml())
    except Exception as exc:  # a zip that is not a Word document
        raise TemplateError(f"Tệp mẫu không mở được như tài liệu Word (.docx): {exc}.") from None
    try:
        from jinja2 import Environment

        Environment().parse(xml)
    except TemplateSyntaxError as exc:
        near = " ".join(_faulty_paragraph(data).split())[:120]
        where = f" ở đoạn “{near}”" if near else ""
        raise TemplateError(
            f"Mẫu có thẻ Jinja lỗi{where}: {_explain(exc.message or '')} ({exc.message}). "
            "Mẫu không được lưu; mẫu đang dùng giữ nguyên."
        ) from None
    try:
        render_docx(sample_context, data)
    except JinjaError as exc:
        raise TemplateError(
            f"Mẫu không điền được số liệu: {exc}. Kiểm tra tên các trường trong thẻ {{{{ … }}}} "
            "(danh sách trường ở trang Mẫu báo cáo). Mẫu không được lưu; mẫu đang dùng giữ nguyên."
        ) from None


def to_pdf(docx: bytes, timeout: int = 180) -> bytes:
    """The .docx converted by LibreOffice headless (``soffice --headless --convert-to pdf``)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise PdfError(
            "Không xuất được PDF: máy chủ chưa cài LibreOffice (chương trình soffice). "
            "Cài bằng: apt-get install libreoffice-writer — tệp Word (.docx) vẫn tải được."
        )
    with tempfile.TemporaryDirectory(prefix="canhgiac-pdf-") as folder:
        source = Path(folder) / "bao-cao.docx"
        source.write_bytes(docx)
        profile = Path(folder) / "profile"
        command = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice không chuyển xong tệp sang PDF sau {timeout} giây.") from None
        target = source.with_suffix(".pdf")
        if not target.exists():
            raise PdfError("LibreOffice không tạo được tệp PDF từ báo cáo.")
        return target.read_bytes()
