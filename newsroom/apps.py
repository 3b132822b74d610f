from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project itself as an app, for its start-up wiring."""

    name = "newsroom"
    verbose_name = "报社网站"

    def ready(self):
        # In every process (web workers, cron's publish_scheduled, imports), so each content
        # change invalidates the shared page cache wherever it happens.
        from newsroom import pagecache

        pagecache.connect()
