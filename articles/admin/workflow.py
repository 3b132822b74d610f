"""The article admin's workflow pages and actions, each a thin call into the article's own rules.

Status changes (one article or many), the revisions page with its diff and restore, and
corrections. Permissions are checked here for the page and again by the model for the change,
so a forged POST gets no further than a button the user never saw.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles.models import Article, Status
from articles.models.history import SNAPSHOT_LABELS
from articles.models.workflow import ACTION_LABELS

from .forms import CorrectionForm, TransitionForm, WorkflowFields

EDITOR_NOTE_LABEL = SNAPSHOT_LABELS["editor_note"]


class ArticleWorkflowViews:
    """Custom admin views of ArticleAdmin (URLs in ArticleAdmin.get_urls)."""

    def article_or_refuse(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("稿件不存在。")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def sees_editor_notes(self, request):
        # The editors' internal note: for those who review, not for contributors.
        return request.user.has_perm("articles.review_article")

    def change_page(self, article, request=None):
        """Back to the article's page, or to the page the button was on (the desk) if it is
        one of ours."""
        back = request.POST.get("next", "") if request is not None else ""
        if back and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return HttpResponseRedirect(back)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def page_context(self, request, article, title):
        # What object_page.html reads: its crumbs (opts, original) and the heading.
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": title,
            "subtitle": str(article),
        }

    @method_decorator(require_POST)
    def transition_view(self, request, object_id):
        article = self.article_or_refuse(request, object_id)
        form = TransitionForm(request.POST)
        if not form.is_valid():
            errors = [error for field_errors in form.errors.values() for error in field_errors]
            self.message_user(request, "；".join(errors), messages.ERROR)
            return self.change_page(article, request)
        to_status = form.cleaned_data["to_status"]
        try:
            # Raises PermissionDenied (403) for a status this user may not set.
            article.transition(
                to_status,
                request.user,
                comment=form.cleaned_data["comment"],
                publish_at=form.cleaned_data["publish_at"],
            )
        except ValidationError as error:
            self.message_user(request, "；".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request, f"“{article}”：{ACTION_LABELS[to_status]}完成。", messages.SUCCESS
            )
        return self.change_page(article, request)

    def history_view(self, request, object_id, extra_context=None):
        """The article's one history (历史): every revision with its diff, and every status
        change with its comment, newest first, from revision 1 (its first wording)."""
        article = self.article_or_refuse(request, object_id)
        revisions = list(article.revisions.select_related("author").order_by("-number"))
        changes = list(article.status_changes.select_related("user"))
        context = {
            **self.page_context(request, article, "历史"),
            "entries": history_entries(revisions, changes),
            "revisions": revisions,
        }
        return TemplateResponse(request, "admin/articles/article/history.html", context)

    def revisions_view(self, request, object_id):
        # The former 修改记录 page is now part of the one history.
        article = self.article_or_refuse(request, object_id)
        return HttpResponseRedirect(reverse("admin:articles_article_history", args=[article.pk]))

    def revision_view(self, request, object_id, number):
        article = self.article_or_refuse(request, object_id)
        revision = get_object_or_404(article.revisions.select_related("author"), number=number)
        can_restore = self.has_change_permission(request, article)
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            restored = restore(article, revision, request.user)
            self.message_user(
                request,
                f"已恢复至第{revision.number}版，并存为第{restored.number}版。",
                messages.SUCCESS,
            )
            return self.change_page(article)
        changes = revision.diff(article.snapshot())
        if not self.sees_editor_notes(request):
            changes = [(label, lines) for label, lines in changes if label != EDITOR_NOTE_LABEL]
        context = {
            **self.page_context(request, article, f"第{revision.number}版与当前稿件的差异"),
            "revision": revision,
            "changes": changes,
            "can_restore": can_restore,
        }
        return TemplateResponse(request, "admin/articles/article/revision_diff.html", context)

    def correction_view(self, request, object_id):
        article = self.article_or_refuse(request, object_id)
        if not request.user.has_perm("articles.add_correction"):
            raise PermissionDenied
        if not article.is_published():
            self.message_user(request, "只有已发布的稿件可以添加更正。", messages.ERROR)
            return self.change_page(article)
        form = CorrectionForm(request.POST or None)
        if form.is_valid():
            article.add_correction(
                form.cleaned_data["text"], request.user, form.cleaned_data["date"]
            )
            self.message_user(request, "更正已添加，并记入修改记录。", messages.SUCCESS)
            return self.change_page(article)
        context = {
            **self.page_context(request, article, "添加更正"),
            "form": form,
            "corrections": article.corrections.all(),
        }
        return TemplateResponse(request, "admin/articles/article/correction_form.html", context)


def history_entries(revisions, status_changes):
    """Revisions and status changes as one list, newest first: (time, kind, row)."""
    entries = [(r.created_at, "revision", r) for r in revisions]
    entries += [(c.created_at, "status", c) for c in status_changes]
    return sorted(entries, key=lambda entry: entry[0], reverse=True)


def restore(article, revision, user):
    """Restore revision as a new revision; the version moves, so open forms cannot save over it."""
    with transaction.atomic():
        # A fresh, locked copy: the restore saves the whole row, status included.
        current = Article.objects.select_for_update().get(pk=article.pk)
        restored = current.restore_revision(revision, user)
        Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    return restored


class BulkTransitionActions:
    """The changelist's actions: each moves every selected article the user may move, at once.

    The queryset's transition() applies the same permission rules as one article at a time, in
    a fixed number of queries whatever the selection.
    """

    def has_submit_permission(self, request):
        return request.user.has_perm("articles.submit_article")

    def has_review_permission(self, request):
        return request.user.has_perm("articles.review_article")

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_withdraw_permission(self, request):
        return request.user.has_perm("articles.withdraw_article")

    @admin.action(description="提交审核", permissions=["submit"])
    def submit_selected(self, request, queryset):
        self.transition_selected(request, queryset, Status.SUBMITTED)

    @admin.action(description="审核通过", permissions=["review"])
    def approve_selected(self, request, queryset):
        self.transition_selected(request, queryset, Status.APPROVED)

    @admin.action(description="定时发布（在右侧填写时间）", permissions=["publish"])
    def schedule_selected(self, request, queryset):
        fields = WorkflowFields(request.POST)
        publish_at = fields.cleaned_data["publish_at"] if fields.is_valid() else None
        if publish_at is None:
            self.message_user(request, "定时发布：请在操作栏填写定时发布时间。", messages.ERROR)
            return
        self.transition_selected(request, queryset, Status.SCHEDULED, publish_at=publish_at)

    @admin.action(description="发布", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.transition_selected(request, queryset, Status.PUBLISHED)

    @admin.action(description="撤稿", permissions=["withdraw"])
    def withdraw_selected(self, request, queryset):
        fields = WorkflowFields(request.POST)
        comment = fields.cleaned_data["comment"] if fields.is_valid() else ""
        self.transition_selected(request, queryset, Status.WITHDRAWN, comment=comment)

    def transition_selected(self, request, queryset, to_status, comment="", publish_at=None):
        label = ACTION_LABELS[to_status]
        selected = queryset.count()
        # The listing's prefetches and joins have no place in the locked read.
        articles = queryset.prefetch_related(None).select_related(None)
        try:
            moved = articles.transition(to_status, request.user, comment, publish_at)
        except ValidationError as error:
            self.message_user(request, f"{label}：{'；'.join(error.messages)}", messages.ERROR)
            return
        if moved:
            self.message_user(request, f"{label}：{len(moved)} 篇已完成。", messages.SUCCESS)
        refused = selected - len(moved)
        if refused:
            self.message_user(
                request,
                f"{label}：{refused} 篇未处理（当前状态不允许此操作，或您无权处理）。",
                messages.WARNING,
            )
