"""The writes of reports and report templates, and the build of a report from its record.

Who may do what (checked here, so the pages, the API and the command line ask the same question):
* build a report, edit its narrative and fields, attach the partners' parts: staff of the provincial authority who
  write records (administrator, leader, inspector, officer);
* issue it (number in the outgoing register, frozen copy): the authority's leader or administrator;
* upload a template: the authority's leader or administrator;
* read: whoever sees the report (the author agency's users, provincial staff).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from canhgiac.core import reporttypes
from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices, RoleChoices
from canhgiac.core.figures import Window
from canhgiac.core.kit import FieldError, PermissionDenied, RecordService, ServiceError, set_history, write_action
from canhgiac.core.models import Agency, Document
from canhgiac.core.reporttypes import AgencyPart, ContributedFigure
from canhgiac.core.scoping import has_global_scope
from canhgiac.core.services import register_document
from canhgiac.reports.charts import report_charts
from canhgiac.reports.context import ReportInput, build_report_context, narrative_sections, title_of
from canhgiac.reports.figurelines import jsonable
from canhgiac.reports.models import Report, ReportStatusChoices, ReportTemplate
from canhgiac.reports.render import TemplateError, check_template, default_template, render_docx

SIGNER_ROLES = {RoleChoices.ADMINISTRATOR, RoleChoices.LEADER}
TEMPLATE_MAX_BYTES = 10 * 1024 * 1024


class ReportIssued(ServiceError):
    """The report is issued: its frozen copy stays as it is."""


class TemplateRejected(FieldError):
    """An uploaded template cannot be used (the reason is in the message); nothing is stored."""

    def __init__(self, message: str):
        super().__init__("file", message)


def require_provincial(actor, message: str = "Chỉ cán bộ của cơ quan chủ trì báo cáo mới lập, sửa báo cáo.") -> None:
    if not has_global_scope(actor):
        raise PermissionDenied(message)


def require_signer(actor, message: str) -> None:
    if not (getattr(actor, "is_superuser", False) or (has_global_scope(actor) and actor.role in SIGNER_ROLES)):
        raise PermissionDenied(message)


class ReportService(RecordService):
    model = Report
    fields = (
        "report_type",
        "period_start",
        "period_end",
        "author_agency",
        "recipient",
        "place",
        "signer_title",
        "signer_name",
        "distribution",
    )
    extra_inputs = ("narrative", "round")  # round: only when built from a round (``reports.consolidate``)
    verb = "báo cáo"
    denied = "Chỉ cán bộ của cơ quan chủ trì báo cáo mới sửa được báo cáo này."

    def may_change(self, actor, obj) -> bool:
        return has_global_scope(actor)

    def prepare(self, actor, obj, data, created):
        require_provincial(actor)
        if not created and obj.status == ReportStatusChoices.ISSUED:
            raise ReportIssued(f"Báo cáo đã ban hành ({obj.document}): bản đã ban hành giữ nguyên, không sửa được.")
        if "round" in data:
            if not created:
                raise FieldError("round", "Không đổi được đợt báo cáo của một báo cáo đã lập.")
            obj.round = data["round"]
        if created and obj.author_agency_id is None:
            if actor.agency_id is None:
                raise FieldError("author_agency", "Chọn cơ quan báo cáo.")
            obj.author_agency = actor.agency
        try:
            report_type = reporttypes.get(obj.report_type or reporttypes_default())
        except reporttypes.UnknownReportType as exc:
            raise FieldError("report_type", str(exc)) from None
        obj.report_type = report_type.key
        if not (obj.period_start and obj.period_end):
            raise FieldError("period_start", "Nhập đủ ngày bắt đầu và ngày kết thúc kỳ báo cáo.")
        try:
            window = Window(obj.period_start, obj.period_end)
        except ValueError as exc:
            raise FieldError("period_end", str(exc)) from None
        if "narrative" in data:
            obj.narrative = {**(obj.narrative or {}), **_checked_narrative(report_type, data["narrative"])}
        obj.title = title_of(report_type, window)
        if created and not obj.recipient:
            obj.recipient = report_type.recipient
        if created and not obj.place:
            obj.place = getattr(settings, "REPORT_PLACE", "") or getattr(settings, "CONTENT_DIGEST_PLACE", "")


def reporttypes_default() -> str:
    from canhgiac.reports.types import DEFAULT_TYPE

    return DEFAULT_TYPE


def _checked_narrative(report_type, narrative) -> dict[str, str]:
    if not isinstance(narrative, dict):
        raise FieldError("narrative", "Nội dung viết phải là các mục (tên mục → đoạn văn).")
    known = dict(narrative_sections(report_type))
    unknown = sorted(set(narrative) - set(known))
    if unknown:
        raise FieldError(
            "narrative",
            f"Mục không có trong loại báo cáo này: {', '.join(unknown)}. Các mục: {', '.join(known)}.",
        )
    for key, text in narrative.items():
        if not isinstance(text, str):
            raise FieldError("narrative", f"Mục “{known[key]}” phải là văn bản.")
    return {key: text.replace("\r\n", "\n").strip() for key, text in narrative.items()}


reports = ReportService()


def create_report(*, actor, **fields) -> Report:
    return reports.create(actor=actor, reason="Lập báo cáo", **fields)


def edit_narrative(report: Report, narrative: dict[str, str], *, actor) -> Report:
    return reports.update(report, actor=actor, reason="Sửa nội dung báo cáo", narrative=narrative)


# --- the partners' parts -------------------------------------------------------------------------------------------
def parts_to_json(parts: list[AgencyPart]) -> list[dict]:
    return [jsonable(asdict(part)) for part in parts]


def _number(value):
    """A stored value back as a number: ints stay ints, Decimals were stored as text ("70.93")."""
    if value is None or isinstance(value, int):
        return value
    return Decimal(str(value))


def parts_from_json(rows: list[dict]) -> list[AgencyPart]:
    parts = []
    for row in rows or []:
        figures = {
            key: ContributedFigure(**{**item, "value": _number(item["value"]), "recorded": _number(item["recorded"])})
            for key, item in (row.get("figures") or {}).items()
        }
        parts.append(AgencyPart(**{**row, "figures": figures}))
    return parts


@write_action()
def attach_parts(report: Report, parts: list[AgencyPart], *, actor) -> Report:
    """Put the partners' parts (``canhgiac.rounds.collect.parts(round)``) into a draft report."""
    report = _locked_draft(report, actor)
    for part in parts:
        for key, figure in part.figures.items():
            if figure.value is not None and figure.value < 0:
                raise ServiceError(f"{part.agency_name}: chỉ số “{key}” có giá trị âm ({figure.value}).")
    report.parts = parts_to_json(parts)
    set_history(report, actor, "Cập nhật phần của các cơ quan phối hợp")
    report.save(update_fields=["parts", "last_updated"])
    return report


