"""Carrying out an import's plan (see `plan`): all of it in one transaction, or none of it.

`load_issue` plans again under row locks and writes only if that plan is the one reviewed, so
what the operator saw is what is written. Queries grow with the number of pages, not with the
number of articles: rows are read, created and updated in bulk, and derived columns (the search
text with names and places) are rebuilt once for every article written, after all its rows are.
"""

import datetime
import json
from pathlib import PurePath

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from articles.dates import chinese_date
from articles.importing.gazetteer import Place
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Correction,
    Issue,
    Page,
    Photo,
    Reporter,
    Revision,
    Section,
    Status,
    TaggedArticle,
)
from articles.models.history import build_snapshot, snapshot_digest
from articles.models.querysets import SEARCH_FIELDS
from articles.signals import content_changed
from articles.slugs import unique_slug
from regions.models import Region

from .merging import plan_issue
from .plan import Action, ImportRefused, PlanChanged

# Readers expect the morning paper in the morning: a published import is dated 06:00 of its day.
PUBLISH_TIME = datetime.time(6, 0)
TEXT_FIELDS = ["section", "kicker", "headline", "subheadline", "dateline", "body", "editor_note"]
REVISION_COMMENTS = {Action.NEW: "导入", Action.UPDATED: "导入更新", Action.REPLACED: "导入替换"}
STAFF_ROLES = {"记者", "本报记者", "见习记者", "实习生", "特约记者", "本刊记者"}
CORRESPONDENT_ROLES = {"通讯员", "本报通讯员"}
BUSY = "另一次导入或编辑同时写入了这一期，没有写入任何内容；请重新核对后再导入。"


def places_from_database():
    """The regions tree as the parser's Place records."""
    return [
        Place(code, name, short_name, kind, parent_code)
        for code, name, short_name, kind, parent_code in Region.objects.values_list(
            "code", "name", "short_name", "kind", "parent__code"
        )
    ]


def load_issue(parsed, options, *, expected=None):
    """Plan (under row locks) and write parsed with options in one transaction; return the plan.

    expected: the signature of the plan the operator reviewed; if the database has changed so
    that the plan differs, nothing is written (PlanChanged). Refusals raise ImportRefused.
    """
    plan = None
    try:
        with transaction.atomic():
            plan = plan_issue(parsed, options, lock=True)
            if plan.refusals:
                raise ImportRefused(plan)
            if expected is not None and plan.signature() != expected:
                raise PlanChanged(plan)
            _Writer(plan).run()
    except IntegrityError as error:
        # A new issue or page written by someone else in the same instant (an existing issue's
        # row lock keeps a second import of it waiting instead).
        raise ImportRefused(plan, BUSY) from error
    return plan


