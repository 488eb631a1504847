"""The one import framework, for every declared kind: templates, both modes, the error shape, the limits, and a
job that always ends with a Vietnamese message."""

import csv
import io
import re
import zipfile

import idna
import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from canhgiac.cases.models import Case
from canhgiac.core.choices import AgencyKindChoices
from canhgiac.core.imports import kinds
from canhgiac.core.imports.kinds import Column, ImportKind, RowInvalid, Written, all_kinds, get_kind
from canhgiac.core.imports.messages import explain
from canhgiac.core.imports.reading import iter_rows
from canhgiac.core.imports.runner import import_now, run_import
from canhgiac.core.imports.templates import headers, template_csv, template_xlsx
from canhgiac.core.models import Agency, ImportJob
from canhgiac.core.services import save_agency
from canhgiac.core.testing import login

CASES = get_kind("cases")


class AgencyImport(ImportKind):
    """A small kind for these tests: agencies (code, name, kind, web site checked by idna)."""

    name = "test-agencies"
    label = "Cơ quan (thử)"
    columns = (
        Column("code", "Ký hiệu", True, ("code",), example="SO-YT"),
        Column("name", "Tên cơ quan", True, ("name", "ten"), example="Sở Y tế"),
        Column("site", "Trang web", False, ("web",), example="soyte.gov.vn"),
    )
    write_area = "admin"
    chunk_size = 2
    explode_on_write = False

    def parse_row(self, row, context):
        code = str(row.values.get("code") or "").strip()
        if not code.isupper():
            raise RowInvalid([row.error("code", "Ký hiệu phải viết hoa.", self)])
        site = str(row.values.get("site") or "").strip()
        if site:
            idna.encode(site, uts46=True)  # raises the library's own English error on a bad name
        return {"code": code, "name": str(row.values["name"]).strip()}

    def write(self, rows, job, context):
        if self.explode_on_write:
            raise RuntimeError("disk on fire")
        written = Written()
        for row in rows:
            agency = Agency(kind=AgencyKindChoices.AUTHORITY, **row.parsed)
            written.created.append(save_agency(agency, actor=job.created_by))
        return written


@pytest.fixture
def agency_kind():
    kinds.register(AgencyImport)
    yield kinds.get_kind("test-agencies")
    kinds._REGISTRY.pop("test-agencies")


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def job_for(world, kind, name, content, mode=None, role="administrator"):
    job = ImportJob(kind=kind.name, mode=mode or kind.default_mode, original_name=name, created_by=world.user(role))
    job.file.save(name, ContentFile(content), save=False)
    job.save()
    return job


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- templates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.name)
def test_template_files_follow_the_declaration_and_are_read_back(world, client, kind):
    login(client, world.user("officer"))
    response = client.get(f"/imports/{kind.name}/template.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == [c.label for c in kind.columns]
    assert all(sheet.cell(1, i + 1).comment for i in range(len(kind.columns)))  # each header says what it wants
    text = client.get(f"/imports/{kind.name}/template.csv").content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == headers(kind)
    for content, name in ((template_xlsx(kind), "t.xlsx"), (template_csv(kind), "t.csv")):
        if name.rsplit(".", 1)[1] in kind.formats:
            rows = list(iter_rows(io.BytesIO(content), name, kind))
            assert len(rows) == 1 + len(kind.sample_rows)  # the columns' examples, then the kind's sample rows
            assert set(rows[0].values) == {c.key for c in kind.columns}


def test_template_of_an_unknown_format_or_kind_is_not_found(world, client):
    login(client, world.user("officer"))
    assert client.get("/cases/import/template.exe").status_code == 404
    assert client.get("/imports/cases/template.exe").status_code == 404
    assert client.get("/imports/khong-co/template.csv").status_code == 404


def test_template_example_imports_for_the_cases_kind(world):
    job = run_import(job_for(world, CASES, "mau.csv", template_csv(CASES), role="officer").pk)
    assert job.status == "done" and job.created_count == 1, job.errors


# --- modes and the error shape ----------------------------------------------------------------------------------

ROWS = ("Ký hiệu,Tên cơ quan,Trang web", "SO-YT,Sở Y tế,soyte.gov.vn", "so-gd,Sở Giáo dục,", "SO-TC,Sở Tài chính,")


def test_all_or_nothing_stores_nothing_when_one_row_is_bad(world, agency_kind):
    before = Agency.objects.count()
    job = run_import(job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS), mode="all").pk)
    assert job.status == "failed" and job.created_count == 0 and Agency.objects.count() == before
    assert job.errors == [{"row": 3, "column": "Ký hiệu", "message": "Ký hiệu phải viết hoa."}]


