from celery import shared_task


@shared_task(soft_time_limit=1800, time_limit=1860)
def run_content_ingest(batch_id: int) -> str:
    """Classify and store one uploaded social-listening export (the worker reloads the batch by its key)."""
    from canhgiac.content.services import run_ingest

    return run_ingest(batch_id).status