class _Writer:
    """Writes a plan. Each article's rows are built first, so that its search columns, its
    snapshot and digest are computed once, in memory, and written with the article itself."""

    def __init__(self, plan):
        self.plan = plan
        self.user = plan.options.user
        self.now = timezone.now()

    def run(self):
        plan = self.plan
        self.issue = plan.written_issue = self._issue()
        self._remove([a.article for a in plan.of(Action.REMOVED)])
        pages = self._pages()
        sections = self._sections()
        new, changed = [], []
        for item in plan.articles:
            if item.action == Action.NEW:
                item.article = Article(
                    page=pages[item.page_number],
                    issue=self.issue,
                    position=item.position,
                    created_by=self.user,
                    origin=Article.Origin.IMPORT,
                )
                new.append(item.article)
            elif item.action in (Action.UPDATED, Action.REPLACED):
                # Any open form on this article is now out of date, and its save is refused.
                item.article.version += 1
                changed.append(item.article)
            else:
                continue
            if item.writes_content:
                self._fill(item, sections)
            if item.publish:
                self._publish(item.article)
        written = [item for item in plan.articles if item.writes_content]
        # An article loaded before any revision existed keeps its first wording as revision 1.
        Article.objects.filter(pk__in=[a.pk for a in changed]).keep_originals()
        parts = _Parts(written, self._reporters(), plan.articles)
        snapshots = parts.derive()
        Article.objects.bulk_create(new)
        Article.objects.bulk_update(
            changed,
            [*TEXT_FIELDS, "status", "published_at", "updated_at", "version", "import_digest"]
            + list(SEARCH_FIELDS),
        )
        parts.write()
        self._revisions(written, snapshots)
        content_changed.send(sender=Article)

    def _issue(self):
        plan = self.plan
        if plan.issue is None:
            return Issue.objects.create(date=plan.date, number=plan.number)
        if plan.old_number is not None:
            plan.issue.number = plan.number
            plan.issue.save(update_fields=["number"])
        return plan.issue

    def _pages(self):
        pages = {}
        for item in self.plan.pages:
            page = item.page
            if page is None:
                page = Page.objects.create(
                    issue=self.issue, number=item.number, name=item.name, topic=item.topic
                )
            elif item.renamed or item.retopic:
                page.name, page.topic = item.name, item.topic
                page.save(update_fields=["name", "topic"])
            pages[item.number] = page
        return pages

    def _sections(self):
        names = {a.parsed.section for a in self.plan.articles if a.writes_content} - {None, ""}
        sections = {s.name: s for s in Section.objects.filter(name__in=names)}
        for name in sorted(names - set(sections)):
            sections[name] = Section.objects.create(name=name)
        return sections

    def _reporters(self):
        roles = {}
        for item in self.plan.articles:
            if item.writes_content:
                parsed = item.parsed
                for credit in parsed.people + [c for p in parsed.photos for c in p.people]:
                    roles.setdefault(credit.name, set()).add(credit.role)
        reporters = {r.name: r for r in Reporter.objects.filter(name__in=roles)}
        fresh = []
        for name in sorted(set(roles) - set(reporters)):
            reporter = Reporter(name=name, kind=_kind_of(roles[name]))
            reporter.slug = unique_slug(Reporter, name, separator="-")
            # Two new homophones in one import: make the second slug unique among the new ones.
            taken = {r.slug for r in fresh}
            n, base = 2, reporter.slug
            while reporter.slug in taken:
                reporter.slug = f"{base}-{n}"
                n += 1
            fresh.append(reporter)
        Reporter.objects.bulk_create(fresh)
        reporters.update({r.name: r for r in fresh})
        return reporters

    def _publish(self, article):
        when = datetime.datetime.combine(
            self.plan.date, PUBLISH_TIME, tzinfo=timezone.get_current_timezone()
        )
        # Tomorrow's paper imported tonight goes public at 06:00 tomorrow, not now.
        article.status = Status.PUBLISHED if when <= self.now else Status.SCHEDULED
        article.published_at = when
        article.updated_at = self.now

    def _fill(self, item, sections):
        article, parsed = item.article, item.parsed
        article.section = sections.get(parsed.section) if parsed.section else None
        article.kicker = parsed.kicker or ""
        article.headline = parsed.headline
        article.subheadline = parsed.subheadline or ""
        article.dateline = parsed.dateline or ""
        article.body = parsed.body
        article.updated_at = self.now
        if item.action != Action.REPLACED or not article.editor_note:
            # What the parser noticed (cut-off text, lost lines) is the editor's to check; an
            # editor's own note on a replaced article stays.
            article.editor_note = "\n".join(parsed.notes)

    def _remove(self, articles):
        """Untouched imported drafts the page no longer has, when the operator asked."""
        if not articles:
            return
        ids = [a.pk for a in articles]
        # Their credits, places and photos go in one statement each: deleted row by row, each
        # would rebuild the search text of an article that is about to go anyway.
        _delete_parts(ids)
        Article.objects.filter(pk__in=ids).delete()

    def _revisions(self, written, snapshots):
        """A complete revision of each article written, naming the import."""
        last = dict(
            Revision.objects.filter(article__in=[item.article.pk for item in written])
            .values_list("article")
            .annotate(n=Max("number"))
            .order_by()
        )
        files = {page.number: PurePath(page.file).name for page in self.plan.pages}
        revisions = []
        for item in written:
            page = f"第{item.page_number:02d}版（{files[item.page_number]}）"
            source = f"{chinese_date(self.plan.date)} {page}"
            revisions.append(
                Revision(
                    article=item.article,
                    number=last.get(item.article.pk, 0) + 1,
                    author=self.user,
                    comment=f"{REVISION_COMMENTS[item.action]}：{source}"[:200],
                    data=snapshots[id(item)],
                    created_at=self.now,
                )
            )
        Revision.objects.bulk_create(revisions)


