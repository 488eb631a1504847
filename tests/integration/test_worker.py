"""The import job runs through a real Celery worker process, on the embedded broker and on Redis."""

import pytest
from celery import Celery
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from canhgiac.cases.models import Case
from canhgiac.core.imports.kinds import get_kind
from canhgiac.core.imports.templates import template_xlsx
from canhgiac.core.models import ImportJob
from canhgiac.core.testing import login
from tests.processes import wait_until

pytestmark = pytest.mark.worker


def _job_finished(job):
    job.refresh_from_db()
    return job.status in ("done", "failed")


def test_upload_is_imported_by_worker_on_embedded_broker(world, start_worker, client):
    worker = start_worker()
    login(client, world.user("officer"))
    client.post("/cases/import/", {"file": SimpleUploadedFile("mau.xlsx", template_xlsx(get_kind("cases")))})
    job = ImportJob.objects.get()
    wait_until(lambda: _job_finished(job), 90, "the worker to run the import")
    assert worker.poll() is None
    assert job.status == "done", job.errors
    assert Case.objects.get().created_by == world.user("officer")


@pytest.mark.redis
def test_import_runs_on_redis_broker(world, start_worker, redis_url):
    start_worker(redis_url)
    job = ImportJob(kind="cases", mode="all", original_name="mau.xlsx", created_by=world.user("officer"))
    job.file.save("mau.xlsx", ContentFile(template_xlsx(get_kind("cases"))), save=False)
    job.save()
    sender = Celery(broker=redis_url, set_as_current=False)
    sender.send_task("canhgiac.core.tasks.run_import_job", args=[job.pk])
    wait_until(lambda: _job_finished(job), 90, "the worker on Redis to run the import")
    assert job.status == "done", job.errors
    assert Case.objects.count() == 1


def test_content_upload_is_classified_by_the_worker(world, start_worker, client):
    from canhgiac.content.models import ContentItem

    worker = start_worker()
    login(client, world.user("officer"))
    data = "text,url\nVay nóng 50 triệu không thế chấp gọi 0912345678,https://x.vn/1\n,https://x.vn/2\n"
    client.post("/content/ingest/", {"file": SimpleUploadedFile("posts.csv", data.encode())})
    batch = ImportJob.objects.get(kind="content")

    def finished():
        batch.refresh_from_db()
        return batch.status in ("done", "failed")

    wait_until(finished, 90, "the worker to classify the upload")
    assert worker.poll() is None
    assert batch.status == "done" and batch.created_count == 1 and batch.error_count == 1, batch.errors
    assert ContentItem.objects.get().label == "loan"


def test_a_broken_upload_ends_failed_on_the_worker(world, start_worker, client):
    """A one-column CSV used to leave its job "running" forever; on the worker it ends with a Vietnamese reason."""
    start_worker()
    login(client, world.user("officer"))
    client.post("/cases/import/", {"file": SimpleUploadedFile("mot-cot.csv", "Tiêu đề\nVụ 1\n".encode())})
    job = ImportJob.objects.get()
    wait_until(lambda: _job_finished(job), 90, "the worker to run the import")
    assert job.status == "failed" and "Thiếu cột" in job.errors[0]["message"]
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Lỗi, không nhập được" in page and 'http-equiv="refresh"' not in page
