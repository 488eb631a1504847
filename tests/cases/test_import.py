import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from canhgiac.cases.models import Case, Indicator
from canhgiac.core.imports.kinds import get_kind
from canhgiac.core.imports.runner import run_import
from canhgiac.core.imports.templates import headers, template_xlsx
from canhgiac.core.models import ImportJob
from canhgiac.core.testing import login

KIND = get_kind("cases")
HEADERS = headers(KIND)


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row(title="Lừa đảo qua điện thoại", category="fraud", date="17/02/2023", agency="STTTT", phones="", damage=""):
    values = {label: "" for label in HEADERS}
    values.update(
        {
            "Tiêu đề": title,
            "Lĩnh vực": category,
            "Nguồn": "Phản ánh của người dân",
            "Ngày tiếp nhận": date,
            "Cơ quan chủ trì": agency,
            "Số điện thoại": phones,
            "Thiệt hại (đồng)": damage,
        }
    )
    return [values[label] for label in HEADERS]


def make_job(world, name, content):
    from django.core.files.base import ContentFile

    job = ImportJob(kind="cases", mode="all", original_name=name, created_by=world.user("officer"))
    job.file.save(name, ContentFile(content), save=False)
    job.save()
    return job


def test_template_downloads_have_every_column(world, client):
    login(client, world.user("officer"))
    response = client.get("/cases/import/template.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADERS
    csv_text = client.get("/cases/import/template.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].split(",")[0] == "Tiêu đề"


def test_template_example_row_imports(world):
    job = run_import(make_job(world, "mau.xlsx", template_xlsx(KIND)).pk)
    assert job.status == "done", job.errors
    case = Case.objects.get()
    assert case.damage_vnd == 25_850_000
    assert set(case.indicators.values_list("kind", flat=True)) == {"phone", "domain", "bank_account", "social"}


def test_valid_file_creates_every_case_and_dedupes_indicators(world):
    content = xlsx([row(phones="0912345678; 0987654321"), row(title="Vụ 2", phones="+84912345678", damage="1.500.000")])
    job = run_import(make_job(world, "ok.xlsx", content).pk)
    assert (job.status, job.created_count, job.counts["indicators"]) == ("done", 2, 2)
    assert Case.objects.get(title="Vụ 2").damage_vnd == 1_500_000


def test_one_bad_row_imports_nothing_and_reports_every_error(world):
    make_job(world, "first.xlsx", b"")  # unrelated stored job stays untouched
    before = Case.objects.count()
    content = xlsx(
        [
            row(),
            row(category="không rõ", date="31/02/2023", phones="0912abc"),
            row(agency="KHONG-CO", damage="-5"),
        ]
    )
    job = run_import(make_job(world, "bad.xlsx", content).pk)
    assert job.status == "failed"
    errors = {(e["row"], e["column"]) for e in job.errors}
    assert errors == {
        (3, "Lĩnh vực"),
        (3, "Ngày tiếp nhận"),
        (3, "Số điện thoại"),
        (4, "Cơ quan chủ trì"),
        (4, "Thiệt hại (đồng)"),
    }
    assert Case.objects.count() == before and not Indicator.objects.exists()


def test_csv_with_semicolons_and_bom(world):
    text = "\ufeff" + ";".join(HEADERS) + "\n" + ";".join(row(phones="0912345678")).replace(";;", "; ;") + "\n"
    job = run_import(make_job(world, "a.csv", text.encode("utf-8")).pk)
    assert job.status == "done", job.errors


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("a.xlsx", b"not a zip", "Không đọc được tệp XLSX"),
        ("a.csv", "Tiêu đề\n".encode("latin-1", "replace"), "không phải mã UTF-8"),
        ("a.pdf", b"%PDF", "chỉ nhận tệp .xlsx hoặc .csv"),
        ("a.csv", "Tiêu đề,Lĩnh vực\nx,fraud\n".encode(), "Thiếu cột"),
        ("a.csv", b"", "không có dữ liệu"),
    ],
)
def test_broken_files_fail_with_a_clear_reason(world, name, content, fragment):
    job = run_import(make_job(world, name, content).pk)
    assert job.status == "failed" and fragment in job.errors[0]["message"]


def test_upload_page_queues_a_job(world, client):
    login(client, world.user("officer"))
    response = client.post("/cases/import/", {"file": SimpleUploadedFile("ok.xlsx", xlsx([row()]))})
    job = ImportJob.objects.get()
    assert response["Location"] == f"/cases/import/{job.pk}/"
    assert job.status == "queued" and job.created_by == world.user("officer")
    run_import(job.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Hoàn thành" in page


def test_error_report_page_lists_rows(world, client):
    job = run_import(make_job(world, "bad.xlsx", xlsx([row(date="hôm qua")])).pk)
    login(client, world.user("officer"))
    page = client.get(f"/cases/import/{job.pk}/").content.decode()
    assert "không phải ngày" in page and "<td>2</td>" in page


def test_locality_column_names_a_commune_in_force_on_the_cases_date(world):
    from canhgiac.units.models import AdministrativeUnit

    AdministrativeUnit.objects.create(
        code="C0", name="Xã Cũ", kind="commune", parent=world.units["STTTT"],
        valid_from="2020-01-01", valid_to="2025-06-30",
    )  # fmt: skip
    rows = []
    for title, date, place in [("Vụ ở phường", "02/08/2025", "Phường Một"), ("Vụ theo mã", "02/08/2025", "99002"),
                               ("Vụ cũ", "17/02/2023", "xã cũ")]:  # fmt: skip
        values = row(title=title, date=date)
        values[HEADERS.index("Địa bàn (xã/phường)")] = place
        rows.append(values)
    job = run_import(make_job(world, "ok.xlsx", xlsx(rows)).pk)
    assert job.status == "done", job.errors
    assert dict(Case.objects.values_list("title", "locality__name")) == {
        "Vụ ở phường": "Phường Một", "Vụ theo mã": "Xã Hai", "Vụ cũ": "Xã Cũ"
    }  # fmt: skip
    bad = []
    for date, place in [("02/08/2025", "Xã Cũ"), ("02/08/2025", "Xã Không Có")]:
        values = row(title="Sai", date=date)
        values[HEADERS.index("Địa bàn (xã/phường)")] = place
        bad.append(values)
    job = run_import(make_job(world, "bad.xlsx", xlsx(bad)).pk)
    messages = [(e["row"], e["column"], e["message"]) for e in job.errors]
    assert job.status == "failed" and [m[:2] for m in messages] == [
        (2, "Địa bàn (xã/phường)"),
        (3, "Địa bàn (xã/phường)"),
    ]
    assert "không còn hiệu lực ngày 02/08/2025" in messages[0][2] and "“Xã Không Có”" in messages[1][2]
    assert not Case.objects.filter(title="Sai").exists()
