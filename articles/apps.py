from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The paper: issues, pages, articles, people and their credits, and the readers' site."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件"

    def ready(self):
        from articles.signal_handlers import register_signal_handlers

        # Each article's search document follows its text, credits, places and tags; every
        # change readers might see is announced as content_changed (newsroom.pagecache listens).
        register_signal_handlers()