class _Parts:
    """The credits, photos and places of the articles written: the page's, replacing the old."""

    def __init__(self, written, reporters, items):
        self.written = written
        ids = [item.article.pk for item in written if item.article.pk]
        self.old_ids = ids
        # Photos keep their rows (and any image an editor uploaded) by position.
        self.old_photos = (
            {(p.article_id, p.position): p for p in Photo.objects.filter(article__in=ids)}
            if ids
            else {}
        )
        self.regions = Region.objects.select_related("parent").in_bulk(
            {p.code for item in written for p in item.parsed.regions}, field_name="code"
        )
        self.reporters = reporters
        self.photos, self.bylines, self.places = {}, {}, {}
        for item in written:
            self._build(item)

    def _build(self, item):
        article, parsed = item.article, item.parsed
        photos = []
        for position, parsed_photo in enumerate(parsed.photos, start=1):
            photo = self.old_photos.get((article.pk, position)) if article.pk else None
            if photo is None:
                photo = Photo(article=article, position=position)
            photo.caption = parsed_photo.caption or ""
            photos.append(photo)
        credits = [(c, None) for c in parsed.people + parsed.organisations]
        credits += [(c, photos[n]) for n, p in enumerate(parsed.photos) for c in p.credits]
        self.photos[id(item)] = photos
        self.bylines[id(item)] = [
            Byline(
                article=article,
                photo=photo,
                reporter=None if credit.organisation else self.reporters[credit.name],
                organisation=credit.name if credit.organisation else "",
                role=credit.role or "",
                position=position,
            )
            for position, (credit, photo) in enumerate(credits, start=1)
        ]
        codes = dict.fromkeys(p.code for p in parsed.regions if p.code in self.regions)
        self.places[id(item)] = [
            ArticleRegion(article=article, region=self.regions[code], position=position)
            for position, code in enumerate(codes, start=1)
        ]

    def derive(self):
        """Set each article's search columns and import digest; return {id(item): snapshot}."""
        tags, corrections = {}, {}
        if self.old_ids:
            for article_id, name in TaggedArticle.objects.filter(
                content_object__in=self.old_ids
            ).values_list("content_object", "tag__name"):
                tags.setdefault(article_id, []).append(name)
            for correction in Correction.objects.filter(article__in=self.old_ids).order_by("pk"):
                corrections.setdefault(correction.article_id, []).append(correction)
        snapshots = {}
        for item in self.written:
            article = item.article
            own_tags = tags.get(article.pk, [])
            article.set_search_columns(self.bylines[id(item)], self.places[id(item)], own_tags)
            snapshot = build_snapshot(
                article,
                bylines=item.content["bylines"],
                regions=item.content["regions"],
                photos=[(p.caption, p.image.name or "", p.alt) for p in self.photos[id(item)]],
                tags=own_tags,
                corrections=[(c.date, c.text) for c in corrections.get(article.pk, [])],
            )
            article.import_digest = snapshot_digest(snapshot)
            snapshots[id(item)] = snapshot
        return snapshots

    def write(self):
        """After the articles: their old parts go, the page's are written."""
        if self.old_ids:
            _delete_parts(self.old_ids, photos=False)
        photos = [p for item in self.written for p in self.photos[id(item)]]
        kept = {p.pk for p in photos if p.pk}
        extra = [p.pk for p in self.old_photos.values() if p.pk not in kept]
        if extra:
            Photo.objects.filter(pk__in=extra)._raw_delete(Photo.objects.db)
        Photo.objects.bulk_create([p for p in photos if not p.pk])
        Photo.objects.bulk_update([p for p in photos if p.pk in kept], ["caption"])
        Byline.objects.bulk_create([b for item in self.written for b in self.bylines[id(item)]])
        ArticleRegion.objects.bulk_create(
            [r for item in self.written for r in self.places[id(item)]]
        )


def _kind_of(roles):
    if roles & STAFF_ROLES:
        return Reporter.Kind.STAFF
    if roles & CORRESPONDENT_ROLES:
        return Reporter.Kind.CORRESPONDENT
    return Reporter.Kind.OTHER


def _delete_parts(article_ids, photos=True):
    """Delete the credits, places (and photos) of these articles, one statement each.

    Not through QuerySet.delete(): with receivers on these models it deletes row by row and
    rebuilds the article's search text after each row, so queries would grow with articles.
    The import rebuilds the search text of every article it writes once, after all its rows.
    """
    db = Article.objects.db
    Byline.objects.filter(article__in=article_ids)._raw_delete(db)
    ArticleRegion.objects.filter(article__in=article_ids)._raw_delete(db)
    if photos:
        Photo.objects.filter(article__in=article_ids)._raw_delete(db)


def fixture_objects(issue):
    """The issue as natural-key fixture records (no primary keys) that `loaddata` recreates.

    Derived search fields are left out: saving the rows rebuilds them.
    """
    article_fields = [f.name for f in Article._meta.concrete_fields if f.name not in SEARCH_FIELDS]
    groups = [
        ([issue], None),
        (Page.objects.filter(issue=issue), None),
        (Section.objects.filter(articles__issue=issue).distinct(), None),
        (Reporter.objects.filter(bylines__article__issue=issue).distinct(), None),
        (Article.objects.filter(issue=issue).order_by("page__number", "position"), article_fields),
        (Photo.objects.filter(article__issue=issue), None),
        (Byline.objects.filter(article__issue=issue), None),
        (ArticleRegion.objects.filter(article__issue=issue), None),
    ]
    records = []
    for queryset, fields in groups:
        records += serializers.serialize(
            "python",
            queryset,
            fields=fields,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
    return records


def write_fixture(issue, path):
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(
            fixture_objects(issue), stream, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder
        )
        stream.write("\n")
