from django.db import migrations


def create_version_row(apps, schema_editor):
    # Present from the start, so that a store's share lock on it always has a row to hold.
    apps.get_model("prerendered", "Version").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("prerendered", "0001_initial")]

    operations = [migrations.RunPython(create_version_row, migrations.RunPython.noop)]
