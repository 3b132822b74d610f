"""axe-core finds no WCAG 2.1 AA (or best-practice) violation on any kind of public page."""

from urllib.parse import quote

from tests.browser.conftest import run_axe, seed_article


def public_pages():
    article = seed_article(1)
    return {
        "home": "/",
        "issue": "/issues/2024-10-08/",
        "page": "/issues/2024-10-08/2/",
        "article": article.get_absolute_url(),
        "list": "/articles/",
        "filtered-list": "/articles/?region=huzhou&q=" + quote("工会"),
        "search": "/search/?q=" + quote("劳模"),
        "empty-search": "/search/",
        "tag": "/tags/" + quote("技能人才") + "/",
        "reporter": "/reporters/shou-hui-zhen/",
        "region": "/regions/huzhou/",
        "section": "/sections/farungongxin/",
        "calendar": "/issues/2024/10/",
        "issue-list": "/issues/",
        "corrections": "/corrections/",
        "not-found": "/no-such-page/",
    }


def test_no_accessibility_violations_on_any_public_page(paper, tab, viewport):
    seed_article(2).add_correction("第一段中的“27名选手”应为“28名选手”。")
    found = {}
    for name, path in public_pages().items():
        tab.goto(paper + path)
        violations = run_axe(tab)
        if violations:
            found[name] = violations

    assert found == {}


def test_the_filter_form_opened_is_accessible_too(paper, tab, viewport):
    tab.goto(paper + "/articles/")
    tab.locator(".filters summary").click()

    assert run_axe(tab) == []
