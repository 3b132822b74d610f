"""Writing a parsed issue to the database: all of it in one transaction, or none of it.

Matching is by natural keys, so importing the same issue again updates it in place: the issue by
date, pages by number, articles by their position on the page, reporters and sections by name,
regions by code. Queries grow with the number of pages, not with the number of articles: rows
are read, created and updated in bulk.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from articles import search
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Photo,
    Reporter,
    Revision,
    Section,
    Status,
)
from articles.signals import content_changed
from articles.slugs import unique_slug
from regions.models import Region

from .gazetteer import Place

# Readers expect the morning paper in the morning: a published import is dated 06:00 of its day.
PUBLISH_TIME = datetime.time(6, 0)
ARTICLE_FIELDS = [
    "section", "kicker", "headline", "subheadline", "dateline", "body", "editor_note"
]  # fmt: skip
DERIVED_FIELDS = ["search_document", "search_terms", "search_title", "search_title_terms"]


class LoadError(Exception):
    """A parsed issue that cannot be written (say, its number belongs to another issue)."""


@dataclass
class LoadResult:
    issue: Issue
    created: int = 0
    updated: int = 0
    removed: int = 0
    new_reporters: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def places_from_database():
    """The regions tree as the parser's Place records."""
    return [
        Place(code, name, short_name, kind, parent_code)
        for code, name, short_name, kind, parent_code in Region.objects.values_list(
            "code", "name", "short_name", "kind", "parent__code"
        )
    ]


def load_issue(parsed, *, publish=False, user=None):
    """Write parsed (a ParsedIssue) in one transaction; return a LoadResult."""
    with transaction.atomic():
        return _Loader(parsed, publish, user).run()


def fixture_objects(issue):
    """The issue as natural-key fixture records (no primary keys) that `loaddata` recreates.

    Derived search fields are left out: saving the rows rebuilds them.
    """
    article_fields = [f.name for f in Article._meta.concrete_fields if f.name not in DERIVED_FIELDS]
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


