"""Helpers for the admin tests: users in the roles the migration creates, and posting forms.

Users are staff in the migration's groups, never superusers, so the tests exercise exactly the
permissions each role holds in production (the role fixtures are in conftest.py).
"""

from django import forms
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

CONTRIBUTORS, EDITORS, CHIEFS = "通讯员/记者", "编辑", "值班主任/总编"


def make_user(group, username):
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh instance: no stale permission cache


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def run_action(client, action, articles, **data):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], "index": "0", **data},
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def post_data_from(response):
    """What a browser would send back untouched: every field of the form and its inlines.

    Read from the GET response's context, rendering each widget's value the way its template
    does (split date/time fields become name_0/name_1; unchecked boxes are left out).
    """
    forms_on_page = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms_on_page += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms_on_page:
        for bound_field in form:
            data.update(widget_values(bound_field))
    return data


def widget_values(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    value = bound_field.value()
    if isinstance(widget, forms.CheckboxInput):
        return {bound_field.html_name: "on"} if value else {}
    if isinstance(widget, forms.FileInput):
        return {}  # no new upload keeps the stored file
    context = widget.get_context(bound_field.html_name, value, {})["widget"]
    return {
        sub["name"]: "" if sub["value"] is None else sub["value"]
        for sub in context.get("subwidgets") or [context]
    }


def form_errors(response):
    """Every error on a re-displayed admin form, to show why a save was refused."""
    if response.context is None:
        return []
    errors = [response.context["adminform"].form.errors]
    for inline in response.context["inline_admin_formsets"]:
        errors += [inline.formset.non_form_errors(), *inline.formset.errors]
    return [error for error in errors if error]
