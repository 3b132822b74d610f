from django.apps import AppConfig


class PhotosConfig(AppConfig):
    """Uploaded photos' checks and renditions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "photos"
    verbose_name = "图片"
