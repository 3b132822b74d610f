"""The import's background work, as django-tasks tasks: reading an upload's page PDFs for the
review, and storing them once the merge is written. The admin enqueues them; `db_worker` runs
them; their progress is kept in the upload's manifest, where the admin's page reads it.

Each task can be run again from the start: reading writes only into the upload's private
directory, and storing is one transaction per page (epaper.processing is idempotent, its files
named by their content), so a task that dies leaves each page stored whole or not at all.
"""

from django_tasks import task

from articles.models import Article, Page
from epaper.pdf.errors import PdfError

from .importer import IssueImport, PageSource
from .pdf_pages import PdfPage, read_pdf, store_page
from .plan import ImportOptions
from .uploads import Upload, UploadGone

READING = "reading"
STORING = "storing"


def upload_job(upload, settings, user, *, files=None, date=None):
    """The import of an upload's pages with settings (each file's 版次 and 版名, the issue's
    number, the choices), the page PDFs as read; or of (name, bytes) files not kept yet."""
    readings = {}
    if upload is not None:
        files = upload.files()  # each checked against the digest taken at upload
        date = upload.manifest["date"]
        readings = upload.readings()
    sources = []
    for index, ((name, data), number, page_name) in enumerate(
        zip(files, settings["numbers"], settings["names"], strict=True)
    ):
        if upload is not None and upload.is_pdf(index):
            path = upload.path(index)
            sources.append(PageSource(name, number=number, page_name=page_name, path=path))
        else:
            sources.append(PageSource(name, data, number, page_name))
    options = ImportOptions(
        number=settings["number"],
        renumber=settings["renumber"],
        delete_missing=settings["delete_missing"],
        replace=frozenset(settings["replace"]),
        user=user,
    )
    return IssueImport(sources, date, options, readings=readings)


def progress(upload, stage, **changes):
    upload.manifest[stage] = {**upload.manifest.get(stage, {}), **changes}
    upload.save()


@task()
def read_upload(token, user_id):
    """Read each page PDF of an upload (text, zones, images) for the review."""
    try:
        upload = Upload.open(token, user_id)
    except UploadGone:
        return  # cancelled or expired meanwhile: nothing to do
    indexes = upload.pdf_indexes()
    names = [entry["name"] for entry in upload.manifest["files"]]
    progress(upload, READING, done=0, total=len(indexes), error=None, finished=False)
    try:
        for done, index in enumerate(indexes, start=1):
            result = read_pdf(upload.path(index), names[index])
            upload.save_reading(index, result)
            image = PdfPage(result).image
            if image:
                upload.save_review_image(index, image)
            progress(upload, READING, done=done, current=names[index])
    except PdfError as error:
        progress(upload, READING, error=str(error), finished=True)
        return
    progress(upload, READING, finished=True)


@task()
def store_upload(token, user_id):
    """After the merge: store each page PDF of the upload (its 版面图, zones and photos)."""
    try:
        upload = Upload.open(token, user_id)
    except UploadGone:
        return
    storing = upload.manifest[STORING]
    job = upload_job(upload, storing["settings"], None)
    names = [entry["name"] for entry in upload.manifest["files"]]
    progress(upload, STORING, done=0, error=None, finished=False)
    for done, entry in enumerate(storing["pages"], start=1):
        index = entry["index"]
        articles = Article.objects.in_bulk(list(entry["articles"].values()))
        store_page(
            Page.objects.get(pk=entry["page"]),
            upload.path(index),
            names[index],
            job.readings[index],
            job.parsed.pages[index],
            {int(n): articles[pk] for n, pk in entry["articles"].items() if pk in articles},
            set(entry["written"]),
        )
        progress(upload, STORING, done=done, current=names[index])
    progress(upload, STORING, finished=True)
