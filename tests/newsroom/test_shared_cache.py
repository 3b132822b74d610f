"""Without Redis the cache is files shared by every process on the machine, so a change made in
one process reaches readers served by another on their next request (issue 13, item 11: under
`make run` each process kept its own, and the home page showed the previous issue for minutes
after `import_issue --publish` from the command line)."""

import concurrent.futures

import pytest
from django.conf import settings

from newsroom import pagecache
from tests.conftest import make_article
from tests.newsroom.test_settings import run_manage

pytestmark = pytest.mark.django_db


def in_another_process(code):
    """Python run by manage.py shell in a fresh process, on the same cache directory."""
    result = run_manage(
        "shell", "--no-imports", "-c", code, CACHE_DIR=settings.CACHES["default"]["LOCATION"]
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_change_announced_in_another_process_reaches_readers_at_once(client):
    url = make_article().get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"

    in_another_process("from newsroom import pagecache; pagecache.new_generation()")

    assert client.get(url)["X-Cache"] == "MISS"


def test_another_process_reads_what_this_one_cached(client):
    client.get(make_article().get_absolute_url())
    generation = pagecache._cache().get(pagecache.EVERYTHING_KEY)

    output = in_another_process(
        "from newsroom import pagecache; print(pagecache._cache().get(pagecache.EVERYTHING_KEY))"
    )

    assert output.strip() == generation


def test_generations_started_at_once_by_many_processes_each_invalidate(client):
    # A counter incremented by read-then-write could go back to a number already used (and the
    # pages stored under it); tokens never repeat, whoever writes last.
    url = make_article().get_absolute_url()
    client.get(url)
    seen = {pagecache._cache().get(pagecache.EVERYTHING_KEY)}
    code = (
        "from newsroom import pagecache; pagecache.new_generation();"
        "print(pagecache._cache().get(pagecache.EVERYTHING_KEY))"
    )

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        outputs = list(pool.map(in_another_process, [code] * 3))

    assert client.get(url)["X-Cache"] == "MISS"
    final = pagecache._cache().get(pagecache.EVERYTHING_KEY)
    assert final not in seen
    # The last process to write read its own token back.
    assert final in {output.strip() for output in outputs}
