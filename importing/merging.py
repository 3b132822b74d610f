"""Deciding the merge an import makes, before anything is written: the plan (see `plan`).

An import is a merge that the operator reviews, never a replacement. The plan is computed from
the database and the parsed pages; the review shows it and the loader carries it out, so the
review (a dry run, the admin's preview) says exactly what the real run does or refuses.

For each page it imports (and no other page), each article on the page is matched with an
article already on that page of the issue: first by the same 主题, then, for articles an import
wrote, by the same position. Then:

- no match: the article is new;
- the page says what the system holds: unchanged;
- the system's article is still the import's own work (an imported draft nobody has changed
  since, see Article.is_untouched_import): updated;
- anything else is a conflict, kept as it is unless the operator asks for the page's version
  (never for an article written in the admin, which no import changes or deletes);
- an imported article the page no longer has is listed as 不再见于版面; it is removed only when it
  is still the import's own work and the operator asks for that.

Reads only: `plan_issue(..., lock=True)` takes the row locks that make the loader's writes safe
against a second import or an editor's save in the same instant.
"""

from django.db.models import Max

from articles.models import Article, Issue, Page, Reporter, Section, StatusChange
from articles.models.history import byline_label
from regions.models import Region

from .plan import COMPARED, Action, ArticlePlan, Difference, IssuePlan, PagePlan, digest


def page_content(parsed, regions):
    """What the page says of an article, in the shape of the system's snapshot.

    regions: code → Region, for the places the page names that the regions tree has.
    """
    credits = [(c, False) for c in parsed.people + parsed.organisations]
    credits += [(c, True) for photo in parsed.photos for c in photo.credits]
    codes = list(dict.fromkeys(p.code for p in parsed.regions if p.code in regions))
    return {
        "kicker": parsed.kicker or "",
        "headline": parsed.headline,
        "subheadline": parsed.subheadline or "",
        "section": parsed.section or "",
        "dateline": parsed.dateline or "",
        "bylines": [byline_label(c.role or "", c.name, photo) for c, photo in credits],
        "regions": [regions[code].name for code in codes],
        "body": parsed.body,
        "photos": [photo.caption or "" for photo in parsed.photos],
    }


def differences(page, system):
    """The compared fields where the page and the system's snapshot differ."""
    found = []
    for key, label in COMPARED:
        # A snapshot stored before a field was compared lacks it: shown as empty, not a crash.
        stored = system.get(key)
        if stored is None:
            stored = "" if isinstance(page[key], str) else []
        if page[key] != stored:
            found.append(Difference(label, _as_text(key, page[key]), _as_text(key, stored)))
    return found


def _as_text(key, value):
    if isinstance(value, str):
        return value
    return ("\n" if key == "photos" else "、").join(value)


def plan_issue(parsed, options, *, lock=False):
    """The plan for importing parsed (a ParsedIssue) with options, read from the database.

    Who may do what: with a user, the same permissions as the admin (add for new articles,
    change for updates, the right to edit each replaced article as an editor would, delete for
    removals, publish for --publish). Without one (the command run by the server's operator,
    who holds the database anyway) the import may do its own work, but it never overrides an
    editor's: replacing a conflict needs a named user.
    """
    return _Planner(parsed, options, lock).plan()


