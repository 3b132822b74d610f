from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """Loading print issues from page files (text or PDF) into articles and page PDFs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "importing"
    verbose_name = "导入"
