from celery import shared_task

from canhgiac.rounds.services import remind_late


@shared_task(soft_time_limit=600)
def remind_late_contributions() -> int:
    """Beat job: remind the agencies whose part of a round is late (each part at most every few days)."""
    return len(remind_late())
