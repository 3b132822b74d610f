"""Article statuses, and which of them readers may see."""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "已审"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤稿"


# A scheduled article is public from its publish time whether or not any job has flipped it.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)
