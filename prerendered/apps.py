from django.apps import AppConfig


class PrerenderedConfig(AppConfig):
    """Article and list pages rendered once after each change to what they show."""

    name = "prerendered"
    verbose_name = "预渲染页"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.signals import content_changed

        from .models import forget

        # Every change readers might see is announced (articles.signals); the rendered pages that
        # show it are forgotten, and rendered again by their next reader.
        content_changed.connect(forget, weak=False, dispatch_uid="prerendered")
