"""A browser-style test that meets a server exception and leaves it: it must fail.

Not collected with the suite (its name is not test_*.py): test_live_server_errors.py runs it in
a pytest of its own and checks that it fails, with the server's traceback.
"""

import urllib.error
import urllib.request

import pytest


def test_that_clicks_past_a_server_error(live_site, settings):
    settings.ROOT_URLCONF = "tests.browser.failing_urls"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{live_site}/boom/")
    # The test body itself raises nothing: only the live server's error can fail it.
