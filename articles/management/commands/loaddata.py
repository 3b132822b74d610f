"""Django's loaddata, with the derived data of what it loads worked out once, at the end.

Fixture rows are saved one by one; our signal handlers would rebuild an article's search
document and refresh the page cache after each row (2.7 s for the seed issue's 85 rows, most of
a test that loads it). Inside batched() they note the articles instead, and each gets its search
document once when the fixtures are in, in the same transaction. `manage.py loaddata` and
call_command both run this one.
"""

from django.core.management.commands import loaddata
from django.db import transaction

from articles.signal_handlers import batched


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        # One transaction: the rows and what is derived from them are committed together.
        with transaction.atomic(using=options["database"]), batched():
            return super().handle(*fixture_labels, **options)
