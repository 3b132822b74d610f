"""Rendered public pages, and the names of what each shows (articles/dependencies.py).

Two kinds: an article's page (RenderedArticle) and one page of a public list of articles
(RenderedList: the index, a reporter's, section's, tag's or region's page, unfiltered, found by
its path and query string). A row holds the HTML the view rendered for one origin (scheme and
host: canonical URLs and structured data are absolute) under one release (the code, templates and
static files that rendered it). It is served only while:

- (an article's page) its article is published (Article.objects.published(), asked on every
  read: a withdrawn, unpublished or rescheduled article is never served, whatever rows exist);
- nothing it shows has changed: a row keeps the names its page recorded (an article's: the
  article, its page of print, issue, section, reporters, places and tags; a list's: the reporter,
  section, tag or region, or EVERYTHING for the index, and ISSUES), and a change announced with
  one of them (articles.signals.content_changed) deletes it; a change announced without names
  deletes all. Every change to an article announces its names, so a list that shows it, or
  would show it once published, is deleted whenever it is published, withdrawn or edited;
- no scheduled article has become public since it was begun (it may be a neighbour, a related
  article or on the list): a row expires at the next scheduled publication known before its page
  was rendered.

A page rendered from data read before a change committed must not be kept after it: every change
bumps Version when it commits, and a row is stored only if Version is what it was before the page
was rendered, read under a share lock that the bump waits for (a row stored just before a bump is
deleted by the same change, at its commit).
"""

import datetime
import functools
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from articles import dependencies
from articles.models import Article

logger = logging.getLogger(__name__)

# What renders a page: a row rendered by other code, templates or static files is not served.
SOURCES = ("articles", "newsroom", "photos", "regions", "templates", "prerendered")
SHAPING_SETTINGS = ("SITE_NAME", "STATIC_URL", "MEDIA_URL", "TIME_ZONE", "LANGUAGE_CODE")
# A reader's render waits no longer than this for a change in progress; it is then sent unstored.
STORE_LOCK_TIMEOUT = "100ms"


@functools.cache
def release():
    """This process's code, templates, static files' hashed names and page-shaping settings."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for name in SOURCES:
        for path in sorted((root / name).rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    hashed_names = getattr(staticfiles_storage, "hashed_files", {})
    digest.update(repr(sorted(hashed_names.items())).encode())
    for name in SHAPING_SETTINGS:
        digest.update(repr(getattr(settings, name, None)).encode())
    return digest.hexdigest()[:32]


class Version(models.Model):
    """How many changes have committed (one row): a page rendered across one is not stored."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = verbose_name_plural = "变更计数"

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        # 0 before the row exists (a flushed test database): the first bump makes it 1.
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(number=models.F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})

    @classmethod
    def locked(cls):
        """The number, read so that a bump waits until the reader's transaction ends."""
        if connection.vendor != "postgresql":
            return cls.current()  # SQLite: one writer at a time already
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{STORE_LOCK_TIMEOUT}'")
            cursor.execute(f"SELECT number FROM {cls._meta.db_table} WHERE id = 1 FOR SHARE")
            row = cursor.fetchone()
        return row[0] if row else 0


class RenderedArticleQuerySet(models.QuerySet):
    def servable(self, article_id, origin, at):
        """The row readers may be served for the article at the moment `at`: one indexed read."""
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=at),
            article_id=article_id,
            origin=origin,
            release=release(),
            article__in=Article.objects.published(at=at).filter(pk=article_id).values("pk"),
        ).order_by()

    def page(self, article_id, origin):
        """(html, shown) of the row readers may be served now, or None.

        servable()'s SQL, compiled once a process (ServableQuery): building and compiling it
        cost more than the rest of a request served from its row.
        """
        query = ServableQuery.of(connection)
        with connection.cursor() as cursor:
            cursor.execute(query.sql, query.params(article_id, origin, timezone.now()))
            return cursor.fetchone()

    def store(self, article_id, origin, html, shown, expires_at, version):
        """Keep a page rendered for readers, unless a change committed since `version` was read
        or one is committing now. Never fails: a page not stored is rendered again next time.

        An upsert: readers who rendered the same page at once each write it, one after the other.
        """
        row = RenderedArticle(
            article_id=article_id,
            origin=origin,
            html=html,
            shown=" ".join(sorted(shown)),
            expires_at=expires_at,
        )
        return _keep(row, ["article", "origin"], RenderedName, shown, version)


def _keep(row, unique_fields, names_model, shown, version):
    """Upsert a rendered row and its names, unless `version` is no longer current (see the
    module's docstring). Never fails: a page not stored is rendered again by its next reader."""
    try:
        with transaction.atomic():
            if Version.locked() != version:
                return None
            row.release = release()
            row.rendered_at = timezone.now()
            (row,) = type(row).objects.bulk_create(
                [row],
                update_conflicts=True,
                unique_fields=unique_fields,
                update_fields=["release", "html", "shown", "expires_at", "rendered_at"],
            )
            names_model.objects.filter(rendered=row.pk).delete()
            names_model.objects.bulk_create(
                names_model(rendered_id=row.pk, name=name) for name in shown
            )
            return row
    except DatabaseError as error:
        # A change in progress holds the row (the lock timeout): the page went out unstored.
        logger.warning("Rendered page %s not stored: %s", row, error)
        return None


