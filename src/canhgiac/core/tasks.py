from celery import shared_task

from canhgiac.core.deadlines import remind_deadlines


@shared_task(soft_time_limit=600)
def raise_deadline_reminders() -> dict[str, int]:
    """Beat job: reminders before and after each open deadline's limit (each sent once)."""
    return remind_deadlines()


@shared_task(soft_time_limit=1800, time_limit=1860)
def run_import_job(job_id: int) -> str:
    """Run one queued import job of any kind (the worker reloads the row by its key)."""
    from canhgiac.core.imports.runner import run_import

    return run_import(job_id).status
