from django.apps import AppConfig
from django_tasks_db.apps import TasksAppConfig


class ImportingConfig(AppConfig):
    """Loading print issues from page files (text or PDF) into articles and page PDFs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "importing"
    verbose_name = "导入"


class TaskQueueConfig(TasksAppConfig):
    """django-tasks-db's queue of background tasks, under a Chinese name in the admin (its rows'
    fields are translated in newsroom/locale). Same label, so its migrations are unchanged."""

    verbose_name = "后台任务"
