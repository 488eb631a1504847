from celery import shared_task


@shared_task(soft_time_limit=600, time_limit=660)
def run_case_import(job_id: int) -> str:
    """Run one queued import (the worker reloads the row by its key)."""
    from canhgiac.cases.imports import run_import

    return run_import(job_id).status
