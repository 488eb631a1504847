"""Services of the spreadsheet import: queue a job, run it through the worker, all rows or none."""

from django.db import transaction
from django.utils import timezone

from canhgiac.cases import importer
from canhgiac.cases.models import ImportJob, Indicator
from canhgiac.cases.models.imports import ImportJobStatusChoices as Status
from canhgiac.cases.services import create_case
from canhgiac.core.services import require_write


@transaction.atomic
def queue_import(uploaded, *, actor) -> ImportJob:
    """Store the uploaded file and queue its import on the Celery worker once this transaction commits."""
    from canhgiac.cases.tasks import run_case_import

    require_write(actor)
    job = ImportJob(original_name=uploaded.name[:255], created_by=actor)
    job.file.save(uploaded.name, uploaded, save=False)
    job.save()
    transaction.on_commit(lambda: run_case_import.delay(job.pk))
    return job


def run_import(job_id: int) -> ImportJob:
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status in (Status.DONE, Status.FAILED):
        return job
    job.status = Status.RUNNING
    job.save(update_fields=["status", "last_updated"])
    try:
        with job.file.open("rb") as handle:
            content = handle.read()
        rows, errors = importer.parse(job.original_name, content)
    except importer.ImportFileError as exc:
        return _finish(job, Status.FAILED, errors=[{"row": None, "column": "", "reason": str(exc)}])
    if errors:
        return _finish(job, Status.FAILED, errors=[e.as_dict() for e in errors])
    indicators_before = Indicator.objects.count()
    try:
        with transaction.atomic():
            for row in rows:
                create_case(actor=job.created_by, indicators=row.indicators, **row.fields)
    except Exception as exc:  # any failure rolls every row back; the job records why
        return _finish(job, Status.FAILED, errors=[{"row": None, "column": "", "reason": str(exc)}])
    return _finish(
        job,
        Status.DONE,
        created_cases=len(rows),
        created_indicators=Indicator.objects.count() - indicators_before,
    )


def _finish(job: ImportJob, status: Status, *, errors=(), created_cases: int = 0, created_indicators: int = 0):
    job.status = status
    job.errors = list(errors)
    job.created_cases = created_cases
    job.created_indicators = created_indicators
    job.finished = timezone.now()
    job.save(update_fields=["status", "errors", "created_cases", "created_indicators", "finished", "last_updated"])
    return job


__all__ = ["queue_import", "run_import"]
