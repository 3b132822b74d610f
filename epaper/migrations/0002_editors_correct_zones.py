"""Editors and chiefs may see the page PDFs and correct their zones in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["编辑", "值班主任/总编"]
CODENAMES = ["view_pagepdf", "change_pagepdf", "view_zone", "change_zone"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can hold them.
    config = apps.get_app_config("epaper")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="epaper", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="epaper", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("epaper", "0001_initial"),
        ("articles", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
