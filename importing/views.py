"""导入新一期: upload the pages, review the merge as cards, then confirm or cancel.

The same import as the command line (importing/importer.py), as a page:

- Upload: bounded as a whole (count and total bytes), refused before the body is read past the
  limit. The files wait for review in a private temporary store (importing/uploads.py);
  the session holds only the upload's token.
- Preview: 版次 and 版名 per file, the issue's number, one card per article with what the merge
  does to it (新建, 不变, 更新, 冲突 …), a replace choice per conflict, a choice for the articles
  the pages no longer have, and the parser's warnings next to what they concern.
- Confirm: written only if the choices are the ones previewed and the database still gives the
  same plan; otherwise the new plan is shown, and nothing is written.
"""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from articles.importing.text import PageError
from importing.importer import IssueImport, PageSource
from importing.plan import Action, ImportOptions, ImportRefused
from importing.uploads import Upload, UploadGone, sweep

SESSION_KEY = "articles.import_issue"
MAX_FILES = 24  # a daily's pages, with room to spare
MAX_FILE_BYTES = 2 * 1024 * 1024  # a page of text is tens of kilobytes
MAX_TOTAL_BYTES = 8 * 1024 * 1024
# The whole request may be a little larger than its files: the form's fields and part headers.
MAX_REQUEST_BYTES = MAX_TOTAL_BYTES + 256 * 1024
TOO_MANY = f"一次最多上传 {MAX_FILES} 个文件（每版一个）。"
TOO_LARGE = f"上传的文件合计超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB，不像是一期报纸的文字。"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    date = forms.DateField(label="出版日期", widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.IntegerField(
        label="期号", min_value=1, required=False, help_text="留空：沿用该日已有期号，或顺延。"
    )
    files = MultipleFileField(
        label="版面文本",
        help_text=(
            f"每版一个 .txt 文件（UTF-8 或 GBK/GB18030），按文件名排序即版序；至多 {MAX_FILES} 个，"
            f"合计不超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB。版次和版名在下一步逐个文件核对。"
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(TOO_MANY)
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(f"{upload.name} 超过 2 MB，不像是一版文字。")
        if sum(upload.size for upload in files) > MAX_TOTAL_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return sorted(files, key=lambda f: _natural_key(f.name))


class PageRowForm(forms.Form):
    """One uploaded file: its 版次 and 版名 (used when its text has no page header)."""

    number = forms.IntegerField(label="版次", min_value=1, max_value=999)
    name = forms.CharField(label="版名", max_length=50, required=False)


PageRowFormSet = forms.formset_factory(PageRowForm, extra=0, max_num=MAX_FILES, validate_max=True)


class ChoicesForm(forms.Form):
    number = forms.IntegerField(label="期号", min_value=1, required=False)
    renumber = forms.BooleanField(label="改为此期号", required=False)
    delete_missing = forms.BooleanField(
        label="删除不再见于版面、导入后无人改动的草稿", required=False
    )


class UploadLimit(FileUploadHandler):
    """Stops reading an upload the moment it has more files or bytes than an issue has."""

    def __init__(self, request):
        super().__init__(request)
        self.count = 0
        self.size = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.count += 1
        if self.count > MAX_FILES:
            self._refuse(TOO_MANY)

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > MAX_TOTAL_BYTES:
            self._refuse(TOO_LARGE)
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self, message):
        self.request.import_refusal = message
        raise StopUpload(connection_reset=True)


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def as_read(settings, plan):
    """settings with the issue's number and each file's 版次 and 版名 as the plan read them (a
    header overrides the row), so that the form shows the settings stored, and posting it back
    unchanged is no change."""
    number = settings["number"]
    return {
        **settings,
        "number": plan.number if number is None else number,
        "numbers": [page.number for page in plan.pages],
        "names": [page.name or None for page in plan.pages],
    }


def may_import(user):
    return user.has_perm("articles.add_issue") and user.has_perm("articles.add_article")


def import_issue_view(model_admin):
    """The view IssueAdmin serves at import/.

    The CSRF check reads the request body, so it runs after the size checks: a body larger than
    an issue is refused from its Content-Length, and one without is cut off while it is read.
    """

    @csrf_exempt
    def view(request):
        if not may_import(request.user):
            raise PermissionDenied
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > MAX_REQUEST_BYTES:
                # Answered without reading the body (nor its CSRF token: nothing is changed).
                return _ImportPage(model_admin).refuse(request, TOO_LARGE)
            request.upload_handlers.insert(0, UploadLimit(request))
        return csrf_protect(_ImportPage(model_admin).dispatch)(request)

    return view


class _ImportPage:
    def __init__(self, model_admin):
        self.model_admin = model_admin

    def setup(self, request):
        self.request = request
        self.context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.opts,
            "title": "导入新一期",
        }

    def refuse(self, request, refusal):
        """The upload form again, saying why an upload was refused; nothing of it is kept."""
        self.setup(request)
        return self.upload_page(UploadForm(), refusal=refusal, status=413)

    def dispatch(self, request):
        sweep()
        self.setup(request)
        if request.method != "POST":
            return self.upload_page(UploadForm())
        token = request.POST.get("token")  # reads the body, through UploadLimit
        refusal = getattr(request, "import_refusal", None)
        if refusal is not None:
            # UploadLimit stopped reading the body: what had arrived is dropped.
            return self.refuse(request, refusal)
        if token is None:
            return self.receive()
        try:
            if token != request.session.get(SESSION_KEY):
                raise UploadGone
            upload = Upload.open(token, request.user.pk)
            files = upload.files()
        except UploadGone:
            request.session.pop(SESSION_KEY, None)
            messages.error(request, "导入预览已过期或已处理，请重新上传。")
            return HttpResponseRedirect(request.path)
        action = request.POST.get("action")
        if action == "cancel":
            self.finish(upload)
            messages.info(request, "已取消导入，没有写入任何内容。")
            return HttpResponseRedirect(reverse("admin:articles_issue_changelist"))
        return self.review(upload, files, confirm=action == "confirm")

    def upload_page(self, form, refusal=None, status=200):
        self.context.update(form=form, refusal=refusal)
        return TemplateResponse(
            self.request, "admin/articles/issue/import_form.html", self.context, status=status
        )

    def receive(self):
        """The upload: parse it once to show the preview, and keep it for the confirmation."""
        form = UploadForm(self.request.POST, self.request.FILES)
        if not form.is_valid():
            return self.upload_page(form)
        data = form.cleaned_data
        files = [(upload.name, upload.read()) for upload in data["files"]]
        date = data["date"].isoformat()
        settings = {
            "numbers": [None] * len(files),
            "names": [None] * len(files),
            "number": data["number"],
            "renumber": False,
            "delete_missing": False,
            "replace": [],
        }
        try:
            plan = self.job(files, date, settings).plan()
        except PageError as error:
            form.add_error("files", str(error))
            return self.upload_page(form)
        settings = as_read(settings, plan)
        upload = Upload.create(
            files, self.request.user.pk, date=date, settings=settings, signature=plan.signature()
        )
        self.request.session[SESSION_KEY] = upload.token
        return self.preview(upload, plan, settings)

    def review(self, upload, files, confirm):
        stored = upload.manifest["settings"]
        date = upload.manifest["date"]
        rows = PageRowFormSet(self.request.POST, prefix="pages")
        choices = ChoicesForm(self.request.POST)
        if not (rows.is_valid() and choices.is_valid()) or len(rows.forms) != len(files):
            messages.error(self.request, "请按提示改正版次、版名或期号。")
            plan = self.job(files, date, stored).plan()
            return self.preview(upload, plan, stored, rows=rows, choices=choices)
        asked = {
            "numbers": [row.cleaned_data["number"] for row in rows],
            "names": [row.cleaned_data["name"].strip() or None for row in rows],
            "number": choices.cleaned_data["number"],
            "renumber": choices.cleaned_data["renumber"],
            "delete_missing": choices.cleaned_data["delete_missing"],
            "replace": sorted(
                {int(pk) for pk in self.request.POST.getlist("replace") if pk.isdigit()}
            ),
        }
        job = self.job(files, date, asked)
        try:
            plan = job.plan()
        except PageError as error:
            messages.error(self.request, str(error))
            plan = self.job(files, date, stored).plan()
            return self.preview(upload, plan, stored, rows=rows, choices=choices)
        settings = as_read(asked, plan)
        if confirm and settings == stored and not plan.refusals:
            try:
                done = job.apply(upload.manifest["signature"])
            except ImportRefused as error:
                messages.error(self.request, str(error))
                plan = error.plan or plan
            else:
                return self.done(upload, done)
        elif confirm:
            messages.warning(
                self.request, "选项有改动：下面是按新选项核对的结果，确认无误后再点“确认导入”。"
            )
        upload.manifest.update(settings=settings, signature=plan.signature())
        upload.save()
        return self.preview(upload, plan, settings, asked=asked["numbers"])

    def job(self, files, date, settings):
        sources = [
            PageSource(name, data, number=number, page_name=page_name)
            for (name, data), number, page_name in zip(
                files, settings["numbers"], settings["names"], strict=True
            )
        ]
        options = ImportOptions(
            number=settings["number"],
            renumber=settings["renumber"],
            delete_missing=settings["delete_missing"],
            replace=frozenset(settings["replace"]),
            user=self.request.user,
        )
        return IssueImport(sources, date, options)

    def preview(self, upload, plan, settings, rows=None, choices=None, asked=None):
        if rows is None:
            rows = PageRowFormSet(
                prefix="pages",
                initial=[
                    {"number": number, "name": name}
                    for number, name in zip(settings["numbers"], settings["names"], strict=True)
                ],
            )
        if choices is None:
            choices = ChoicesForm(
                initial={
                    "number": settings["number"],
                    "renumber": settings["renumber"],
                    "delete_missing": settings["delete_missing"],
                }
            )
        asked = asked or [None] * len(plan.pages)
        self.context.update(
            {
                "title": "导入新一期：核对",
                "plan": plan,
                "token": upload.token,
                # Each file's row, its page as read, and whether its header overrode the row.
                "rows": [
                    (row, page, number is not None and number != page.number)
                    for row, page, number in zip(rows.forms, plan.pages, asked, strict=False)
                ],
                "management_form": rows.management_form,
                "row_errors": rows.non_form_errors(),
                "choices": choices,
                "offers_renumber": plan.old_number is not None
                or any("改期号" in refusal for refusal in plan.refusals),
                "offers_delete": any(a.removable for a in plan.articles),
            }
        )
        return TemplateResponse(
            self.request, "admin/articles/issue/import_preview.html", self.context
        )

    def done(self, upload, plan):
        self.finish(upload)
        issue = plan.written_issue
        messages.success(self.request, f"已导入 {issue}：{plan.summary_line()}。")
        for item in plan.of(Action.REMOVED):
            messages.info(self.request, f"已删除《{item.headline}》（第{item.page_number}版）。")
        return HttpResponseRedirect(reverse("admin:articles_issue_change", args=[issue.pk]))

    def finish(self, upload):
        upload.discard()
        self.request.session.pop(SESSION_KEY, None)