class _Loader:
    def __init__(self, parsed, publish, user):
        self.parsed = parsed
        self.publish = publish
        self.user = user
        self.now = timezone.now()

    def run(self):
        issue = self._issue()
        self.result = LoadResult(issue=issue)
        pages = self._pages(issue)
        sections = self._sections()
        reporters = self._reporters()
        regions = {
            r.code: r
            for r in Region.objects.filter(
                code__in={p.code for a in self.parsed.articles for p in a.regions}
            ).select_related("parent")
        }
        existing = {
            (a.page_id, a.position): a for a in Article.objects.filter(page__in=pages.values())
        }
        new, changed, wanted = [], [], set()
        plan = []
        for parsed_page in self.parsed.pages:
            page = pages[parsed_page.number]
            for position, parsed in enumerate(parsed_page.articles, start=1):
                wanted.add((page.pk, position))
                article = existing.get((page.pk, position))
                if article is None:
                    article = Article(
                        page=page, issue=issue, position=position, created_by=self.user
                    )
                    self._set_status(article, issue)
                    new.append(article)
                else:
                    changed.append(article)
                    if self.publish and not article.is_published():
                        self._set_status(article, issue)
                self._fill(article, parsed, sections, reporters, regions)
                plan.append((article, parsed))
        Article.objects.bulk_create(new)
        Article.objects.bulk_update(
            changed,
            ARTICLE_FIELDS + DERIVED_FIELDS + ["status", "published_at", "updated_at"],
        )
        self.result.created, self.result.updated = len(new), len(changed)
        self._remove_leftovers(existing, wanted)
        self._credits_photos_places(plan, reporters, regions)
        self._revisions([a for a, _ in plan])
        content_changed.send(sender=Article)
        return self.result

    def _issue(self):
        parsed = self.parsed
        issue = Issue.objects.filter(date=parsed.date).first()
        number = parsed.number
        if number is None:
            number = (
                issue.number if issue else (Issue.objects.aggregate(n=Max("number"))["n"] or 0) + 1
            )
        clash = Issue.objects.filter(number=number).exclude(date=parsed.date).first()
        if clash:
            raise LoadError(f"期号 {number} 已属于 {clash.date:%Y-%m-%d} 的报纸。")
        if issue is None:
            return Issue.objects.create(date=parsed.date, number=number)
        if issue.number != number:
            issue.number = number
            issue.save(update_fields=["number"])
        return issue

    def _pages(self, issue):
        pages = {p.number: p for p in Page.objects.filter(issue=issue)}
        for parsed in self.parsed.pages:
            page = pages.get(parsed.number)
            name, topic = parsed.name or "", parsed.topic or ""
            if page is None:
                pages[parsed.number] = Page.objects.create(
                    issue=issue, number=parsed.number, name=name, topic=topic
                )
            elif (page.name, page.topic) != (name, topic):
                page.name, page.topic = name, topic
                page.save(update_fields=["name", "topic"])
        return pages

    def _sections(self):
        names = {a.section for a in self.parsed.articles if a.section}
        sections = {s.name: s for s in Section.objects.filter(name__in=names)}
        for name in sorted(names - set(sections)):
            sections[name] = Section.objects.create(name=name)
        return sections

    def _reporters(self):
        names = {
            c.name
            for a in self.parsed.articles
            for c in a.people + [c for p in a.photos for c in p.people]
        }
        reporters = {r.name: r for r in Reporter.objects.filter(name__in=names)}
        fresh = []
        for name in sorted(names - set(reporters)):
            reporter = Reporter(name=name, kind=self._kind_of(name))
            reporter.slug = unique_slug(Reporter, name, separator="-")
            # Two new homophones in one import: make the second slug unique among the new ones.
            taken = {r.slug for r in fresh}
            n = 2
            base = reporter.slug
            while reporter.slug in taken:
                reporter.slug = f"{base}-{n}"
                n += 1
            fresh.append(reporter)
        Reporter.objects.bulk_create(fresh)
        reporters.update({r.name: r for r in fresh})
        self.result.new_reporters = [r.name for r in fresh]
        return reporters

    def _kind_of(self, name):
        roles = {
            c.role
            for a in self.parsed.articles
            for c in a.people + [c for p in a.photos for c in p.people]
            if c.name == name
        }
        if roles & {"记者", "本报记者", "见习记者", "实习生", "特约记者", "本刊记者"}:
            return Reporter.Kind.STAFF
        if roles & {"通讯员", "本报通讯员"}:
            return Reporter.Kind.CORRESPONDENT
        return Reporter.Kind.OTHER

    def _set_status(self, article, issue):
        if not self.publish:
            article.status, article.published_at = Status.DRAFT, None
            return
        when = datetime.datetime.combine(
            issue.date, PUBLISH_TIME, tzinfo=timezone.get_current_timezone()
        )
        # Tomorrow's paper imported tonight goes public at 06:00 tomorrow, not now.
        article.status = Status.PUBLISHED if when <= self.now else Status.SCHEDULED
        article.published_at = when

    def _fill(self, article, parsed, sections, reporters, regions):
        article.section = sections.get(parsed.section) if parsed.section else None
        article.kicker = parsed.kicker or ""
        article.headline = parsed.headline
        article.subheadline = parsed.subheadline or ""
        article.dateline = parsed.dateline or ""
        article.body = parsed.body
        article.updated_at = self.now
        if parsed.notes and not article.editor_note:
            # What the parser noticed (cut-off text, lost lines) is the editor's to check.
            article.editor_note = "\n".join(parsed.notes)
        names = [c.name for c in parsed.people + parsed.organisations]
        names += [c.name for p in parsed.photos for c in p.credits]
        places = []
        for place in parsed.regions:
            region = regions.get(place.code)
            if region is not None:
                places += [region.name, region.short_name]
                if region.parent and region.parent.kind != Region.Kind.PROVINCE:
                    places += [region.parent.name, region.parent.short_name]
        extra = names + places + ([parsed.section] if parsed.section else [])
        article.search_document, article.search_terms = search.document(
            article.kicker,
            article.headline,
            article.subheadline,
            article.dateline,
            article.body,
            " ".join(extra),
        )
        article.search_title, article.search_title_terms = search.title_document(
            article.kicker, article.headline, article.subheadline
        )

    def _remove_leftovers(self, existing, wanted):
        """Articles a re-import no longer has: drafts go; anything readers saw stays, flagged."""
        leftovers = [a for key, a in existing.items() if key not in wanted]
        drafts = [a.pk for a in leftovers if a.status in (Status.DRAFT, Status.RETURNED)]
        Article.objects.filter(pk__in=drafts).delete()
        self.result.removed = len(drafts)
        for article in leftovers:
            if article.pk not in drafts:
                self.result.warnings.append(
                    f"重新导入后不再包含《{article.headline}》（{article.get_status_display()}），"
                    "已保留，请编辑处理。"
                )

    def _credits_photos_places(self, plan, reporters, regions):
        articles = [a for a, _ in plan]
        # Photos keep their rows (and any image an editor uploaded) by position.
        photos = {(p.article_id, p.position): p for p in Photo.objects.filter(article__in=articles)}
        Byline.objects.filter(article__in=articles).delete()
        ArticleRegion.objects.filter(article__in=articles).delete()
        new_photos, changed_photos, keep_photos = [], [], set()
        for article, parsed in plan:
            for position, parsed_photo in enumerate(parsed.photos, start=1):
                photo = photos.get((article.pk, position))
                caption = parsed_photo.caption or ""
                if photo is None:
                    photo = Photo(article=article, position=position, caption=caption)
                    new_photos.append(photo)
                else:
                    photo.caption = caption
                    changed_photos.append(photo)
                    keep_photos.add(photo.pk)
                parsed_photo.row = photo
        Photo.objects.bulk_create(new_photos)
        Photo.objects.bulk_update(changed_photos, ["caption"])
        Photo.objects.filter(article__in=articles).exclude(
            pk__in=keep_photos | {p.pk for p in new_photos}
        ).delete()
        bylines, places = [], []
        for article, parsed in plan:
            credits = [(c, None) for c in parsed.people + parsed.organisations]
            credits += [(c, p.row) for p in parsed.photos for c in p.credits]
            for position, (credit, photo) in enumerate(credits, start=1):
                bylines.append(
                    Byline(
                        article=article,
                        photo=photo,
                        reporter=None if credit.organisation else reporters[credit.name],
                        organisation=credit.name if credit.organisation else "",
                        role=credit.role or "",
                        position=position,
                    )
                )
            seen = set()
            for place in parsed.regions:
                if place.code in regions and place.code not in seen:
                    seen.add(place.code)
                    places.append(
                        ArticleRegion(
                            article=article, region=regions[place.code], position=len(seen)
                        )
                    )
        Byline.objects.bulk_create(bylines)
        ArticleRegion.objects.bulk_create(places)

    def _revisions(self, articles):
        last = dict(
            Revision.objects.filter(article__in=articles)
            .values_list("article")
            .annotate(n=Max("number"))
        )
        Revision.objects.bulk_create(
            Revision(
                article=article,
                number=last.get(article.pk, 0) + 1,
                author=self.user,
                comment="导入",
                data={
                    "kicker": article.kicker,
                    "headline": article.headline,
                    "subheadline": article.subheadline,
                    "dateline": article.dateline,
                    "body": article.body,
                    "section": article.section.name if article.section else "",
                },
            )
            for article in articles
        )