def test_skip_mode_stores_good_rows_in_chunks_and_lists_the_bad_one(world, agency_kind):
    job = run_import(job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS), mode="skip").pk)
    assert (job.status, job.created_count, job.error_count, job.total_rows) == ("done", 2, 1, 3)
    assert job.processed_rows == 2
    created = Agency.objects.filter(code__in=["SO-YT", "SO-TC"])
    assert sorted(job.created_refs["core.agency"]) == sorted(created.values_list("pk", flat=True))
    assert created.first().history.first().history_user == world.user("administrator")


def test_every_error_of_every_kind_has_one_shape(world, agency_kind):
    files = [
        (agency_kind, "a.csv", csv_bytes(*ROWS, "X")),
        (CASES, "c.csv", csv_bytes(",".join(headers(CASES)), "Vụ,không rõ,,hôm qua,KHONG,,-5,09x")),
        (get_kind("content"), "n.jsonl", b'{"text": ""}\nnot json\n[1]\n{"other": 1}\n'),
        (CASES, "d.pdf", b"%PDF"),
    ]
    for kind, name, content in files:
        job = run_import(job_for(world, kind, name, content, mode="skip" if "skip" in kind.modes else "all").pk)
        assert job.errors, name
        for error in job.errors:
            assert set(error) == {"row", "column", "message"}, error
            assert error["row"] is None or isinstance(error["row"], int)
            assert re.search(r"[À-ỹ]", error["message"]), error  # Vietnamese, not a library's English


def test_a_library_error_on_a_row_is_a_vietnamese_row_error(world, agency_kind):
    content = csv_bytes("Ký hiệu,Tên cơ quan,Trang web", "SO-YT,Sở Y tế,so yte.gov.vn", "SO-TC,Sở Tài chính,")
    job = run_import(job_for(world, agency_kind, "a.csv", content, mode="skip").pk)
    assert job.status == "done" and job.created_count == 1
    [error] = job.errors
    assert error["row"] == 2 and "dấu cách" in error["message"] and "Codepoint" not in error["message"]


def test_the_cases_import_explains_a_bad_domain_in_vietnamese(world):
    values = dict.fromkeys(headers(CASES), "")
    values.update({"Tiêu đề": "Vụ", "Lĩnh vực": "fraud", "Nguồn": "Phản ánh của người dân"})
    values.update({"Ngày tiếp nhận": "17/02/2023", "Cơ quan chủ trì": "STTTT", "Tên miền": "ab cd.vn"})
    content = xlsx_bytes([list(values), list(values.values())])
    job = run_import(job_for(world, CASES, "a.xlsx", content, role="officer").pk)
    assert job.status == "failed"
    assert [(e["row"], e["column"]) for e in job.errors] == [(2, "Tên miền")]
    assert "dấu cách (U+0020)" in job.errors[0]["message"] and "not allowed" not in job.errors[0]["message"]


def test_explain_never_returns_english():
    for exc in [
        idna.IDNAError("Codepoint U+0020 at position 3 of 'ab cd' not allowed"),
        idna.IDNAError("Label too long"),
        ValueError("Invalid IPv6 URL"),
        zipfile.BadZipFile("File is not a zip file"),
        KeyError("There is no item named 'xl/workbook.xml' in the archive"),
    ]:
        assert not re.search(r"\b(not|allowed|is|the|too)\b", explain(exc)), explain(exc)


# --- files that used to lie -------------------------------------------------------------------------------------


def test_a_one_column_csv_fails_its_job_with_a_message(world):
    """Before: the delimiter sniffer raised on a one-column file and the job stayed "running" forever."""
    job = run_import(job_for(world, CASES, "a.csv", csv_bytes("Tiêu đề", "Vụ 1", "Vụ 2"), role="officer").pk)
    assert job.status == "failed" and job.finished
    assert "Thiếu cột: Lĩnh vực" in job.errors[0]["message"]


