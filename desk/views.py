"""The desk page (the admin's index for editorial users) and the sign-off buttons on it.

Status changes are not here: the desk's buttons post to the article admin's own transition view
(articles/admin/workflow.py), which checks permissions and moves the article, then comes back.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from articles.models import Issue, Page

from .board import desk_actions, issue_boards, issues_on_the_desk, tasks_for
from .forms import IssueDateForm, SignOffForm
from .models import IssueSignOff, PageSignOff


def desk(request, admin_context):
    form = IssueDateForm(request.GET)
    date = form.cleaned_data["date"] if form.is_valid() else None
    user = request.user
    boards = []
    if user.has_perm("articles.review_article"):
        # Contributors see their own pieces only (in the tasks), never the pages of others.
        boards = issue_boards(issues_on_the_desk(date=date))
    tasks = tasks_for(user)
    rows = [a for board in boards for page in board.pages for a in page.articles]
    for article in rows + [a for task in tasks for a in task.rows]:
        article.desk_actions = desk_actions(article, user)
    context = {
        **admin_context,
        "title": "工作台",
        "date_form": form,
        "boards": boards,
        "tasks": tasks,
        "desk_url": request.get_full_path(),
        "may_sign_pages": user.has_perm("desk.add_pagesignoff"),
        "may_revoke_pages": user.has_perm("desk.delete_pagesignoff"),
        "may_sign_issues": user.has_perm("desk.add_issuesignoff"),
        "may_revoke_issues": user.has_perm("desk.delete_issuesignoff"),
    }
    return TemplateResponse(request, "desk/desk.html", context)


def back_to_desk(issue):
    return HttpResponseRedirect(reverse("admin:index") + "?" + urlencode({"date": issue.date}))


def _sign(request, model, target, issue):
    form = SignOffForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        # PermissionDenied (403) for those who may not sign off.
        model.sign(target, request.user, note)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"{target}：已签版。")
    return back_to_desk(issue)


def _revoke(request, sign_off, target, issue):
    try:
        sign_off.revoke(request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"{target}：已撤销签版。")
    return back_to_desk(issue)


@require_POST
def sign_off_page(request, page_id):
    page = get_object_or_404(Page.objects.select_related("issue"), pk=page_id)
    return _sign(request, PageSignOff, page, page.issue)


@require_POST
def sign_off_issue(request, issue_id):
    issue = get_object_or_404(Issue, pk=issue_id)
    return _sign(request, IssueSignOff, issue, issue)


@require_POST
def revoke_page_sign_off(request, sign_off_id):
    sign_off = get_object_or_404(PageSignOff.objects.select_related("page__issue"), pk=sign_off_id)
    return _revoke(request, sign_off, sign_off.page, sign_off.page.issue)


@require_POST
def revoke_issue_sign_off(request, sign_off_id):
    sign_off = get_object_or_404(IssueSignOff.objects.select_related("issue"), pk=sign_off_id)
    return _revoke(request, sign_off, sign_off.issue, sign_off.issue)
