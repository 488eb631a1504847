"""The cases import jobs move to core.ImportJob (kind "cases"); the old table goes."""

from django.db import migrations


def copy_jobs(apps, schema_editor):
    Old = apps.get_model("cases", "ImportJob")
    New = apps.get_model("core", "ImportJob")
    for old in Old.objects.select_related("created_by").order_by("pk").iterator():
        errors = [{"row": e.get("row"), "column": e.get("column", ""), "message": e.get("reason", "")} for e in old.errors]
        job = New.objects.create(
            kind="cases",
            mode="all",
            status=old.status,
            file=old.file.name,
            original_name=old.original_name,
            agency_id=getattr(old.created_by, "agency_id", None),
            created_by_id=old.created_by_id,
            created_count=old.created_cases,
            error_count=len({e["row"] for e in errors if e["row"] is not None}),
            counts={"indicators": old.created_indicators},
            errors=errors,
            finished=old.finished,
        )
        New.objects.filter(pk=job.pk).update(created=old.created, last_updated=old.last_updated)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_field_labels_and_validators"),
        ("core", "0005_import_jobs"),
    ]

    operations = [
        migrations.RunPython(copy_jobs, migrations.RunPython.noop),
        migrations.RemoveField(model_name="importjob", name="created_by"),
        migrations.DeleteModel(name="HistoricalImportJob"),
        migrations.DeleteModel(name="ImportJob"),
    ]
