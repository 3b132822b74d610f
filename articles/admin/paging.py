"""The changelist's paginator for searches: matches counted up to a cap, shown as 超过 1000."""

from functools import cached_property

from django.core.paginator import Paginator


class AtLeast(int):
    """A count that stopped at its cap: arithmetic as the number, shown as 超过 1000."""

    capped = True

    def __str__(self):
        return f"超过 {int(self)}"


class BoundedCountPaginator(Paginator):
    """Counts at most MAX_COUNTED rows, as the readers' search does.

    A common word matches most of the archive; counting every match reads every matching row
    (a second at 100,000 articles), only to print a number nobody pages through. Past the cap
    the editor narrows the search or adds a filter.
    """

    MAX_COUNTED = 1000

    @cached_property
    def count(self):
        counted = self.object_list[: self.MAX_COUNTED + 1].count()
        return AtLeast(self.MAX_COUNTED) if counted > self.MAX_COUNTED else counted