def _locked_draft(report: Report, actor) -> Report:
    require_provincial(actor)
    locked = reports.lock(report, actor)
    if locked.status == ReportStatusChoices.ISSUED:
        raise ReportIssued("Báo cáo đã ban hành: bản đã ban hành được giữ nguyên, không sửa được.")
    return locked


# --- building and rendering ----------------------------------------------------------------------------------------
def report_input(report: Report, *, number: int | None = None, issued_on: dt.date | None = None) -> ReportInput:
    agency = report.author_agency
    parent = agency.parent
    return ReportInput(
        type_key=report.report_type,
        window=Window(report.period_start, report.period_end),
        agency_name=agency.name,
        agency_code=agency.code,
        parent_name=parent.name if parent is not None else "",
        parts=parts_from_json(report.parts),
        narrative=dict(report.narrative or {}),
        recipient=report.recipient,
        place=report.place,
        number=number,
        issued_on=issued_on,
        today=timezone.localdate(),
        signer_title=report.signer_title,
        signer_name=report.signer_name,
        distribution=report.distribution,
    )


def current_template(type_key: str) -> tuple[int, bytes]:
    """The version in use of a type's template and its bytes (version 0: the built-in default)."""
    latest = ReportTemplate.objects.filter(report_type=type_key).order_by("-version").first()
    if latest is None:
        return 0, default_template()
    with latest.file.open("rb") as handle:
        return latest.version, handle.read()


def render_context(context: dict, type_key: str) -> tuple[bytes, int]:
    version, template = current_template(type_key)
    return render_docx(context, template, report_charts(context)), version


def report_docx(report: Report) -> bytes:
    """The Word file: the frozen copy once issued, else built now from the records."""
    if report.is_issued:
        with report.docx.open("rb") as handle:
            return handle.read()
    return render_context(build_report_context(report_input(report)), report.report_type)[0]


def preview(report: Report) -> dict:
    """What the preview page and the API show: the context (the frozen figure values once issued)."""
    if report.is_issued:
        return report.values
    return jsonable(build_report_context(report_input(report)))


