from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The duty editor's view of the issue being made: its pages, what waits, and sign-offs."""

    name = "desk"
    verbose_name = "工作台"
    default_auto_field = "django.db.models.BigAutoField"
