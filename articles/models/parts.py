"""The natural key shared by rows that belong to an article (credits, photos, places, tags)."""

from django.db import models


class ArticlePartManager(models.Manager):
    """Natural keys of rows that belong to an article: the article's key plus one of theirs."""

    def __init__(self, article_field="article", own_key="position"):
        super().__init__()
        self.article_field = article_field
        self.own_key = own_key

    def get_by_natural_key(self, date, page_number, article_position, own):
        a = self.article_field
        return self.get(
            **{
                f"{a}__issue__date": date,
                f"{a}__page__number": page_number,
                f"{a}__position": article_position,
                self.own_key: own,
            }
        )
