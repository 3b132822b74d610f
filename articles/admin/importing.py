"""导入新一期: upload page files, read the parsed preview with its warnings, confirm or cancel.

The uploaded bytes wait in the session between the preview and the confirmation, so what is
written is exactly what was previewed; cancelling (or never confirming) writes nothing.
"""

import base64
import re
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.importing.loading import LoadError, load_issue, places_from_database
from articles.importing.parsing import parse_issue
from articles.importing.review import render_review
from articles.importing.text import PageError
from articles.models import Section

SESSION_KEY = "articles.import_issue"
MAX_PAGE_BYTES = 2 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ImportForm(forms.Form):
    date = forms.DateField(label="出版日期", widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.IntegerField(
        label="期号", min_value=1, required=False, help_text="留空：沿用该日已有期号，或顺延。"
    )
    page_names = forms.CharField(
        label="版名",
        required=False,
        help_text="版面文本没有版头时使用，按版序以逗号分隔，如：要闻,工会,综合。",
    )
    files = MultipleFileField(
        label="版面文本",
        help_text="每版一个 .txt 文件（UTF-8 或 GBK/GB18030），按文件名排序即版序。",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        for upload in files:
            if upload.size > MAX_PAGE_BYTES:
                raise forms.ValidationError(f"{upload.name} 超过 2 MB，不像是一版文字。")
        return sorted(files, key=lambda f: _natural_key(f.name))


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _parse(stored):
    files = [(name, base64.b64decode(data)) for name, data in stored["files"]]
    return parse_issue(
        files,
        stored["date"],
        stored["number"],
        stored["page_names"],
        places_from_database(),
        sections=list(Section.objects.values_list("name", flat=True)),
    )


def import_issue_view(model_admin, request):
    user = request.user
    if not (user.has_perm("articles.add_issue") and user.has_perm("articles.add_article")):
        raise PermissionDenied
    changelist = reverse("admin:articles_issue_changelist")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": "导入新一期",
    }
    action = request.POST.get("action")
    stored = request.session.get(SESSION_KEY)

    if request.method == "POST" and action in ("confirm", "cancel"):
        if not stored or request.POST.get("token") != stored["token"]:
            messages.error(request, "导入预览已过期或已处理，请重新上传。")
            return HttpResponseRedirect(request.path)
        del request.session[SESSION_KEY]
        if action == "cancel":
            messages.info(request, "已取消导入，没有写入任何内容。")
            return HttpResponseRedirect(changelist)
        try:
            result = load_issue(_parse(stored), user=user)
        except (PageError, LoadError) as error:
            messages.error(request, f"导入失败，没有写入任何内容：{error}")
            return HttpResponseRedirect(request.path)
        messages.success(
            request,
            f"已导入 {result.issue}：新建 {result.created} 篇、更新 {result.updated} 篇草稿，"
            f"新署名作者 {len(result.new_reporters)} 人。",
        )
        for warning in result.warnings:
            messages.warning(request, warning)
        return HttpResponseRedirect(reverse("admin:articles_issue_change", args=[result.issue.pk]))

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        stored = {
            "token": uuid.uuid4().hex,
            "date": data["date"].isoformat(),
            "number": data["number"],
            "page_names": [n.strip() for n in data["page_names"].split(",")]
            if data["page_names"].strip()
            else None,
            "files": [(f.name, base64.b64encode(f.read()).decode("ascii")) for f in data["files"]],
        }
        try:
            parsed = _parse(stored)
        except PageError as error:
            form.add_error("files", str(error))
        else:
            request.session[SESSION_KEY] = stored
            context.update(
                {
                    "title": "导入新一期：核对",
                    "parsed": parsed,
                    "review": render_review(parsed),
                    "token": stored["token"],
                }
            )
            return TemplateResponse(request, "admin/articles/issue/import_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/articles/issue/import_form.html", context)
