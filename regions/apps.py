from django.apps import AppConfig


class RegionsConfig(AppConfig):
    """The Region tree (province, cities, counties and districts) and its lookups; no pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "regions"
    verbose_name = "行政区划"
