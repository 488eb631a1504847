from celery import shared_task


@shared_task(soft_time_limit=300)
def remind_heads() -> int:
    """Beat job: tell the heads (leaders of the provincial authority) once about each overdue report."""
    from canhgiac.intake.reminders import remind_heads_of_overdue

    return remind_heads_of_overdue()


@shared_task(soft_time_limit=60)
def set_report_due_date(report_id: int) -> bool:
    """Set the processing due date of a report stored from the portal (the worker reloads it by its key)."""
    from canhgiac.intake.reminders import set_missing_due_dates

    return bool(set_missing_due_dates(ids=[report_id]))


@shared_task(soft_time_limit=600)
def sweep_due_dates() -> int:
    """Beat job: portal reports of the last days that have no due date yet (the queue was down) get one."""
    from canhgiac.intake.reminders import set_missing_due_dates

    return set_missing_due_dates()
