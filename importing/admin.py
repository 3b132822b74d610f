"""导入新一期 on the issues' admin: the importing app adds its view to articles' IssueAdmin.

articles knows nothing of the importer (it sits below it), so the import page is added here, by
registering Issue again with IssueAdmin and the one extra URL. Its name stays
admin:articles_issue_import, so the issues' list links to it as before.
"""

from django.contrib import admin
from django.urls import path

from articles.admin.issues import IssueAdmin
from articles.models import Issue

from .views import import_issue_view


class ImportingIssueAdmin(IssueAdmin):
    def get_urls(self):
        import_issue = path(
            "import/",
            self.admin_site.admin_view(import_issue_view(self)),
            name=f"{self.opts.app_label}_{self.opts.model_name}_import",
        )
        # Before the defaults: their "<path:object_id>/" would swallow this URL.
        return [import_issue, *super().get_urls()]


admin.site.unregister(Issue)
admin.site.register(Issue, ImportingIssueAdmin)
