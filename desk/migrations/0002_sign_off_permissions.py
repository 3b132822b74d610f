"""Who signs off: the duty editors and chiefs (值班主任/总编) sign and revoke; editors see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS, CHIEFS = "编辑", "值班主任/总编"
VIEWING = ["view_pagesignoff", "view_issuesignoff"]
SIGNING = VIEWING + [
    "add_pagesignoff",
    "delete_pagesignoff",
    "add_issuesignoff",
    "delete_issuesignoff",
]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can hold them.
    config = apps.get_app_config("desk")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, VIEWING), (CHIEFS, SIGNING)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="desk", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, CHIEFS]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="desk"))


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_initial"),
        ("articles", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
