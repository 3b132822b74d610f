"""The desk's sign-off URLs, mounted by the admin site (newsroom/admin_site.py) behind its login."""

from django.urls import path

from . import views

# Each view is wrapped by the admin site's admin_view (staff login, CSRF) when mounted.
VIEWS = [
    ("pages/<int:page_id>/sign-off/", views.sign_off_page, "desk_sign_off_page"),
    ("issues/<int:issue_id>/sign-off/", views.sign_off_issue, "desk_sign_off_issue"),
    ("page-sign-offs/<int:sign_off_id>/revoke/", views.revoke_page_sign_off, "desk_revoke_page"),
    ("issue-sign-offs/<int:sign_off_id>/revoke/", views.revoke_issue_sign_off, "desk_revoke_issue"),
]


def urls_for(admin_view):
    return [path(f"desk/{route}", admin_view(view), name=name) for route, view, name in VIEWS]
