from django.apps import AppConfig


class EpaperConfig(AppConfig):
    """Page PDFs, their images (版面图) and hot zones (热区): the printed page online."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "epaper"
    verbose_name = "数字报"

    def ready(self):
        from epaper.signal_handlers import register_signal_handlers

        register_signal_handlers()
