from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NewsroomConfig(AppConfig):
    """The project itself as an app, for its start-up wiring."""

    name = "newsroom"
    verbose_name = "报社网站"

    def ready(self):
        # In every process (web workers, cron's publish_scheduled, imports), so each content
        # change invalidates the shared page cache wherever it happens.
        from newsroom import pagecache

        pagecache.connect()


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with our site as admin.site (named in INSTALLED_APPS)."""

    # Not the newsroom app's own config, which Django picks from this module by default.
    default = False
    default_site = "newsroom.admin_site.NewsroomAdminSite"
