"""The signals this app sends; their receivers are in signal_handlers.py.

`content_changed` is sent whenever anything readers might see has changed (including by bulk
UPDATEs, which send no model signals); whole-page caches listen to it.
"""

from django.dispatch import Signal

content_changed = Signal()
