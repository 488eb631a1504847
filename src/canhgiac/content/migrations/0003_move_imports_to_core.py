"""The content ingest batches move to core.ImportJob (kind "content"); each item's ``batch`` follows its batch."""

import django.db.models.deletion
from django.db import migrations, models

CHUNK = 500


def copy_batches(apps, schema_editor):
    Batch = apps.get_model("content", "IngestBatch")
    Job = apps.get_model("core", "ImportJob")
    Item = apps.get_model("content", "ContentItem")
    HistoricalItem = apps.get_model("content", "HistoricalContentItem")
    moves = []
    for batch in Batch.objects.order_by("pk").iterator():
        errors = [
            {"row": e.get("row") or None, "column": e.get("field", ""), "message": e.get("message", "")}
            | ({} if e.get("skipped", True) else {"warning": True})
            for e in batch.errors
        ]
        job = Job.objects.create(
            kind="content",
            mode="skip",
            status=batch.status,
            file=batch.file.name if batch.file else "",
            original_name=batch.original_name,
            agency_id=batch.agency_id,
            created_by_id=batch.created_by_id,
            total_rows=batch.total_rows,
            processed_rows=batch.total_rows,
            created_count=batch.stored_count,
            error_count=batch.error_count + batch.duplicate_count,
            counts={"flagged": batch.flagged_count, "duplicates": batch.duplicate_count},
            errors=errors,
            finished=batch.finished,
        )
        Job.objects.filter(pk=job.pk).update(created=batch.created, last_updated=batch.last_updated)
        # Ids first, updates after: an old batch id may equal a new job id.
        moves.append((job.pk, list(Item.objects.filter(batch_id=batch.pk).values_list("pk", flat=True))))
        moves.append((-job.pk, list(HistoricalItem.objects.filter(batch_id=batch.pk).values_list("pk", flat=True))))
    for target, ids in moves:
        model, job_id = (Item, target) if target > 0 else (HistoricalItem, -target)
        for start in range(0, len(ids), CHUNK):
            model.objects.filter(pk__in=ids[start : start + CHUNK]).update(batch_id=job_id)


def _batch_field(constraint: bool, historical: bool):
    if historical:
        return models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING,
                                 related_name="+", to="core.importjob", verbose_name="lượt nhập")  # fmt: skip
    return models.ForeignKey(blank=True, db_constraint=constraint, null=True, on_delete=django.db.models.deletion.PROTECT,
                             related_name="content_items", to="core.importjob", verbose_name="lượt nhập")  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_ingest_batch_status"),
        ("core", "0005_import_jobs"),
    ]

    operations = [
        # The item's column now names an import job, without a constraint while the ids are rewritten.
        migrations.AlterField(model_name="contentitem", name="batch", field=_batch_field(False, False)),
        migrations.AlterField(model_name="historicalcontentitem", name="batch", field=_batch_field(False, True)),
        migrations.RunPython(copy_batches, migrations.RunPython.noop),
        migrations.AlterField(model_name="contentitem", name="batch", field=_batch_field(True, False)),
        migrations.RemoveField(model_name="ingestbatch", name="agency"),
        migrations.RemoveField(model_name="ingestbatch", name="created_by"),
        migrations.DeleteModel(name="HistoricalIngestBatch"),
        migrations.DeleteModel(name="IngestBatch"),
    ]
