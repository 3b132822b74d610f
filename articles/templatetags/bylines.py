"""How credits are written on every page: {{ bylines|credit_line }} (includes/credits.html)."""

import itertools

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def credit_line(bylines):
    """Byline rows as printed, grouped by role: 记者 寿慧桢 通讯员 金儒彪、吴倩."""
    return credit_html(
        (b.role, b.name, b.reporter.get_absolute_url() if b.reporter_id else None) for b in bylines
    )


def credit_html(credits):
    """(role, name, reporter's URL or None) in order, as credit_line writes them.

    Written here rather than in a template: a results page writes twenty of them, and the
    template's regroup and loops cost a fifth of the page (format_html() too, a tenth).
    """
    groups = []
    for role, group in itertools.groupby(credits, key=lambda credit: credit[0]):
        # 摄影 is said by the photo credit's own 摄 after the names.
        label = f"{escape(role)} " if role and role != "摄影" else ""
        names = "、".join(
            f'<a href="{escape(url)}">{escape(name)}</a>' if url else escape(name)
            for _role, name, url in group
        )
        groups.append(f'<span class="credit">{label}{names}</span>')
    return mark_safe(" ".join(groups))
