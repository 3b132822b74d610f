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

Page PDFs are read and, after the merge, stored by background tasks (importing/tasks.py); the
page shows their progress page by page (?progress=1) and the review shows each page image
with its zones drawn and numbered like the cards (?image=N serves the image to its uploader).
"""

import re

from django import forms
from django.conf import settings as django_settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from articles.importing.text import PageError
from epaper.pdf.document import DEFAULT_LIMITS
from epaper.pdf.errors import PdfError
from importing.pdf_pages import looks_like_pdf, matched_articles
from importing.plan import Action, ImportRefused
from importing.tasks import READING, STORING, read_upload, store_upload, upload_job
from importing.uploads import Upload, UploadGone, sweep

SESSION_KEY = "articles.import_issue"
MB = 1024 * 1024
MAX_FILES = 64  # a daily's pages (40 on a big day), with room to spare
MAX_FILE_BYTES = 2 * MB  # a page of text is tens of kilobytes
MAX_TOTAL_BYTES = 8 * MB  # of text
TOO_MANY = f"一次最多上传 {MAX_FILES} 个文件（每版一个）。"
TOO_LARGE = f"上传的文件合计超过 {MAX_TOTAL_BYTES // MB} MB，不像是一期报纸的文字。"
# Refreshing the progress page this often (seconds) while the background task works.
PROGRESS_REFRESH = 2


def max_pdf_bytes():
    """One page PDF, photos and all (IMPORT_MAX_PDF_BYTES; the PDF layer's own limit)."""
    return getattr(django_settings, "IMPORT_MAX_PDF_BYTES", None) or DEFAULT_LIMITS.max_bytes


def max_request_bytes():
    """A whole upload: an issue's page PDFs (IMPORT_MAX_UPLOAD_BYTES), with a little more for
    the form's fields and part headers."""
    total = getattr(django_settings, "IMPORT_MAX_UPLOAD_BYTES", None) or 1024 * MB
    return total + 256 * 1024


def too_large_request():
    return f"上传的文件合计超过 {(max_request_bytes() - 256 * 1024) // MB} MB，不像是一期报纸。"


def pdf_too_large(name):
    return f"{name} 超过 {max_pdf_bytes() // MB} MB；请按版分别导出，或降低图片分辨率后再导入。"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ".txt,.pdf,text/plain,application/pdf"}),
        )
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
        label="版面文件",
        help_text=(
            "每版一个文件：排版系统导出的单页 PDF，或 .txt 文字（UTF-8 或 GBK/GB18030）；"
            f"按文件名排序即版序；至多 {MAX_FILES} 个，文字合计不超过 {MAX_TOTAL_BYTES // MB} MB。"
            "版次和版名在下一步逐个文件核对；PDF 在后台读取，读完即可核对各版的热区。"
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(TOO_MANY)
        texts = []
        for upload in files:
            head = upload.read(1024)
            upload.seek(0)
            if looks_like_pdf(upload.name, head):
                if upload.size > max_pdf_bytes():
                    raise forms.ValidationError(pdf_too_large(upload.name))
            elif upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(f"{upload.name} 超过 2 MB，不像是一版文字。")
            else:
                texts.append(upload)
        if sum(upload.size for upload in texts) > MAX_TOTAL_BYTES:
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
        self.text_size = 0  # text pages, together
        self.file_size = 0  # the file being read

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.count += 1
        self.file_size = 0
        self.is_pdf = None
        if self.count > MAX_FILES:
            self._refuse(TOO_MANY)

    def receive_data_chunk(self, raw_data, start):
        if self.is_pdf is None:
            self.is_pdf = looks_like_pdf(self.file_name or "", raw_data[:1024])
        self.file_size += len(raw_data)
        if self.is_pdf:
            if self.file_size > max_pdf_bytes():
                self._refuse(pdf_too_large(self.file_name))
        else:
            self.text_size += len(raw_data)
            if self.text_size > MAX_TOTAL_BYTES:
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
            if length > max_request_bytes():
                # Answered without reading the body (nor its CSRF token: nothing is changed).
                return _ImportPage(model_admin).refuse(request, too_large_request())
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
            if "image" in request.GET:
                return self.page_image(request.GET["image"])
            if "progress" in request.GET:
                return self.progress()
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
        if action == "retry":
            return self.retry(upload)
        if STORING in upload.manifest or (
            "signature" not in upload.manifest and action != "cancel"
        ):
            # Its page PDFs are still being read (nothing to review yet), or the import is
            # written and its pages are being stored (nothing left to confirm).
            return HttpResponseRedirect(request.path + "?progress=1")
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
        if any(looks_like_pdf(name, data) for name, data in files):
            # Read in the background, page by page; the review follows when it is done.
            upload = Upload.create(files, self.request.user.pk, date=date, settings=settings)
            self.request.session[SESSION_KEY] = upload.token
            return self.start(upload, READING, read_upload)
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
            plan = self.job(upload, date, stored).plan()
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
        job = self.job(upload, date, asked)
        try:
            plan = job.plan()
        except (PageError, PdfError) as error:
            messages.error(self.request, str(error))
            plan = self.job(upload, date, stored).plan()
            return self.preview(upload, plan, stored, rows=rows, choices=choices)
        settings = as_read(asked, plan)
        if confirm and settings == stored and not plan.refusals:
            try:
                done = job.apply(upload.manifest["signature"])
            except ImportRefused as error:
                messages.error(self.request, str(error))
                plan = error.plan or plan
            else:
                if job.pdf_indexes:
                    return self.store(upload, job, done, asked)
                return self.done(upload, done)
        elif confirm:
            messages.warning(
                self.request, "选项有改动：下面是按新选项核对的结果，确认无误后再点“确认导入”。"
            )
        upload.manifest.update(settings=settings, signature=plan.signature())
        upload.save()
        return self.preview(upload, plan, settings, asked=asked["numbers"])

    def job(self, upload, date, settings):
        """The import of an upload (or, before one is kept, of (name, bytes) pairs)."""
        if isinstance(upload, Upload):
            return upload_job(upload, settings, self.request.user)
        files = upload
        return upload_job(None, settings, self.request.user, files=files, date=date)

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

    def start(self, upload, stage, task):
        """Enqueue the upload's background task and show its progress."""
        result = task.enqueue(upload.token, self.request.user.pk)
        upload.manifest[stage] = {
            **upload.manifest.get(stage, {}),
            "task": result.id,
            "done": 0,
            "finished": False,
            "error": None,
        }
        upload.save()
        return HttpResponseRedirect(self.request.path + "?progress=1")

    def store(self, upload, job, done, asked):
        """The merge is written: the page PDFs are stored by a background task."""
        pages = []
        for index in job.pdf_indexes:
            page_plan = done.pages[index]
            articles, written = matched_articles(page_plan)
            page = done.written_issue.pages.get(number=page_plan.number)
            pages.append(
                {
                    "index": index,
                    "page": page.pk,
                    "articles": {str(n): a.pk for n, a in articles.items()},
                    "written": sorted(written),
                }
            )
        upload.manifest[STORING] = {
            "issue": done.written_issue.pk,
            "summary": done.summary_line(),
            "settings": as_read(asked, done),
            "pages": pages,
            "total": len(pages),
        }
        return self.start(upload, STORING, store_upload)

    def retry(self, upload):
        """Run the failed task again, from the start (each task can be run again)."""
        if STORING in upload.manifest:
            return self.start(upload, STORING, store_upload)
        return self.start(upload, READING, read_upload)

    def progress(self):
        """The background task's progress; the review, or the issue, once it is done."""
        try:
            upload = self._session_upload()
        except UploadGone:
            messages.error(self.request, "导入已过期或已处理，请重新上传。")
            return HttpResponseRedirect(self.request.path)
        stage = STORING if STORING in upload.manifest else READING
        state = upload.manifest.get(stage, {})
        if state.get("error"):
            # A bad PDF: nothing was written; the upload goes.
            self.finish(upload)
            messages.error(self.request, f"{state['error']}。没有写入任何内容。")
            return HttpResponseRedirect(self.request.path)
        if state.get("finished"):
            if stage == STORING:
                self.finish(upload)
                messages.success(
                    self.request, f"已导入 {state['summary']}；各版 PDF、版面图和热区已保存。"
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_issue_change", args=[state["issue"]])
                )
            return self.first_review(upload)
        task = read_upload if stage == READING else store_upload
        try:
            failed = task.get_result(state["task"]).status == TaskResultStatus.FAILED
        except TaskResultDoesNotExist:
            failed = True  # its record pruned: it can only be run again
        self.context.update(
            {
                "title": "导入新一期：读取 PDF" if stage == READING else "导入新一期：保存版面",
                "stage": stage,
                "state": state,
                "failed": failed,
                "token": upload.token,
                "refresh": None if failed else PROGRESS_REFRESH,
            }
        )
        return TemplateResponse(
            self.request, "admin/articles/issue/import_progress.html", self.context
        )

    def first_review(self, upload):
        """The review of an upload whose page PDFs are read."""
        settings = upload.manifest["settings"]
        try:
            plan = self.job(upload, upload.manifest["date"], settings).plan()
        except (PageError, PdfError) as error:
            self.finish(upload)
            messages.error(self.request, f"{error}。没有写入任何内容。")
            return HttpResponseRedirect(self.request.path)
        settings = as_read(settings, plan)
        upload.manifest.update(settings=settings, signature=plan.signature())
        upload.save()
        return self.preview(upload, plan, settings)

    def page_image(self, index):
        """A page image of the upload under review, to its uploader only."""
        try:
            data = self._session_upload().review_image(index)
        except UploadGone:
            return HttpResponse(status=404)
        response = HttpResponse(data, content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        return response

    def _session_upload(self):
        token = self.request.session.get(SESSION_KEY)
        if not token:
            raise UploadGone
        return Upload.open(token, self.request.user.pk)

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
