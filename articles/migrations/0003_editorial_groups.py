"""The newsroom's three roles as Django groups, with the permissions each role holds."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTORS = "通讯员/记者"
EDITORS = "编辑"
CHIEFS = "值班主任/总编"

READ_ONLY = ["view_issue", "view_page", "view_section", "view_reporter", "view_region"]
CONTRIBUTOR = READ_ONLY + [
    "add_article",
    "change_article",
    "view_article",
    "add_byline",
    "change_byline",
    "delete_byline",
    "view_byline",
    "add_photo",
    "change_photo",
    "delete_photo",
    "view_photo",
    "add_reporter",
    "submit_article",
]
EDITOR = CONTRIBUTOR + [
    "delete_article",
    "review_article",
    "publish_article",
    "view_statistics",
    "add_issue",
    "change_issue",
    "add_page",
    "change_page",
    "delete_page",
    "add_section",
    "change_section",
    "change_reporter",
    "add_correction",
    "change_correction",
    "view_correction",
    "view_revision",
    "view_statuschange",
]
CHIEF = EDITOR + ["withdraw_article", "publish_issue", "delete_issue"]


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can hold them.
    for label in ("articles", "regions"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((CONTRIBUTORS, CONTRIBUTOR), (EDITORS, EDITOR), (CHIEFS, CHIEF)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["articles", "regions"], codename__in=codenames
            )
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[CONTRIBUTORS, EDITORS, CHIEFS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_workflow_history"),
        ("regions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