def _next_number(agency: Agency, year: int) -> int:
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one number at a time per agency
    taken = Document.objects.filter(
        direction=DocumentDirectionChoices.OUTGOING, issuing_agency=agency, date__year=year
    ).aggregate(n=Max("number"))["n"]
    return (taken or 0) + 1


@transaction.atomic
def issue_report(report: Report, *, actor) -> Report:
    """Issue: the next number of the author's outgoing register, a frozen copy (Word file, figure values, template
    version); from then on the report never changes."""
    require_signer(actor, "Chỉ lãnh đạo hoặc quản trị của cơ quan chủ trì mới ban hành báo cáo.")
    report = _locked_draft(report, actor)
    today = timezone.localdate()
    number = _next_number(report.author_agency, today.year)
    context = build_report_context(report_input(report, number=number, issued_on=today))
    content, version = render_context(context, report.report_type)
    name = f"bao-cao-{number:02d}-{today:%Y}-{report.author_agency.code}.docx"
    document = register_document(
        actor=actor,
        notation=f"{number}/BC-{report.author_agency.code}",
        direction=DocumentDirectionChoices.OUTGOING,
        doc_type=DocumentTypeChoices.REPORT,
        date=today,
        issuing_agency=report.author_agency,
        summary=f"Báo cáo {context['title']}",
        file=SimpleUploadedFile(name, content),
    )
    report.status = ReportStatusChoices.ISSUED
    report.issued_at, report.issued_by, report.document = timezone.now(), actor, document
    report.values = jsonable(context)
    report.template_version = version
    report.docx.save(name, ContentFile(content), save=False)
    set_history(report, actor, f"Ban hành báo cáo số {document.notation}")
    report.save()
    return report


# --- templates -----------------------------------------------------------------------------------------------------
def sample_context(type_key: str) -> dict:
    """A context with every field filled, to try an uploaded template on."""
    today = timezone.localdate()
    data = ReportInput(
        type_key=type_key,
        window=Window(today.replace(month=1, day=1), today),
        agency_name="Cơ quan mẫu",
        agency_code="MAU",
        parent_name="Cơ quan cấp trên mẫu",
        narrative={key: f"Nội dung mẫu: {title}." for key, title in narrative_sections(reporttypes.get(type_key))},
        parts=[AgencyPart("MAU", "Cơ quan phối hợp mẫu", "other", "submitted", sections={"results": "Nội dung mẫu."})],
        signer_name="Người ký mẫu",
    )
    return build_report_context(data)


def upload_template(type_key: str, uploaded, *, actor, note: str = "") -> ReportTemplate:
    """A new version of a type's template, once it opens and renders; a broken one is refused with the reason and
    the version in use stays."""
    require_signer(actor, "Chỉ lãnh đạo hoặc quản trị của cơ quan chủ trì mới thay mẫu báo cáo.")
    try:
        reporttypes.get(type_key)
    except reporttypes.UnknownReportType as exc:
        raise FieldError("report_type", str(exc)) from None
    if uploaded is None:
        raise TemplateRejected("Chọn tệp mẫu (.docx) để tải lên.")
    if uploaded.size and uploaded.size > TEMPLATE_MAX_BYTES:
        raise TemplateRejected(f"Tệp mẫu vượt quá {TEMPLATE_MAX_BYTES // (1024 * 1024)} MB.")
    data = uploaded.read()
    try:
        check_template(data, sample_context(type_key))
    except TemplateError as exc:
        raise TemplateRejected(str(exc)) from None
    with transaction.atomic():
        version = (ReportTemplate.objects.filter(report_type=type_key).aggregate(v=Max("version"))["v"] or 0) + 1
        template = ReportTemplate(report_type=type_key, version=version, note=note, created_by=actor)
        template.file.save(f"v{version}.docx", ContentFile(data), save=False)
        set_history(template, actor, f"Tải lên mẫu phiên bản {version}")
        template.save()
    return template


def template_download(type_key: str, version: int | None = None) -> bytes:
    """A template's bytes: the version asked (0: the built-in default), else the one in use."""
    try:
        reporttypes.get(type_key)
    except reporttypes.UnknownReportType as exc:
        raise ServiceError(str(exc)) from None
    if version == 0:
        return default_template()
    rows = ReportTemplate.objects.filter(report_type=type_key)
    row = rows.filter(version=version).first() if version else rows.order_by("-version").first()
    if row is None:
        if version:
            raise ServiceError(f"Không có phiên bản {version} của mẫu báo cáo này.")
        return default_template()
    with row.file.open("rb") as handle:
        return handle.read()
