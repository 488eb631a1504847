from django.db import migrations

from canhgiac.petitions.legal_rules import RULES_FILE as RULES


def load_rules(apps, schema_editor):
    """The petitions' legal time limits (extensions, second instance, remote areas, processing) as rule rows."""
    from canhgiac.core.reference_data import load_deadline_rules

    load_deadline_rules(apps.get_model("core", "DeadlineRule"), RULES)


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial"), ("core", "0003_workflow_deadlines_notifications")]

    operations = [migrations.RunPython(load_rules, migrations.RunPython.noop)]
