"""Queue and run import jobs: read and parse every row outside any transaction (CPU work: normalisation,
classification), then write in one transaction (all or nothing) or one per chunk (skip bad rows).

Whatever happens, a job that started ends ``done`` or ``failed`` with a Vietnamese message: a file that cannot be
read, too many rows, a row the kind refuses, a library error, the worker's time limit.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import closing
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from canhgiac.core.imports.kinds import (
    ImportFileError,
    ImportKind,
    ImportModeChoices,
    Row,
    RowError,
    RowInvalid,
    Written,
    get_kind,
)
from canhgiac.core.imports.messages import explain
from canhgiac.core.imports.reading import iter_rows
from canhgiac.core.models.imports import ImportJob
from canhgiac.core.models.imports import ImportJobStatusChoices as Status
from canhgiac.core.services import ServiceError, require_write, set_history

log = logging.getLogger(__name__)


class ImportRefused(ServiceError):
    """The upload cannot be queued (unknown kind, a mode the kind does not offer, a file type it does not read)."""


def _new_job(kind_name: str, upload, *, actor, mode: str | None) -> ImportJob:
    from canhgiac.core.imports.reading import file_format

    try:
        kind = get_kind(kind_name)
        require_write(actor, kind.write_area)
        name = Path(upload.name or "tep-nhap").name
        file_format(name, kind)
    except ImportFileError as exc:
        raise ImportRefused(str(exc)) from exc
    mode = mode or kind.default_mode
    if mode not in kind.modes:
        raise ImportRefused(f"Dữ liệu “{kind.label}” không nhập theo cách “{ImportModeChoices(mode).label}”.")
    job = ImportJob(
        kind=kind.name, mode=mode, original_name=name[:255], agency=getattr(actor, "agency", None), created_by=actor
    )
    job.file.save(name, upload, save=False)
    set_history(job, actor, "Nhận tệp nhập dữ liệu")
    job.save()
    return job


@transaction.atomic
def queue_import(kind_name: str, upload, *, actor, mode: str | None = None) -> ImportJob:
    """Keep the uploaded file and run its import on the Celery worker once this transaction commits."""
    from canhgiac.core.tasks import run_import_job

    job = _new_job(kind_name, upload, actor=actor, mode=mode)

    def send():
        try:
            run_import_job.apply_async((job.pk,), queue=get_kind(kind_name).queue)
        except Exception:  # the broker is down: the job says so instead of waiting forever
            log.exception("import job %s: not queued", job.pk)
            message = "Không gửi được tệp tới tiến trình xử lý nền (hàng đợi không hoạt động); hãy thử lại sau."
            _finish(ImportJob.objects.get(pk=job.pk), Status.FAILED, [_file_error(message)])

    transaction.on_commit(send)
    return job


def import_now(kind_name: str, source, *, actor, mode: str | None = None) -> ImportJob:
    """Import a local file (a path) or an upload now, in this process (the command line): the same job and
    runner as an upload queued for the worker."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise ImportRefused(f"Không tìm thấy tệp {path}.")
        with path.open("rb") as handle:
            job = _new_job(kind_name, File(handle, name=path.name), actor=actor, mode=mode)
    else:
        job = _new_job(kind_name, source, actor=actor, mode=mode)
    return run_import(job.pk)


