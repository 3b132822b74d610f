"""The editors' admin, one module per models module: articles, issues (with pages), people."""

from django.contrib import admin

from . import articles, issues, people  # noqa: F401  (importing registers the ModelAdmins)

# The index adds a 报表 box (通讯员发稿统计) above the apps for those allowed to see it.
admin.site.index_template = "admin/articles/index.html"
