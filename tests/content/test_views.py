"""The review queue, item page actions, the upload page and the History tab, through the full Django stack."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canhgiac.cases.models import Case
from canhgiac.content import services
from canhgiac.content.filtersets import ContentItemFilterSet
from canhgiac.content.models import ContentItem
from canhgiac.core.imports.runner import run_import as run_ingest
from canhgiac.core.models import ImportJob as IngestBatch
from canhgiac.core.testing import login


def _queue_ids(client, query=""):
    page = client.get(reverse("content:review_queue") + query)
    assert page.status_code == 200
    return [int(pk) for pk in re.findall(r'href="/content/items/(\d+)/(?:\?[^"]*)?"', page.content.decode())]


def test_queue_shows_new_items_above_threshold_riskiest_first(world, make_item, client):
    low, high, mid = make_item("scam", 0.55), make_item("loan", 0.97), make_item("spam", 0.7)
    make_item("gambling", 0.3)  # below the threshold
    make_item("scam", 0.99, status="dismissed")
    make_item("normal")
    login(client, world.user("officer"))
    assert _queue_ids(client) == [high.pk, mid.pk, low.pk]


def test_queue_filters_by_class_and_platform(world, make_item, client):
    a = make_item("scam", 0.9, platform="facebook")
    b = make_item("scam", 0.8, platform="tiktok")
    c = make_item("loan", 0.95, platform="tiktok")
    login(client, world.user("officer"))
    assert _queue_ids(client, "?label=scam") == [a.pk, b.pk]
    assert _queue_ids(client, "?platform=tiktok") == [c.pk, b.pk]
    assert _queue_ids(client, "?label=scam&platform=tiktok") == [b.pk]


def test_carrier_operator_sees_an_empty_queue(world, make_item, client):
    item = make_item("scam", 0.9)
    login(client, world.user("carrier_operator"))
    assert _queue_ids(client) == []
    assert client.get(item.get_absolute_url()).status_code == 404


def test_item_page_actions_and_history_tab(world, make_item, client):
    officer = world.user("officer")
    item = make_item("spam", 0.8, text="Khuyến mãi sốc, gọi 0912345678")
    login(client, officer)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Quảng cáo rác" in page and "Chuyển thành vụ việc" in page and item.url in page
    response = client.post(reverse("content:item_review", args=[item.pk]), {"label": "scam"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.reviewed_label) == ("confirmed", "scam")
    history = client.get(item.get_absolute_url() + "history/").content.decode()
    assert str(officer) in history and "Sửa nhãn" in history
    response = client.post(reverse("content:item_escalate", args=[item.pk]))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()


def test_dismiss_button_and_read_only_role(world, make_item, client):
    item = make_item("scam", 0.9)
    login(client, world.user("viewer"))
    assert "Chuyển thành vụ việc" not in client.get(item.get_absolute_url()).content.decode()
    assert client.post(reverse("content:item_dismiss", args=[item.pk])).status_code == 403
    login(client, world.user("officer"))
    client.post(reverse("content:item_dismiss", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == "new"  # refused without a reason
    client.post(reverse("content:item_dismiss", args=[item.pk]), {"reason": "Tin trùng"})
    item.refresh_from_db()
    assert item.status == "dismissed" and item.dismiss_reason == "Tin trùng"


def test_upload_page_shows_the_batch_report(world, client):
    login(client, world.user("officer"))
    assert client.get(reverse("content:ingest")).status_code == 200
    data = "text,url\nVay nóng 50 triệu không thế chấp,https://x.vn/1\n,https://x.vn/2\n{\x00bin,https://x.vn/3\n"
    response = client.post(reverse("content:ingest"), {"file": SimpleUploadedFile("posts.csv", data.encode())})
    assert response.status_code == 302
    batch = IngestBatch.objects.get()
    queued = client.get(response["Location"]).content.decode()
    assert batch.status == "queued" and "Đang chờ xử lý" in queued and 'http-equiv="refresh"' in queued
    assert ContentItem.objects.count() == 0  # classified by the worker, not in the request
    run_ingest(batch.pk)  # what the Celery task does (tests/integration runs it on a real worker)
    report = client.get(response["Location"]).content.decode()
    assert "Hoàn thành" in report and 'http-equiv="refresh"' not in report
    assert "Hoàn thành" in client.get(reverse("content:ingest")).content.decode()  # the list of recent uploads
    assert "văn bản trống" in report and "dữ liệu nhị phân" in report
    assert ContentItem.objects.count() == 1
    assert run_ingest(batch.pk).created_count == 1 and ContentItem.objects.count() == 1  # a redelivery is a no-op
    bad = client.post(reverse("content:ingest"), {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert "Chỉ nhận tệp" in bad.content.decode()
    no_text = client.post(reverse("content:ingest"), {"file": SimpleUploadedFile("y.csv", b"a,b\n1,2\n")})
    assert "Thiếu cột văn bản" in no_text.content.decode() and ContentItem.objects.count() == 1


def test_item_list_and_export(world, make_item, client):
    item = make_item("loan", 0.4)
    login(client, world.user("officer"))
    assert item.get_absolute_url() in client.get(reverse("content:item_list")).content.decode()
    csv_rows = client.get(reverse("content:item_list") + "?_export=csv").content.decode().splitlines()
    assert len(csv_rows) == 2 and item.text in csv_rows[1]


def test_filterset_covers_fields(db):
    """Every relation and choice field of ContentItem can be filtered on (as ModelTests checks for others)."""
    declared = set(ContentItemFilterSet.base_filters)
    for field in ContentItem._meta.get_fields():
        if field.name in ("id", "created", "last_updated", "created_by") or not getattr(field, "concrete", False):
            continue
        if field.is_relation or getattr(field, "choices", None):
            assert field.name in declared, field.name


def test_an_unreadable_queued_file_fails_its_batch_and_stores_nothing(world, client):
    officer = world.user("officer")
    upload = SimpleUploadedFile("posts.jsonl", '{"text": "Vay nóng 50 triệu"}\n'.encode())
    batch = services.queue_ingest(upload, actor=officer)
    batch.file.delete(save=False)  # the stored file went missing before the worker ran
    batch = run_ingest(batch.pk)
    assert batch.status == "failed" and batch.errors[0]["row"] is None and ContentItem.objects.count() == 0
    login(client, officer)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Lỗi, không nhập được" in page


def test_platform_filter_lists_each_platform_once(world, make_item):
    from canhgiac.content.filtersets import platform_choices

    for risk in (0.9, 0.8, 0.7):
        make_item("scam", risk, platform="facebook")
    make_item("loan", 0.6, platform="zalo")
    make_item("loan", 0.6, platform="baochi")
    assert platform_choices() == [("baochi", "Báo chí"), ("facebook", "Facebook"), ("zalo", "Zalo")]


def test_the_xlsx_template_of_the_content_import_is_accepted_back(world, client):
    from canhgiac.core.imports.kinds import get_kind
    from canhgiac.core.imports.templates import template_xlsx

    login(client, world.user("officer"))
    upload = SimpleUploadedFile("mau.xlsx", template_xlsx(get_kind("content")))
    response = client.post(reverse("content:ingest"), {"file": upload})
    job = IngestBatch.objects.get()
    assert response["Location"] == reverse("content:batch", args=[job.pk])
    job = run_ingest(job.pk)
    assert job.status == "done" and job.created_count == 1, job.errors
    assert ContentItem.objects.get().label == "loan"