class _Planner:
    def __init__(self, parsed, options, lock):
        self.parsed = parsed
        self.options = options
        self.lock = lock

    def plan(self):
        parsed, options = self.parsed, self.options
        issue = self._issue()
        plan = IssuePlan(date=parsed.date, number=parsed.number, options=options, issue=issue)
        self._number(plan)
        pages = self._existing_pages(issue)
        articles = self._existing_articles(pages)
        snapshots = Article.objects.filter(pk__in=[a.pk for a in articles]).snapshots()
        moved = set(
            StatusChange.objects.filter(article__in=[a.pk for a in articles])
            .values_list("article_id", flat=True)
            .distinct()
        )
        regions = Region.objects.in_bulk(
            {p.code for a in parsed.articles for p in a.regions}, field_name="code"
        )
        for parsed_page in parsed.pages:
            page = pages.get(parsed_page.number)
            on_page = [a for a in articles if page is not None and a.page_id == page.pk]
            plan.pages.append(self._page(parsed_page, page, on_page, snapshots, moved, regions))
        self._choices(plan)
        self._names(plan)
        self._permissions(plan)
        return plan

    # The issue and its pages.

    def _issue(self):
        issues = Issue.objects.filter(date=self.parsed.date)
        if self.lock:
            # A second import of this issue waits here until the first has committed. NO KEY:
            # a row lock that the foreign-key checks of others' writes (an editor's revision,
            # checked at their commit) do not wait for, so that no two sides wait on each other.
            issues = issues.select_for_update(no_key=True)
        return issues.first()

    def _number(self, plan):
        issue, wanted = plan.issue, self.parsed.number
        if issue is not None:
            plan.number = issue.number
            if wanted is not None and wanted != issue.number:
                if self.options.renumber:
                    plan.old_number, plan.number = issue.number, wanted
                else:
                    plan.refusals.append(
                        f"{issue.date:%Y-%m-%d} 的报纸已是第{issue.number}期，"
                        f"本次要求第{wanted}期：已有的期号不因导入而改变，除非明确要求改期号。"
                    )
        elif wanted is None:
            plan.number = (Issue.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        clash = Issue.objects.filter(number=plan.number).exclude(date=self.parsed.date).first()
        if clash is not None:
            plan.refusals.append(f"期号 {plan.number} 已属于 {clash.date:%Y-%m-%d} 的报纸。")

    def _existing_pages(self, issue):
        if issue is None:
            return {}
        numbers = [p.number for p in self.parsed.pages]
        return {p.number: p for p in Page.objects.filter(issue=issue, number__in=numbers)}

    def _existing_articles(self, pages):
        if not pages:
            return []
        articles = Article.objects.filter(page__in=pages.values())
        if self.lock:
            # An editor's save locks its article (ArticleAdminForm.current_version): whichever
            # comes second waits, then sees the other's change (the import, a new version).
            locked = articles.select_for_update(no_key=True).order_by("pk")
            list(locked.values_list("pk", flat=True))
        return list(articles.select_related("section").order_by("page__number", "position"))

    def _page(self, parsed_page, page, on_page, snapshots, moved, regions):
        name, topic = parsed_page.name or "", parsed_page.topic or ""
        plan = PagePlan(parsed_page.number, parsed_page.file, name, topic, page)
        if page is not None:
            # A page's name and banner change only when the page text gives new ones.
            if name and name != page.name:
                plan.renamed = (page.name, name)
            if topic and topic != page.topic:
                plan.retopic = (page.topic, topic)
            plan.name, plan.topic = plan.name or page.name, plan.topic or page.topic
        matches = _match(parsed_page.articles, on_page)
        taken = {a.position for a in on_page}
        waiting = []
        for index, (parsed, article) in enumerate(zip(parsed_page.articles, matches, strict=True)):
            content = page_content(parsed, regions)
            if article is None:
                item = ArticlePlan(parsed_page.number, index + 1, Action.NEW, parsed, None, content)
                item.publish = self.options.publish
                if item.position in taken:
                    waiting.append(item)
                taken.add(item.position)
            else:
                item = self._matched(parsed_page.number, parsed, article, content, snapshots, moved)
            plan.articles.append(item)
        last = max(taken | {len(parsed_page.articles)}, default=0)
        for offset, item in enumerate(waiting, start=1):
            occupant = next(a for a in on_page if a.position == item.position)
            item.notes.append(
                f"原定第{item.position}篇的位置已有《{occupant.headline}》，"
                f"排在第{last + offset}篇。"
            )
            item.position = last + offset
        matched = {a.pk for a in matches if a is not None}
        for article in on_page:
            if article.pk not in matched and article.origin == Article.Origin.IMPORT:
                plan.articles.append(self._leftover(parsed_page.number, article, snapshots, moved))
        _attach_warnings(plan, parsed_page)
        return plan

    def _matched(self, page_number, parsed, article, content, snapshots, moved):
        snapshot = snapshots[article.pk]
        item = ArticlePlan(
            page_number, article.position, Action.UNCHANGED, parsed, article, content
        )
        item.system_digest = digest(snapshot)
        item.differences = differences(content, snapshot)
        untouched = article.is_untouched_import(snapshot, article.pk in moved)
        if untouched:
            item.action = (
                Action.UPDATED if item.differences or self.options.publish else item.action
            )
            item.publish = self.options.publish
        elif item.differences:
            item.action = Action.CONFLICT
            item.reason = _why_not_ours(article, moved)
            item.replaceable = article.origin == Article.Origin.IMPORT
        elif self.options.publish and not article.is_published():
            item.notes.append(f"不发布：{_why_not_ours(article, moved)}，须经审核流程。")
        return item

    def _leftover(self, page_number, article, snapshots, moved):
        snapshot = snapshots[article.pk]
        item = ArticlePlan(page_number, article.position, Action.MISSING, article=article)
        item.system_digest = digest(snapshot)
        if article.is_untouched_import(snapshot, article.pk in moved):
            item.removable = True
            if self.options.delete_missing:
                item.action = Action.REMOVED
            else:
                item.reason = "导入后未经改动的草稿；要求删除时才删除"
        else:
            item.reason = f"{_why_not_ours(article, moved)}，不会删除"
        return item

    # New names, the operator's choices, permissions.

    def _names(self, plan):
        written = [a.parsed for a in plan.articles if a.writes_content]
        names = {
            c.name
            for parsed in written
            for c in parsed.people + [c for p in parsed.photos for c in p.people]
        }
        known = set(Reporter.objects.filter(name__in=names).values_list("name", flat=True))
        plan.new_reporters = sorted(names - known)
        sections = {parsed.section for parsed in written if parsed.section}
        known = set(Section.objects.filter(name__in=sections).values_list("name", flat=True))
        plan.new_sections = sorted(sections - known)

    def _choices(self, plan):
        conflicts = {a.article.pk: a for a in plan.articles if a.action == Action.CONFLICT}
        for pk in sorted(self.options.replace):
            item = conflicts.get(pk)
            if item is None:
                plan.refusals.append(f"稿件 {pk} 不是本次导入中的冲突稿件，无从替换。")
            elif not item.replaceable:
                plan.refusals.append(
                    f"稿件 {pk}《{item.article.headline}》是后台录入的，导入从不改动它。"
                )
        for item in conflicts.values():
            if item.replaceable and (
                self.options.replace_all or item.article.pk in self.options.replace
            ):
                item.action = Action.REPLACED

    def _permissions(self, plan):
        user = self.options.user
        replaced = plan.of(Action.REPLACED)
        if user is None:
            if replaced:
                plan.refusals.append(
                    "以版面内容替换冲突稿件须指明操作人（有权修改这些稿件的用户）。"
                )
            return
        needed = {
            "articles.add_issue": plan.issue is None,
            "articles.add_article": bool(plan.of(Action.NEW)),
            "articles.change_article": bool(plan.of(Action.UPDATED) or replaced),
            "articles.delete_article": bool(plan.of(Action.REMOVED)),
            "articles.publish_article": any(a.publish for a in plan.articles),
            "articles.change_issue": plan.old_number is not None,
        }
        for permission, wanted in needed.items():
            if wanted and not user.has_perm(permission):
                plan.refusals.append(f"{user.get_username()} 没有所需的权限（{permission}）。")
        for item in replaced:
            if not item.article.can_be_edited_by(user):
                plan.refusals.append(
                    f"{user.get_username()} 无权修改稿件 {item.article.pk}"
                    f"《{item.article.headline}》（{item.article.get_status_display()}）。"
                )


def _match(parsed_articles, on_page):
    """For each parsed article, the article on the page it is: same 主题, else an imported
    article at the same position. Articles written in the admin match only by 主题."""
    unmatched = list(on_page)
    matches = [None] * len(parsed_articles)
    for index, parsed in enumerate(parsed_articles):
        for article in unmatched:
            if article.headline == parsed.headline:
                matches[index] = article
                unmatched.remove(article)
                break
    for index in range(len(parsed_articles)):
        if matches[index] is not None:
            continue
        for article in unmatched:
            if article.position == index + 1 and article.origin == Article.Origin.IMPORT:
                matches[index] = article
                unmatched.remove(article)
                break
    return matches


def _why_not_ours(article, moved):
    if article.origin != Article.Origin.IMPORT:
        return "后台录入的稿件，导入从不改动"
    if article.status != Article.Status.DRAFT:
        return f"状态为“{article.get_status_display()}”"
    if article.pk in moved:
        return "已经过审核流程"
    if not article.import_digest:
        return "早前导入的稿件，无法确认导入后未经改动"
    return "导入后已被编辑修改"


def _attach_warnings(plan, parsed_page):
    """Each parser warning goes with the article whose lines it concerns; others, the page's."""
    starts = sorted(
        ((a.parsed.line, a) for a in plan.articles if a.parsed is not None), key=lambda s: s[0]
    )
    for warning in parsed_page.warnings:
        owner = None
        for line, item in starts:
            if line <= warning.line:
                owner = item
        (owner.warnings if owner else plan.warnings).append(warning)
