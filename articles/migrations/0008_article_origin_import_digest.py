from django.db import migrations, models


def mark_imported(apps, schema_editor):
    """Articles an import wrote (their first revision says 导入) came from the import.

    Their digest stays empty: what an editor may have changed since cannot be known, so a
    re-import treats them as edited and never overwrites them without the operator's say.
    """
    Article = apps.get_model("articles", "Article")
    Revision = apps.get_model("articles", "Revision")
    imported = Revision.objects.filter(number=1, comment="导入").values("article_id")
    Article.objects.filter(pk__in=imported).update(origin="import")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_reader_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="import_digest",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="导入指纹"
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="origin",
            field=models.CharField(
                choices=[("admin", "后台录入"), ("import", "版面导入")],
                default="admin",
                editable=False,
                max_length=10,
                verbose_name="来源",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(("origin__in", ["admin", "import"])),
                name="article_origin_valid",
            ),
        ),
        migrations.RunPython(mark_imported, migrations.RunPython.noop),
    ]