def _under_reported(content: bytes) -> bytes:
    """The same workbook with its sheet's <dimension> saying A1:O2, as some writers leave it."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:O2"', data)
            target.writestr(item, data)
    return out.getvalue()


def test_an_xlsx_whose_header_under_reports_its_size_imports_every_row(world):
    """Before: read-only openpyxl trusted <dimension> and imported 1 row of 5, saying "done"."""
    values = dict.fromkeys(headers(CASES), "")
    values.update({"Lĩnh vực": "fraud", "Nguồn": "Phản ánh của người dân", "Ngày tiếp nhận": "17/02/2023"})
    values["Cơ quan chủ trì"] = "STTTT"
    rows = [list(values)] + [list({**values, "Tiêu đề": f"Vụ {n}"}.values()) for n in range(1, 6)]
    content = _under_reported(xlsx_bytes(rows))
    assert b'<dimension ref="A1:O2"' in zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
    job = run_import(job_for(world, CASES, "a.xlsx", content, role="officer").pk)
    assert (job.status, job.created_count, job.total_rows) == ("done", 5, 5), job.errors
    assert Case.objects.filter(title__startswith="Vụ ").count() == 5


def test_the_row_limit_is_checked_while_reading_csv(settings, agency_kind):
    """Before: every row was read into memory, then counted."""
    settings.IMPORT_MAX_ROWS = 10
    content = csv_bytes("Ký hiệu,Tên cơ quan", *(f"SO-{n},Sở {n}" for n in range(100_000)))
    handle = io.BytesIO(content)
    with pytest.raises(kinds.ImportFileError, match="hơn 10 dòng"):
        for _ in iter_rows(handle, "a.csv", agency_kind):
            pass
    assert handle.tell() < len(content) / 10  # stopped near the start of a 1.5 MB file


def test_the_row_limit_is_checked_while_reading_xlsx(settings, agency_kind):
    settings.IMPORT_MAX_ROWS = 10
    content = xlsx_bytes([["Ký hiệu", "Tên cơ quan"], *([f"SO-{n}", "Sở"] for n in range(5000))])
    read = []
    with pytest.raises(kinds.ImportFileError, match="vượt quá giới hạn 10 dòng"):
        for row in iter_rows(io.BytesIO(content), "a.xlsx", agency_kind):
            read.append(row)
    assert len(read) == 10


class CountingReads(io.BytesIO):
    taken = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def test_an_xlsx_without_a_size_is_not_scanned_before_its_first_row(agency_kind):
    """Before: openpyxl parsed the whole sheet looking for its <dimension> (1.5 million rows: 84 s, 230 MB)."""
    workbook = Workbook(write_only=True)  # writes no <dimension>
    sheet = workbook.create_sheet()
    sheet.append(["Ký hiệu", "Tên cơ quan"])
    for n in range(30_000):
        sheet.append([f"SO-{n}", f"Sở số {n} của tỉnh"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    handle = CountingReads(buffer.getvalue())
    rows = iter_rows(handle, "a.xlsx", agency_kind)
    assert next(rows).values == {"code": "SO-0", "name": "Sở số 0 của tỉnh"}
    assert handle.taken < len(buffer.getvalue()) / 4
    rows.close()


def test_a_job_over_the_row_limit_fails_with_the_limit(world, settings, agency_kind):
    settings.IMPORT_MAX_ROWS = 3
    content = csv_bytes("Ký hiệu,Tên cơ quan", *(f"SO-{n},Sở {n}" for n in range(10)))
    job = run_import(job_for(world, agency_kind, "a.csv", content).pk)
    assert job.status == "failed" and "giới hạn 3 dòng" in job.errors[0]["message"]
    assert not Agency.objects.filter(code__startswith="SO-").exists()


# --- every failure ends the job ---------------------------------------------------------------------------------


def test_a_failing_write_ends_the_job_failed_and_rolls_back(world, agency_kind):
    agency_kind.explode_on_write = True
    try:
        job = run_import(job_for(world, agency_kind, "a.csv", csv_bytes(ROWS[0], ROWS[1]), mode="all").pk)
    finally:
        agency_kind.explode_on_write = False
    assert job.status == "failed" and job.errors[0]["message"].startswith("Lỗi hệ thống khi nhập")
    assert not Agency.objects.filter(code="SO-YT").exists()


def test_the_time_limit_ends_the_job_failed(world, agency_kind, monkeypatch):
    def slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(AgencyImport, "parse_row", slow)
    job = run_import(job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS)).pk)
    assert job.status == "failed" and "Quá thời gian" in job.errors[0]["message"]


def test_a_job_left_running_by_a_dead_worker_is_failed_on_redelivery(world, agency_kind):
    job = job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS))
    ImportJob.objects.filter(pk=job.pk).update(status="running")
    job = run_import(job.pk)
    assert job.status == "failed" and "gián đoạn" in job.errors[0]["message"]
    assert run_import(job.pk).status == "failed"  # and a finished job is left as it is


def test_a_job_killed_with_its_worker_shows_failed_on_its_page(world, client, agency_kind):
    import datetime as dt

    from django.utils import timezone

    job = job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS))
    ImportJob.objects.filter(pk=job.pk).update(status="running", started=timezone.now() - dt.timedelta(minutes=5))
    login(client, world.user("administrator"))
    assert "Đang xử lý" in client.get(job.get_absolute_url()).content.decode()  # within the time limit: running
    ImportJob.objects.filter(pk=job.pk).update(started=timezone.now() - dt.timedelta(hours=1))
    page = client.get(job.get_absolute_url()).content.decode()
    job.refresh_from_db()
    assert job.status == "failed" and "quá thời gian" in job.errors[0]["message"] and "Lỗi, không nhập" in page


def test_a_missing_stored_file_fails_the_job(world, agency_kind):
    job = job_for(world, agency_kind, "a.csv", csv_bytes(*ROWS))
    job.file.delete(save=False)
    job = run_import(job.pk)
    assert job.status == "failed" and "Không đọc được tệp" in job.errors[0]["message"]


def test_a_role_that_may_not_write_cannot_import(world, agency_kind, tmp_path):
    from canhgiac.core.services import PermissionDenied

    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(*ROWS))
    with pytest.raises(PermissionDenied):
        import_now("test-agencies", path, actor=world.user("officer"))
    job = import_now("test-agencies", path, actor=world.user("administrator"), mode="skip")
    assert job.status == "done" and job.created_count == 2


# --- status page ------------------------------------------------------------------------------------------------


def test_status_page_refreshes_while_running_and_links_what_was_created(world, client):
    login(client, world.user("officer"))
    response = client.post("/cases/import/", {"file": SimpleUploadedFile("mau.csv", template_csv(CASES))})
    job = ImportJob.objects.get(kind="cases")
    assert response["Location"] == f"/cases/import/{job.pk}/" == job.get_absolute_url()
    assert 'http-equiv="refresh"' in client.get(response["Location"]).content.decode()
    run_import(job.pk)
    page = client.get(response["Location"]).content.decode()
    case = Case.objects.get()
    assert 'http-equiv="refresh"' not in page and f'href="{case.get_absolute_url()}"' in page
    assert client.get(f"/imports/{job.pk}/").status_code == 200  # the same page under core's URL
    assert client.get(f"/content/ingest/{job.pk}/").status_code == 404  # not a content job


def test_a_mode_the_kind_offers_is_chosen_on_the_upload_page(world, client):
    login(client, world.user("officer"))
    page = client.get("/cases/import/").content.decode()
    assert 'value="all"' in page and 'value="skip"' in page and "Số điện thoại" in page
    client.post("/cases/import/", {"file": SimpleUploadedFile("a.csv", template_csv(CASES)), "mode": "skip"})
    assert ImportJob.objects.get().mode == "skip"
    response = client.post("/content/ingest/", {"file": SimpleUploadedFile("a.csv", b"text\nx\n"), "mode": "all"})
    assert response.status_code == 302 and ImportJob.objects.get(kind="content").mode == "skip"


def test_cases_in_skip_mode_keep_the_good_rows(world):
    values = dict.fromkeys(headers(CASES), "")
    values.update({"Lĩnh vực": "fraud", "Nguồn": "Phản ánh của người dân", "Ngày tiếp nhận": "17/02/2023"})
    good = {**values, "Tiêu đề": "Vụ đúng", "Cơ quan chủ trì": "STTTT", "Số điện thoại": "0912345678"}
    bad = {**values, "Tiêu đề": "Vụ sai", "Cơ quan chủ trì": "KHONG-CO"}
    content = xlsx_bytes([list(values), list(good.values()), list(bad.values())])
    job = run_import(job_for(world, CASES, "a.xlsx", content, mode="skip", role="officer").pk)
    assert (job.status, job.created_count, job.error_count, job.counts["indicators"]) == ("done", 1, 1, 1)
    assert job.errors == [
        {"row": 3, "column": "Cơ quan chủ trì", "message": "Không có cơ quan có ký hiệu hoặc tên “KHONG-CO”."}
    ]
    assert job.created_refs == {"cases.case": [Case.objects.get(title="Vụ đúng").pk]}


def test_a_warning_keeps_its_row(world):
    content = ("text,url\n" + "vay nhanh " * 11_000 + ",https://x.vn/1\n").encode()
    job = run_import(job_for(world, get_kind("content"), "a.csv", content, role="officer").pk)
    assert job.status == "done" and job.created_count == 1 and job.error_count == 0
    assert job.errors == [{"row": 2, "column": "text", "message": job.errors[0]["message"], "warning": True}]
    assert "100.000" in job.errors[0]["message"] or "100,000" in job.errors[0]["message"]


def test_a_job_the_broker_refuses_is_failed_not_left_queued(
    world, client, monkeypatch, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    from canhgiac.core import tasks

    def refuse(*args, **kwargs):
        raise OperationalError("Connection refused")

    monkeypatch.setattr(tasks.run_import_job, "apply_async", refuse)
    login(client, world.user("officer"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/cases/import/", {"file": SimpleUploadedFile("a.csv", template_csv(CASES))})
    job = ImportJob.objects.get()
    assert job.status == "failed" and "hàng đợi không hoạt động" in job.errors[0]["message"]
