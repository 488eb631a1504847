from celery import shared_task

from canhgiac.petitions.steps import flag_overdue_petitions


@shared_task(soft_time_limit=600)
def flag_overdue() -> int:
    """Beat job: mark the open petitions that ran past a legal limit (reminders are the core deadline job's)."""
    return flag_overdue_petitions()
