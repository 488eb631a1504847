"""Imports of the national complaint exports: 5656 (spam SMS) and 156 (scam calls). Columns ``number, content,
time, reporter`` (Vietnamese headers accepted too); numbers written any way people write them; time as ISO 8601 or
dd/mm/yyyy hh:mm. A row already imported (same number, time and content) is listed and skipped."""

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from canhgiac.cases.choices import IndicatorKindChoices as Kind
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.core.imports.kinds import (
    Column,
    ImportKind,
    ImportModeChoices,
    Row,
    RowError,
    RowInvalid,
    Written,
    register,
)
from canhgiac.intake.choices import ReportTypeChoices
from canhgiac.intake.indicators import Mention
from canhgiac.intake.models import Report

TIME_PATTERNS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %Hh%M", "%d-%m-%Y %H:%M", "%d/%m/%Y")


def parse_time(value) -> dt.datetime:
    """ "2026-11-20T08:15:00+07:00", "20/11/2026 08:15" (local time), a spreadsheet date-time → aware datetime."""
    zone = ZoneInfo(settings.TIME_ZONE)
    if isinstance(value, dt.datetime):
        when = value
    elif value in (None, ""):
        raise ValueError("thiếu thời gian phản ánh.")
    else:
        text = " ".join(str(value).split())
        when = None
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            for pattern in TIME_PATTERNS:
                try:
                    when = dt.datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
        if when is None:
            raise ValueError(
                f"“{text[:60]}” không phải thời gian (ghi 20/11/2026 08:15 hoặc 2026-11-20T08:15:00+07:00)."
            )
    if timezone.is_naive(when):
        when = when.replace(tzinfo=zone)
    if when > timezone.now() + dt.timedelta(minutes=5):
        raise ValueError(f"thời gian {when.astimezone(zone):%d/%m/%Y %H:%M} ở tương lai.")
    return when


def reference(source: str, number: str, when: dt.datetime, content: str) -> str:
    digest = hashlib.sha256(" ".join(content.split()).encode("utf-8")).hexdigest()[:16]
    return f"{source}:{number}:{int(when.timestamp())}:{digest}"


class NationalExportImport(ImportKind):
    source = ""
    report_type = ReportTypeChoices.SCAM_SMS
    columns = (
        Column(
            "number",
            "Số bị phản ánh",
            True,
            ("so_bi_phan_anh", "số điện thoại", "so dien thoai", "số thuê bao", "msisdn", "phone"),
            "Số thuê bao bị phản ánh, viết cách nào cũng được.",
            "0912 345 678",
        ),
        Column(
            "content",
            "Nội dung",
            True,
            ("noi_dung", "nội dung tin nhắn", "message", "text"),
            "Nội dung tin nhắn hoặc cuộc gọi bị phản ánh.",
            "Tài khoản của quý khách bị khoá, bấm vào…",
        ),
        Column(
            "time",
            "Thời gian",
            True,
            ("thoi_gian", "thời gian phản ánh", "ngày giờ", "datetime"),
            "Dạng 20/11/2026 08:15 hoặc 2026-11-20T08:15:00+07:00.",
            "20/11/2026 08:15",
        ),
        Column(
            "reporter",
            "Người phản ánh",
            False,
            ("nguoi_phan_anh", "số người phản ánh", "thuê bao phản ánh"),
            "Số thuê bao đã gửi phản ánh (dữ liệu cá nhân).",
            "0987654321",
        ),
    )
    formats = ("csv", "xlsx", "tsv")
    modes = (ImportModeChoices.SKIP_BAD_ROWS, ImportModeChoices.ALL_OR_NOTHING)
    created_label = "phản ánh"
    count_labels = (("duplicates", "Đã nhập trước đó hoặc trùng trong tệp"),)

    def start(self, job) -> dict:
        return {"duplicates": 0}

    def parse_row(self, row: Row, context: dict):
        errors = []
        number = content = when = None
        try:
            number = normalize(Kind.PHONE, str(row.values.get("number") or ""))
        except IndicatorError as exc:
            errors.append(row.error("number", str(exc), self))
        content = " ".join(str(row.values.get("content") or "").split())
        if not content:
            errors.append(row.error("content", "nội dung đang để trống.", self))
        elif len(content) > 10000:
            errors.append(row.error("content", f"nội dung dài {len(content)} ký tự, tối đa 10000.", self))
        elif "\x00" in content or any("\ud800" <= ch <= "\udfff" for ch in content):
            errors.append(row.error("content", "có byte không giải mã được (sai bảng mã?).", self))
        try:
            when = parse_time(row.values.get("time"))
        except ValueError as exc:
            errors.append(row.error("time", str(exc), self))
        if errors:
            raise RowInvalid(errors)
        raw_reporter = " ".join(str(row.values.get("reporter") or "").split())[:40]
        try:
            reporter = normalize(Kind.PHONE, raw_reporter).attrs.get("national", raw_reporter) if raw_reporter else ""
        except IndicatorError:
            reporter = raw_reporter
        ref = reference(self.source, number.value, when, content)
        original = str(row.values.get("number")).strip()[:500]
        return {
            "mention": Mention(number, original),
            "content": content,
            "when": when,
            "reporter": reporter,
            "ref": ref,
        }

    def check_rows(self, rows, context):
        seen, errors = {}, []
        for row in rows:
            ref = row.parsed["ref"]
            if ref in seen:
                errors.append(RowError(row.number, "", f"trùng với dòng {seen[ref]} (cùng số, thời gian, nội dung)."))
            else:
                seen[ref] = row.number
        context["duplicates"] += len(errors)
        return errors

    def write(self, rows, job, context) -> Written:
        from canhgiac.intake.services import import_report

        refs = [row.parsed["ref"] for row in rows]
        known = set(Report.objects.filter(external_ref__in=refs).values_list("external_ref", flat=True))
        done = Written()
        for row in rows:
            data = row.parsed
            if data["ref"] in known:
                done.errors.append(RowError(row.number, "", "đã được nhập trước đó (cùng số, thời gian, nội dung)."))
                context["duplicates"] += 1
                continue
            done.created.append(
                import_report(data, source=self.source, report_type=self.report_type, actor=job.created_by)
            )
        done.counts["duplicates"] = context["duplicates"]
        return done

    def created_url(self, job) -> str | None:
        return reverse("intake:report_list") + "?channel=import_5656&status=new"


@register
class Import5656(NationalExportImport):
    name = "intake_5656"
    label = "Phản ánh tin nhắn rác (5656)"
    source = "5656"
    template_name = "mau-nhap-5656"
    description = (
        "Tệp xuất phản ánh tin nhắn rác của hệ thống 5656 quốc gia: cột số bị phản ánh (number), nội dung (content), "
        "thời gian (time) và người phản ánh (reporter). Số viết cách nào cũng được; dòng đã nhập trước đó được bỏ qua."
    )


@register
class Import156(NationalExportImport):
    name = "intake_156"
    label = "Phản ánh cuộc gọi rác (156)"
    source = "156"
    report_type = ReportTypeChoices.SCAM_CALL
    template_name = "mau-nhap-156"
    description = "Tệp xuất phản ánh cuộc gọi rác của hệ thống 156 quốc gia: các cột như tệp 5656."


KINDS = {"5656": "intake_5656", "156": "intake_156"}
