"""When a page (版) is ready for print: the one rule the desk shows and the sign-off checks.

- Withdrawn articles (已撤稿) are off the page: they neither count nor block.
- A page with no other article is 缺稿 (missing copy).
- A page is ready when every article on it is approved, scheduled or published (已审 or later);
  a draft, a submitted or a returned article leaves it 未就绪 (not ready).
- An issue is ready to sign off when it has pages and every one of them is signed off.
"""

from articles.models import Status

READY_STATUSES = (Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED)
OFF_THE_PAGE = (Status.WITHDRAWN,)

MISSING, NOT_READY, READY = "missing", "not_ready", "ready"
STATE_LABELS = {MISSING: "缺稿", NOT_READY: "未就绪", READY: "可签版"}


def page_state(statuses):
    """The state of a page from its articles' statuses (any iterable of Status values)."""
    on_page = [status for status in statuses if status not in OFF_THE_PAGE]
    if not on_page:
        return MISSING
    if all(status in READY_STATUSES for status in on_page):
        return READY
    return NOT_READY


def page_problem(page):
    """Why page cannot be signed off (a sentence), or "" when it can."""
    state = page_state(page.articles.values_list("status", flat=True))
    if state == MISSING:
        return f"{page}缺稿：还没有稿件，不能签版。"
    if state == NOT_READY:
        return f"{page}还有未审完的稿件，不能签版。"
    return ""
