"""An import's plan: what the merge will do to each article of the pages, as plain data.

Computed by `merging.plan_issue` from the database and the parsed pages, shown by `review` (and
the admin's cards), carried out by `loading`. Its signature() says what it rests on, so that a
plan reviewed earlier can be told from the plan the database gives now.
"""

import difflib
import enum
import hashlib
import json
from dataclasses import dataclass, field

from articles.importing.structure import ParsedArticle, ParseWarning
from articles.models import Article, Issue, Page


class Action(enum.StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    CONFLICT = "conflict"
    REPLACED = "replaced"
    MISSING = "missing"
    REMOVED = "removed"

    @property
    def label(self):
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.NEW: "新建",
    Action.UNCHANGED: "不变",
    Action.UPDATED: "更新",
    Action.CONFLICT: "冲突，保留",
    Action.REPLACED: "冲突，替换",
    Action.MISSING: "不再见于版面，保留",
    Action.REMOVED: "不再见于版面，删除",
}
# The summary line, in this order.
SUMMARY = [
    (Action.NEW, "新建"),
    (Action.UNCHANGED, "不变"),
    (Action.UPDATED, "更新"),
    (Action.CONFLICT, "冲突保留"),
    (Action.REPLACED, "替换"),
    (Action.REMOVED, "删除"),
    (Action.MISSING, "不再见于版面保留"),
]
# What the page says of an article, compared field by field with what the system holds.
COMPARED = [
    ("kicker", "引题"),
    ("headline", "主题"),
    ("subheadline", "副题"),
    ("section", "栏目"),
    ("dateline", "电头"),
    ("bylines", "署名"),
    ("regions", "地区"),
    ("body", "正文"),
    ("photos", "图片说明"),
]


class ImportRefused(Exception):
    """The plan says no (an issue number that is taken, a replacement not allowed …)."""

    def __init__(self, plan, message=None):
        self.plan = plan
        super().__init__(message or "；".join(plan.refusals))


class PlanChanged(ImportRefused):
    """The database changed after the review was made: what was reviewed is not what would run."""

    def __init__(self, plan):
        super().__init__(
            plan,
            "预览之后数据库已有变化（他人修改了稿件或同时导入），没有写入任何内容，请核对新的结果。",
        )


@dataclass(frozen=True)
class ImportOptions:
    """What the operator asked for, besides the pages themselves."""

    number: int | None = None
    renumber: bool = False
    publish: bool = False
    replace_all: bool = False
    replace: frozenset = frozenset()
    delete_missing: bool = False
    # Who imports; None is the system (the command without --user): see plan_issue.
    user: object = None


@dataclass
class Difference:
    """One field where the page and the system differ, as text; lines for the long fields."""

    label: str
    page: str
    system: str

    @property
    def changed_lines(self):
        """The lines that differ, marked - (system) and + (page), for the body and captions."""
        return [
            (line[0], line[2:])
            for line in difflib.ndiff(self.system.splitlines(), self.page.splitlines())
            if line[:1] in {"-", "+"}
        ]

    @property
    def is_long(self):
        return "\n" in self.page or "\n" in self.system


@dataclass
class ArticlePlan:
    """One article of an imported page, or one that the page no longer has, and what happens."""

    page_number: int
    position: int
    action: Action
    parsed: ParsedArticle | None = None
    article: Article | None = None
    content: dict | None = None  # the page's side, as compared
    system_digest: str = ""
    reason: str = ""
    differences: list[Difference] = field(default_factory=list)
    replaceable: bool = False  # a conflict the operator may have replaced
    removable: bool = False  # a leftover the operator may have removed
    publish: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def headline(self):
        return self.parsed.headline if self.parsed else self.article.headline

    @property
    def body_size(self):
        paragraphs = self.parsed.paragraphs
        return f"{len(paragraphs)} 段，{sum(len(p) for p in paragraphs)} 字"

    @property
    def writes_content(self):
        """Whether the page's text, credits, places and photos are written to this article
        (an update of an unchanged draft only publishes it)."""
        return self.action in (Action.NEW, Action.REPLACED) or (
            self.action == Action.UPDATED and bool(self.differences)
        )

    def fingerprint(self):
        """What this decision rests on, without the operator's choices: for the plan's signature."""
        base = {Action.REPLACED: Action.CONFLICT, Action.REMOVED: Action.MISSING}
        return [
            str(base.get(self.action, self.action)),
            self.article.pk if self.article else None,
            self.article.version if self.article else None,
            self.system_digest,
            digest(self.content) if self.content else "",
            self.position,
            self.replaceable,
            self.removable,
        ]

    def to_dict(self):
        return {
            "page": self.page_number,
            "position": self.position,
            "headline": self.headline,
            "action": str(self.action),
            "article": self.article.pk if self.article else None,
            "reason": self.reason,
            "differences": [d.label for d in self.differences],
            "publish": self.publish,
            "notes": list(self.notes),
        }


@dataclass
class PagePlan:
    number: int
    file: str
    name: str
    topic: str
    page: Page | None = None
    renamed: tuple | None = None  # (old name, new name)
    retopic: tuple | None = None  # (old topic, new topic)
    articles: list[ArticlePlan] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)  # not about one article
    pdf: object = None  # pdf_pages.PdfPage of a page given as a PDF: its image and zones
    image: str = ""  # where the command line's review wrote the page image with its zones

    @property
    def all_warnings(self):
        return self.warnings + [w for a in self.articles for w in a.warnings]


@dataclass
class IssuePlan:
    date: object
    number: int
    options: ImportOptions
    issue: Issue | None = None
    old_number: int | None = None  # set when the import renumbers the issue
    pages: list[PagePlan] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    new_reporters: list[str] = field(default_factory=list)
    new_sections: list[str] = field(default_factory=list)
    written_issue: Issue | None = None  # once carried out

    @property
    def articles(self):
        return [a for page in self.pages for a in page.articles]

    @property
    def warnings(self):
        return [w for page in self.pages for w in page.all_warnings]

    def of(self, action):
        return [a for a in self.articles if a.action == action]

    def summary(self):
        return {action: len(self.of(action)) for action, _ in SUMMARY}

    def summary_line(self):
        counts = self.summary()
        return "，".join(f"{label} {counts[action]} 篇" for action, label in SUMMARY)

    @property
    def changes_anything(self):
        counts = self.summary()
        return bool(
            self.issue is None
            or self.old_number is not None
            or any(p.page is None or p.renamed or p.retopic for p in self.pages)
            or any(counts[a] for a in (Action.NEW, Action.UPDATED, Action.REPLACED, Action.REMOVED))
        )

    def signature(self):
        """A digest of what the plan rests on (the database as read, the pages as parsed).

        Equal signatures at review and at writing mean the review showed what is written.
        """
        return digest(
            [
                self.issue.pk if self.issue else None,
                self.number,
                self.old_number,
                self.new_reporters,
                [
                    [p.number, p.page.pk if p.page else None, p.renamed, p.retopic]
                    + [a.fingerprint() for a in p.articles]
                    for p in self.pages
                ],
            ]
        )

    def to_dict(self):
        return {
            "issue": {"date": self.date.isoformat(), "number": self.number, "new": not self.issue},
            "renumber": [self.old_number, self.number] if self.old_number else None,
            "refusals": list(self.refusals),
            "summary": {str(action): n for action, n in self.summary().items()},
            "articles": [a.to_dict() for a in self.articles],
        }


def digest(value):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