class ServableQuery:
    """servable()'s SQL and where its parameters go, found by compiling it once with stand-ins.

    The same SQL and parameters as the ORM's for every call (a test compares them); the
    published rule in it is Article.objects.published()'s, as it was when first compiled.
    """

    ARTICLE, ORIGIN = -7_654_321, "\x00origin"
    AT = datetime.datetime(1970, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.UTC)
    compiled = {}

    def __init__(self, connection):
        rows = RenderedArticle.objects.servable(self.ARTICLE, self.ORIGIN, self.AT)
        compiler = rows.values_list("html", "shown").query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        self.at_field = RenderedArticle._meta.get_field("expires_at")
        self.connection = connection
        at = self.at_field.get_db_prep_value(self.AT, connection)
        stand_ins = {self.ARTICLE: "article", self.ORIGIN: "origin", at: "at"}
        self.slots = [(stand_ins.get(param), param) for param in params]

    @classmethod
    def of(cls, connection):
        query = cls.compiled.get(connection.alias)
        if query is None:
            query = cls.compiled[connection.alias] = cls(connection)
        return query

    def params(self, article_id, origin, at):
        values = {
            "article": article_id,
            "origin": origin,
            "at": self.at_field.get_db_prep_value(at, self.connection),
        }
        return [values[slot] if slot else param for slot, param in self.slots]


class Rendered(models.Model):
    """A public page as rendered for one origin by one release (what both kinds of row hold)."""

    origin = models.CharField(max_length=300)
    release = models.CharField(max_length=32)
    html = models.TextField()
    # The names the page recorded, replayed for the page cache when it is served.
    shown = models.TextField()
    expires_at = models.DateTimeField(null=True)
    rendered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class ShownName(models.Model):
    """One thing a rendered page shows: a change announced with its name deletes the page."""

    name = models.CharField(max_length=100, db_index=True)

    class Meta:
        abstract = True
        ordering = ["rendered", "name"]

    def __str__(self):
        return self.name


class RenderedArticle(Rendered):
    """An article's public page as rendered for one origin by one release."""

    # No cascades, here or below: the rows are deleted by the changes announced (a deleted
    # article's among them), with one DELETE each, never collected row by row.
    article = models.ForeignKey(
        Article, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    objects = RenderedArticleQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预渲染稿件页"
        ordering = ["article_id", "origin"]
        constraints = [
            models.UniqueConstraint(fields=["article", "origin"], name="one_rendering_per_origin")
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.origin}"


class RenderedName(ShownName):
    rendered = models.ForeignKey(
        RenderedArticle, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta(ShownName.Meta):
        verbose_name = verbose_name_plural = "预渲染页所示"


class RenderedListQuerySet(models.QuerySet):
    def page(self, path, origin):
        """(html, shown) of the row readers may be served now for the list at path, or None."""
        return (
            self.filter(
                models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now()),
                path=path,
                origin=origin,
                release=release(),
            )
            .order_by()
            .values_list("html", "shown")
            .first()
        )

    def store(self, path, origin, html, shown, expires_at, version):
        """Keep a list page rendered for readers: as RenderedArticle.objects.store()."""
        row = RenderedList(
            path=path,
            origin=origin,
            html=html,
            shown=" ".join(sorted(shown)),
            expires_at=expires_at,
        )
        return _keep(row, ["path", "origin"], RenderedListName, shown, version)


class RenderedList(Rendered):
    """A public list of articles (one page of it: its path and query string) as rendered for
    one origin by one release.

    Unlike an article's row, nothing is asked of its articles when it is read: every article
    it lists announces the name of the list when it is published, withdrawn or edited (and with
    it dependencies.ISSUES or EVERYTHING, which every list records too), and a scheduled one
    becoming public is the row's expiry.
    """

    path = models.CharField(max_length=1000)

    objects = RenderedListQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预渲染列表页"
        ordering = ["path", "origin"]
        constraints = [
            models.UniqueConstraint(fields=["path", "origin"], name="one_list_rendering_per_origin")
        ]

    def __str__(self):
        return f"{self.path} @ {self.origin}"


class RenderedListName(ShownName):
    rendered = models.ForeignKey(
        RenderedList, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta(ShownName.Meta):
        verbose_name = verbose_name_plural = "预渲染列表页所示"


RENDERED = {"article": (RenderedArticle, RenderedName), "list": (RenderedList, RenderedListName)}


def _forget(keys):
    if keys is None:
        for rows, names in RENDERED.values():
            names.objects.all().delete()
            rows.objects.all().delete()
        return
    # Which rows of either kind show one of keys: one query (a change that no rendered page
    # shows costs no more than that).
    text = models.CharField()
    showing = [
        names.objects.filter(name__in=keys)
        .order_by()
        .values_list(models.Value(kind, output_field=text), "rendered_id")
        for kind, (rows, names) in RENDERED.items()
    ]
    found = {}
    for kind, pk in showing[0].union(*showing[1:]):
        found.setdefault(kind, set()).add(pk)
    for kind, ids in found.items():
        rows, names = RENDERED[kind]
        names.objects.filter(rendered__in=ids).delete()
        rows.objects.filter(pk__in=ids).delete()


def forget(sender, keys=None, **kwargs):
    """content_changed: delete the pages that show keys (None: every page), now and at commit.

    Now, so that the writer's own next read is fresh; at commit, with a new Version, because a
    reader may have rendered the old content meanwhile (see the module's docstring).
    """
    # Every change is announced to the pages that do not say what they show (EVERYTHING).
    keys = None if keys is None else {*keys, dependencies.EVERYTHING}
    _forget(keys)

    def committed():
        Version.bump()
        _forget(keys)

    transaction.on_commit(committed)
