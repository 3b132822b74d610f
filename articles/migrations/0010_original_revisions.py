"""Revision 1 for every article that has none: its text as it stands, so that the wording an
article was loaded with (the seed issue, an archive) can be read and restored.

Written with the migration's own models and the pure snapshot builder, so that it reads the
schema of this point in history (the same snapshot as HistoryQuerySetMixin.keep_originals).
"""

from django.db import migrations, models

from articles.models.history import build_snapshot, byline_label

BATCH = 500


def original_revisions(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Revision = apps.get_model("articles", "Revision")
    bare = Article.objects.exclude(
        models.Exists(Revision.objects.filter(article=models.OuterRef("pk")))
    ).order_by("pk")
    ids = list(bare.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        articles = (
            Article.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("section")
            .prefetch_related(
                "bylines__reporter",
                "article_regions__region",
                "photos",
                "corrections",
                "tagged_items__tag",
            )
        )
        Revision.objects.bulk_create(
            Revision(
                article=article,
                number=1,
                comment="原始稿件",
                data=snapshot(article),
                created_at=article.created_at,
            )
            for article in articles
        )


def snapshot(article):
    bylines = sorted(article.bylines.all(), key=lambda b: b.position)
    return build_snapshot(
        article,
        bylines=[
            byline_label(
                b.role,
                b.reporter.name if b.reporter_id else b.organisation,
                b.photo_id is not None,
            )
            for b in bylines
        ],
        regions=[
            ar.region.name for ar in sorted(article.article_regions.all(), key=lambda r: r.position)
        ],
        photos=[
            (p.caption, p.image.name or "", p.alt)
            for p in sorted(article.photos.all(), key=lambda p: p.position)
        ],
        tags=[item.tag.name for item in article.tagged_items.all()],
        corrections=[(c.date, c.text) for c in sorted(article.corrections.all(), key=lambda c: c.pk)],
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_photo_alt_private_original")]

    operations = [migrations.RunPython(original_revisions, migrations.RunPython.noop)]
