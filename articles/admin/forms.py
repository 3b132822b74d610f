"""The admin's forms: the article form with its edit version and its credits, the workflow's
small forms and corrections (the statistics' form is in statistics_form.py)."""

from django import forms
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from articles.dates import chinese_date, chinese_datetime
from articles.models import Article, Correction, Photo, Status
from articles.models.people import Role
from articles.models.workflow import ACTION_LABELS


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date-and-time picker; DateTimeField reads its ISO value as local time."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EditConflict(Exception):
    """Raised at save time when the article's version moved after the form was checked."""


class ArticleAdminForm(forms.ModelForm):
    # The version the editor's form was opened at; a save from an older version is refused.
    # Not named `version`: that model field is not editable, and a ModelForm refuses to list it.
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # No status or publish time: those change only through the workflow.
        fields = [
            "kicker",
            "headline",
            "subheadline",
            "page",
            "position",
            "section",
            "dateline",
            "body",
            "tags",
            "editor_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        posted = cleaned_data.get("base_version")
        current = self.current_version()
        if posted != current:
            # Show the form again with everything the editor typed, now based on the current
            # version: after reading the other change, saving again is a deliberate choice.
            self.data = self.data.copy()
            self.data[self.add_prefix("base_version")] = str(current)
            raise ValidationError(self.conflict_message(), code="conflict")
        return cleaned_data

    def current_version(self):
        # Locked until the admin's transaction ends: a second save waits for this one, then
        # finds the new version. (SQLite has no row locks; the UPDATE at save time still holds.)
        return (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )

    def conflict_message(self):
        article = self.instance
        latest = [
            (revision.created_at, revision.author)
            for revision in article.revisions.select_related("author").order_by("-number")[:1]
        ] + [
            (change.created_at, change.user)
            for change in article.status_changes.select_related("user").order_by(
                "-created_at", "-id"
            )[:1]
        ]
        who = "他人"
        if latest:
            when, user = max(latest, key=lambda pair: pair[0])
            name = (user.get_full_name() or user.get_username()) if user else "系统"
            who = f"{name} 于 {chinese_datetime(when)}"
        return format_html(
            "此稿件已被他人修改（{}），您的修改尚未保存。"
            '<a href="{}" target="_blank">查看历史</a>，'
            "核对后再次点击“保存”将以您的内容为准。",
            who,
            reverse("admin:articles_article_history", args=[article.pk]),
        )


def page_label(issue, page):
    """A page as editors name it, with its issue date: 2024年10月8日 第02版 工会."""
    return f"{chinese_date(issue.date)} {page}"


class PageChoiceField(forms.ModelChoiceField):
    # Page.__str__ has no date ("第02版 工会" exists in every issue), so the select adds it.
    def label_from_instance(self, page):
        return page_label(page.issue, page)


class SuggestingTextInput(forms.TextInput):
    """A text box with the usual values offered in a <datalist> (no script needed)."""

    # In the app, where the default form renderer looks for widget templates.
    template_name = "articles/widgets/suggesting_text_input.html"

    def __init__(self, suggestions, attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"].update(list_id=list_id, suggestions=self.suggestions)
        return context


class BylineForm(forms.ModelForm):
    class Meta:
        widgets = {"role": SuggestingTextInput(Role.values, attrs={"size": 10})}

    def clean(self):
        cleaned_data = super().clean()
        # The same rule as the byline_person_or_organisation constraint, in the editor's words.
        # The error sits on a field so that the constraint's own message is not shown as well.
        if bool(cleaned_data.get("reporter")) == bool(cleaned_data.get("organisation")):
            self.add_error("reporter", "请选择作者，或填写署名单位（二者只填一项）。")
        return cleaned_data


class BylineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A photo credit can only point at this article's photos, not at every photo on file.
        article = self.instance
        photos = article.photos.all() if article.pk else Photo.objects.none()
        form.fields["photo"].queryset = photos


class TransitionForm(forms.Form):
    """One status change from the article's page: the target comes from the button pressed."""

    to_status = forms.ChoiceField(
        label="操作", choices=[(status, ACTION_LABELS[status]) for status in Status]
    )
    comment = forms.CharField(
        label="意见",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="退回修改时必填，作者会在稿件页看到。",
    )
    publish_at = forms.DateTimeField(
        label="定时发布时间", required=False, widget=DateTimeLocalInput
    )


class WorkflowFields(forms.Form):
    """What the 定时发布 and 撤稿 actions read from the changelist's action bar."""

    publish_at = forms.DateTimeField(
        label="定时发布时间", required=False, widget=DateTimeLocalInput
    )
    comment = forms.CharField(label="撤稿意见", required=False)


class WorkflowActionForm(WorkflowFields, helpers.ActionForm):
    """The action select first, then the fields that some actions read."""


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["date", "text"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 4, "cols": 60}),
        }
