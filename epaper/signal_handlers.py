"""Page PDFs and their zones are what readers see on the printed page: a change to either is a
content change, so whole-page caches refresh (articles.signals.content_changed).

Announced without keys (every page refreshes): a page's image and zones show on its page, its
issue, the home page and each of its articles' 原版位置, and such changes are rare (an import's
stored page, an editor's zone correction). Renditions and page photos are written only together
with their PagePdf, whose save announces them.
"""

from django.db.models.signals import post_delete, post_save

from articles.signals import content_changed
from epaper.models import PagePdf, Zone


def announce_change(sender, **kwargs):
    content_changed.send(sender=sender)


def register_signal_handlers():
    for model in (PagePdf, Zone):
        name = model.__name__
        post_save.connect(announce_change, sender=model, dispatch_uid=f"epaper_saved_{name}")
        post_delete.connect(announce_change, sender=model, dispatch_uid=f"epaper_deleted_{name}")
