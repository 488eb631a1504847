from celery import shared_task

from canhgiac.core.deadlines import remind_deadlines


@shared_task(soft_time_limit=600)
def raise_deadline_reminders() -> dict[str, int]:
    """Beat job: reminders before and after each open deadline's limit (each sent once)."""
    return remind_deadlines()
