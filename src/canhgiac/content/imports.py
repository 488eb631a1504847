"""The content import kind: a social-listening export (CSV/TSV/JSONL), one post, comment, SMS or article per row.

Bad rows and duplicates (same URL, or same text when there is no URL, in the file or already stored) are listed
and skipped; the rest is classified outside the write transaction and stored in chunks.
"""

from django.urls import reverse

from canhgiac.content.ingest import FIELD_ALIASES, TEXT_COLUMNS, Item, canonical_url, check_text, parse_time, printable
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
from canhgiac.core.imports.reading import SURROGATE

FIELD_LABELS = {
    "platform": "Nền tảng",
    "url": "Đường dẫn",
    "author": "Tài khoản đăng",
    "published_at": "Thời gian đăng",
}
FIELD_EXAMPLES = {
    "platform": "facebook",
    "url": "https://www.facebook.com/groups/123/posts/456",
    "author": "vay.nhanh.24h",
    "published_at": "20/11/2026 08:00",
}
FIELD_HELP = {"published_at": "Dạng 20/11/2026 08:00 hoặc 2026-11-20T08:00:00+07:00.", "platform": "facebook, tiktok…"}


def _columns() -> tuple[Column, ...]:
    text = Column("text", "Nội dung", True, TEXT_COLUMNS, "Văn bản của bài đăng, bình luận hoặc tin nhắn.",
                  "Vay nóng 50 triệu không thế chấp, giải ngân trong 30 phút, gọi 0912345678")  # fmt: skip
    others = tuple(
        Column(name, FIELD_LABELS.get(name, name), False, aliases, FIELD_HELP.get(name, ""), FIELD_EXAMPLES.get(name))
        for name, aliases in FIELD_ALIASES.items()
    )
    return (text, *others)


def _str(value) -> str:
    return "" if value is None else str(value).strip()


@register
class ContentImport(ImportKind):
    name = "content"
    label = "Nội dung mạng"
    columns = _columns()
    formats = ("csv", "tsv", "jsonl", "xlsx")
    modes = (ImportModeChoices.SKIP_BAD_ROWS,)
    template_name = "mau-nhap-noi-dung"
    queue = "classification"
    sheet_title = "Nội dung"
    created_label = "nội dung"
    upload_url_name = "content:ingest"
    job_url_name = "content:batch"
    count_labels = (("flagged", "Cần duyệt (vượt ngưỡng)"), ("duplicates", "Trùng"))
    description = (
        "Tệp xuất từ công cụ theo dõi mạng xã hội: mỗi dòng một bài đăng, bình luận, tin nhắn hoặc bài báo. "
        "Dòng lỗi hoặc trùng (cùng đường dẫn, hoặc cùng nội dung khi không có đường dẫn) được liệt kê và bỏ qua; "
        "các dòng còn lại vẫn được nhập và phân loại."
    )

    def start(self, job) -> dict:
        return {"seen": {}, "duplicates": 0}

    def parse_row(self, row: Row, context: dict) -> Item:
        column = row.column("text", self)
        text, problems = check_text(row.number, row.values.get("text"), column)
        found = [RowError(row.number, column, p.message, warning=not p.skipped) for p in problems]
        row.warnings += [e for e in found if e.warning]
        if text is None:
            raise RowInvalid([e for e in found if not e.warning])
        values = {name: _str(row.values.get(name)) for name in FIELD_ALIASES}
        bad = next((name for name, v in values.items() if SURROGATE.search(v) or "\x00" in v), None)
        if bad is not None:
            message = "chứa byte không giải mã được hoặc dữ liệu nhị phân (sai bảng mã?)"
            raise RowInvalid([row.error(bad, message, self)])
        if values["url"]:
            values["url"] = canonical_url(values["url"])
        try:
            when = parse_time(values.pop("published_at"))
        except ValueError as exc:
            raise RowInvalid([row.error("published_at", printable(str(exc)), self)]) from None
        return Item(row.number, text, published_at=when, **values)

    def check_rows(self, rows: list[Row], context: dict) -> list[RowError]:
        """A row repeating an earlier one of the file (same URL, or same text without URL) is refused."""
        errors, seen = [], context["seen"]
        for row in rows:
            item = row.parsed
            key = ("url", item.url) if item.url else ("text", " ".join(item.text.lower().split()))
            if key in seen:
                what = "URL" if key[0] == "url" else "văn bản"
                errors.append(RowError(row.number, "", f"trùng với dòng {seen[key]} ({what})"))
            else:
                seen[key] = row.number
        context["duplicates"] += len(errors)
        return errors

    def prepare(self, rows: list[Row], job, context: dict) -> list[RowError]:
        """Items already stored are refused; the others are classified here, before any transaction opens."""
        from canhgiac.content.services import classify_items, split_known

        fresh, known = split_known([r.parsed for r in rows])
        errors = [RowError(item.row, "", message) for item, message in known]
        context["duplicates"] += len(errors)
        context["classified"] = {c[0].row: c for c in classify_items(fresh)}
        return errors

    def write(self, rows: list[Row], job, context: dict) -> Written:
        from canhgiac.content.services import save_classified

        classified = [context["classified"][row.number] for row in rows]
        created = save_classified(classified, actor=job.created_by, batch=job, agency=job.agency)
        flagged = sum(1 for _, _, _, hot in classified if hot)
        duplicates, context["duplicates"] = context["duplicates"], 0
        return Written(created=created, counts={"flagged": flagged, "duplicates": duplicates})

    def created_url(self, job) -> str:
        return reverse("content:item_list") + f"?batch={job.pk}"


def parse_items(path) -> tuple[list[Item], list[RowError]]:
    """Items of a CSV/TSV/JSONL export and every row error, as an import job reads them, without storing."""
    from pathlib import Path

    from canhgiac.core.imports.kinds import get_kind
    from canhgiac.core.imports.runner import parse_rows

    kind = get_kind("content")
    with Path(path).open("rb") as handle:
        rows, errors = parse_rows(kind, handle, Path(path).name, kind.start(None))
    return [r.parsed for r in rows], errors + [w for r in rows for w in r.warnings]
