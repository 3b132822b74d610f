"""Rows that belong to an article (its places, photos and tags) and their shared natural key.

Credits (Byline) belong to an article too, and live with the people they credit (people.py).
"""

from django.db import models
from taggit.models import TaggedItemBase


class ArticlePartManager(models.Manager):
    """Natural keys of rows that belong to an article: the article's key plus one of theirs."""

    def __init__(self, article_field="article", own_key="position"):
        super().__init__()
        self.article_field = article_field
        self.own_key = own_key

    def get_by_natural_key(self, date, page_number, article_position, own):
        article = self.article_field
        return self.get(
            **{
                f"{article}__issue__date": date,
                f"{article}__page__number": page_number,
                f"{article}__position": article_position,
                self.own_key: own,
            }
        )


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    objects = ArticlePartManager(article_field="content_object", own_key="tag__name")

    class Meta:
        verbose_name = "标签关联"
        verbose_name_plural = "标签关联"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique"),
        ]
        # A tag's articles read from the index alone (its page, the list's tag filter).
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_tag_idx")]

    def natural_key(self):
        return self.content_object.natural_key() + (self.tag.name,)

    natural_key.dependencies = ["articles.article", "taggit.tag"]


class ArticleRegion(models.Model):
    """An article's place; the place the story happened comes first."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="article_regions"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name="地区", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField("顺序", default=1)

    objects = ArticlePartManager(own_key="region__code")

    class Meta:
        verbose_name = "稿件地区"
        verbose_name_plural = "稿件地区"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "region"], name="article_region_unique"),
        ]
        # A place's articles read from the index alone (its page, the list's region filter).
        indexes = [models.Index(fields=["region", "article"], name="article_region_region_idx")]

    def __str__(self):
        return str(self.region)

    def natural_key(self):
        return self.article.natural_key() + (self.region.code,)

    natural_key.dependencies = ["articles.article", "regions.region"]


class Photo(models.Model):
    article = models.ForeignKey(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="photos"
    )
    position = models.PositiveSmallIntegerField("顺序", default=1)
    caption = models.TextField("图片说明", blank=True)
    image = models.ImageField("图片文件", upload_to="photos/%Y/%m/", blank=True)

    objects = ArticlePartManager()

    class Meta:
        verbose_name = "图片"
        verbose_name_plural = "图片"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="photo_position_unique"),
        ]

    def __str__(self):
        return self.caption or f"图{self.position}"

    def natural_key(self):
        return self.article.natural_key() + (self.position,)

    natural_key.dependencies = ["articles.article"]
