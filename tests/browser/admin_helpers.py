"""Signing in to the admin from a browser tab, and counting the pages a task loads."""

import importlib

PASSWORD = "a-long-test-password-8421"


def sign_in(tab, base, username, path="/admin/"):
    tab.goto(base + path)
    tab.get_by_label("用户名").fill(username)
    tab.get_by_label("密码").fill(PASSWORD)
    tab.get_by_role("button", name="登录").click()


class PageLoads:
    """How many pages a tab loads (documents shown, not redirects, images or styles), and how
    many document requests that took (redirects included)."""

    def __init__(self, tab):
        self.count = self.requests = 0
        tab.on("response", self.seen)

    def seen(self, response):
        if response.request.resource_type == "document":
            self.requests += 1
            self.count += not 300 <= response.status < 400

    def __str__(self):
        return f"{self.count} pages ({self.requests} requests with redirects)"


def editorial_groups():
    """The role groups the migrations make: a transactional test's flush deletes them."""
    from django.apps import apps

    for module, function in [
        ("articles.migrations.0003_editorial_groups", "create_groups"),
        ("desk.migrations.0002_sign_off_permissions", "grant"),
    ]:
        getattr(importlib.import_module(module), function)(apps, None)


def scrolls_sideways(tab):
    """Whether the page as a whole is wider than the window (a table scrolling inside its own
    box does not count: that is how a wide table reads on a phone)."""
    return tab.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