def run_import(job_id: int) -> ImportJob:
    """Run one job (the worker's task; a redelivered message for a job already run does nothing)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started=timezone.now()
    )
    job = ImportJob.objects.select_related("created_by", "agency").get(pk=job_id)
    if not claimed:
        if job.status == Status.RUNNING:  # the worker that held it died: say so instead of "running" forever
            return _finish(job, Status.FAILED, [_file_error("Lượt nhập bị gián đoạn giữa chừng; hãy nhập lại tệp.")])
        return job
    try:
        return _run(job, get_kind(job.kind))
    except SoftTimeLimitExceeded:
        return _finish(job, Status.FAILED, [_file_error("Quá thời gian xử lý cho phép; hãy chia tệp nhỏ hơn.")])
    except (ImportFileError, ServiceError) as exc:
        return _finish(job, Status.FAILED, [_file_error(str(exc))])
    except OSError as exc:
        log.exception("import job %s: file unreadable", job.pk)
        return _finish(job, Status.FAILED, [_file_error(f"Không đọc được tệp đã tải lên ({explain(exc)}).")])
    except Exception as exc:  # any other failure still ends the job, with a message; the traceback goes to the log
        log.exception("import job %s failed", job.pk)
        return _finish(job, Status.FAILED, [_file_error(f"Lỗi hệ thống khi nhập: {explain(exc)}.")])


def fail_if_abandoned(job: ImportJob) -> ImportJob:
    """A job still "running" after the worker's hard time limit was killed with its worker: say so (the status
    page calls this, so no job shows "running" forever)."""
    from canhgiac.core.tasks import run_import_job

    limit = dt.timedelta(seconds=(run_import_job.time_limit or 0) + 60)
    if job.status == Status.RUNNING and job.started and timezone.now() - job.started > limit:
        claimed = ImportJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(status=Status.FAILED)
        if claimed:
            message = "Lượt nhập bị dừng vì quá thời gian xử lý cho phép; hãy chia tệp nhỏ hơn rồi nhập lại."
            return _finish(job, Status.FAILED, [_file_error(message)])
    return job


def _file_error(message: str) -> RowError:
    return RowError(None, "", message)


def parse_rows(kind: ImportKind, handle, name: str, context: dict) -> tuple[list[Row], list[RowError]]:
    """Read and parse every row of ``handle`` (CPU only, no write): the rows kept and every row error, the
    checks between rows (duplicates) included. Raises :class:`ImportFileError` for the file as a whole."""
    rows, errors = [], []
    with closing(iter_rows(handle, name, kind)) as items:
        for item in items:
            if isinstance(item, RowError):
                errors.append(item)
                continue
            try:
                item.parsed = kind.parse_row(item, context)
            except RowInvalid as exc:
                errors.extend(exc.errors)
                continue
            except SoftTimeLimitExceeded:
                raise
            except Exception as exc:  # a library's own error on a strange value: one row error, in Vietnamese
                log.info("import of %s, row %s: %r", name, item.number, exc)
                errors.append(RowError(item.number, "", explain(exc)))
                continue
            rows.append(item)
    if not rows and not errors:
        raise ImportFileError(f"Tệp “{name}” chỉ có dòng tiêu đề, không có dòng dữ liệu nào.")
    errors += kind.check_rows(rows, context)
    return _keep(rows, errors), errors


def _keep(rows: list[Row], errors: list[RowError]) -> list[Row]:
    refused = {e.row for e in errors if not e.warning}
    return [r for r in rows if r.number not in refused]


class _Rollback(Exception):
    def __init__(self, written: Written):
        self.written = written


def _run(job: ImportJob, kind: ImportKind) -> ImportJob:
    require_write(job.created_by, kind.write_area)
    context = kind.start(job)
    with job.file.open("rb") as handle:
        rows, errors = parse_rows(kind, handle, job.original_name, context)
    job.total_rows = len(rows) + len({e.row for e in errors if not e.warning})
    ImportJob.objects.filter(pk=job.pk).update(total_rows=job.total_rows)
    everything = job.mode == ImportModeChoices.ALL_OR_NOTHING
    if everything and any(not e.warning for e in errors):
        return _finish(job, Status.FAILED, errors)
    done = Written()
    chunks = [rows] if everything else [rows[i : i + kind.chunk_size] for i in range(0, len(rows), kind.chunk_size)]
    chunks = chunks or [[]]  # a kind still reports its counters when every row was refused
    for chunk in chunks:
        refused = kind.prepare(chunk, job, context)  # slow work, no transaction open
        errors += refused
        chunk = _keep(chunk, refused)
        if everything and refused:
            return _finish(job, Status.FAILED, errors)
        try:
            with transaction.atomic():
                written = kind.write(chunk, job, context)
                if everything and written.errors:
                    raise _Rollback(written)
        except _Rollback as exc:
            return _finish(job, Status.FAILED, errors + exc.written.errors)
        _add(done, written)
        errors += written.errors
        job.processed_rows += len(chunk)
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=job.processed_rows)
    return _finish(job, Status.DONE, errors + [w for r in rows for w in r.warnings], done)


def _add(total: Written, part: Written) -> None:
    total.created += part.created
    for key, value in part.counts.items():
        total.counts[key] = total.counts.get(key, 0) + value


def _finish(job: ImportJob, status: str, errors: list[RowError], written: Written | None = None) -> ImportJob:
    errors = sorted(errors, key=lambda e: (e.row or 0, e.warning))
    job.status, job.finished = status, timezone.now()
    job.errors = [e.as_dict() for e in errors]
    job.error_count = len({e.row for e in errors if not e.warning and e.row is not None})
    if written is not None:
        job.created_count = len(written.created)
        job.counts = written.counts
        refs: dict[str, list[int]] = {}
        for obj in written.created:
            refs.setdefault(obj._meta.label_lower, []).append(obj.pk)
        job.created_refs = refs
    set_history(job, job.created_by, "Kết quả nhập" if status == Status.DONE else "Nhập không thành công")
    job.save()
    return job
