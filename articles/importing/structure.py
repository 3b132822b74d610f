"""The parser's output: plain dataclasses that the loader writes and the JSON report prints."""

import datetime
from dataclasses import dataclass, field

from articles.body_text import BodyBlocksMixin, body_lines_of

from .bylines import Credit
from .gazetteer import Place


@dataclass
class ParseWarning:
    """Something an editor should check, with the file and line it comes from."""

    file: str
    line: int
    message: str
    # The text the parser left out of every article, every line of it: the message quotes
    # only its head, and the operator must see all of it to place it by hand.
    left_out: str = ""

    def to_dict(self):
        found = {"file": self.file, "line": self.line, "message": self.message}
        if self.left_out:
            found["left_out"] = self.left_out
        return found

    def __str__(self):
        return f"{self.file} 第{self.line}行：{self.message}"

    def left_out_lines(self, indent):
        """The text left out, a line each under a heading, for a plain-text review."""
        if not self.left_out:
            return []
        lines = [f"{indent}  {line}" for line in self.left_out.splitlines()]
        return [f"{indent}未导入的全文：", *lines]


@dataclass
class ParsedPhoto:
    caption: str | None
    credits: list[Credit] = field(default_factory=list)
    line: int = 0
    # The source lines of its caption and credit: a PDF import maps them to boxes on the page.
    lines: list[int] = field(default_factory=list)

    @property
    def people(self):
        return [c for c in self.credits if not c.organisation]

    @property
    def organisations(self):
        return [c for c in self.credits if c.organisation]

    def to_dict(self):
        return {
            "caption": self.caption,
            "credits": [c.to_dict() for c in self.people],
            "organisations": [c.to_dict() for c in self.organisations],
        }


@dataclass
class ParsedArticle(BodyBlocksMixin):
    headline: str
    line: int
    section: str | None = None
    kicker: str | None = None
    subheadline: str | None = None
    dateline: str | None = None
    people: list[Credit] = field(default_factory=list)
    organisations: list[Credit] = field(default_factory=list)
    regions: list[Place] = field(default_factory=list)
    # The body in reading order: ("paragraph", text) and ("crosshead", text).
    blocks: list[tuple[str, str]] = field(default_factory=list)
    photos: list[ParsedPhoto] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The page printed no headline: `headline` is the first clause standing in, flagged.
    headline_stand_in: bool = False
    # The source lines it was read from (headline group, credits, body, captions), in order:
    # a PDF import maps them to their boxes to draw the article's area on the page.
    lines: list[int] = field(default_factory=list)

    @property
    def body_lines(self):
        """What Article.body stores: one paragraph a line, crossheads as "## " lines."""
        return body_lines_of(self.blocks)

    @property
    def body(self):
        return "\n".join(self.body_lines)

    def to_dict(self):
        return {
            "section": self.section,
            "kicker": self.kicker,
            "headline": self.headline,
            "headline_stand_in": self.headline_stand_in,
            "subheadline": self.subheadline,
            "dateline": self.dateline,
            "people": [c.to_dict() for c in self.people],
            "organisations": [c.to_dict() for c in self.organisations],
            "regions": [p.to_dict() for p in self.regions],
            "crossheads": self.crossheads,
            "paragraphs": self.paragraphs,
            "photos": [p.to_dict() for p in self.photos],
            "notes": list(self.notes),
            "line": self.line,
        }


@dataclass
class ParsedPage:
    file: str
    number: int
    name: str | None = None
    topic: str | None = None
    articles: list[ParsedArticle] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def to_dict(self):
        return {
            "number": self.number,
            "name": self.name,
            "topic": self.topic,
            "articles": [a.to_dict() for a in self.articles],
            "file": self.file,
        }


@dataclass
class ParsedIssue:
    date: datetime.date
    number: int | None
    pages: list[ParsedPage] = field(default_factory=list)

    @property
    def warnings(self):
        return [w for page in self.pages for w in page.warnings]

    @property
    def articles(self):
        return [a for page in self.pages for a in page.articles]

    def to_dict(self):
        return {
            "issue": {"date": self.date.isoformat(), "number": self.number},
            "pages": [p.to_dict() for p in self.pages],
            "warnings": [w.to_dict() for w in self.warnings],
        }
