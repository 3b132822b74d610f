"""Pinyin slugs for URLs: 法润工心 → farungongxin, 寿慧桢 → shou-hui-zhen."""

from django.utils.text import slugify
from pypinyin import lazy_pinyin


def pinyin_slug(text, separator=""):
    return slugify(separator.join(lazy_pinyin(text))) or "x"


def unique_slug(model, text, separator="", exclude_pk=None):
    """A pinyin slug not yet used by another row of model (homophones get -2, -3 …)."""
    base = pinyin_slug(text, separator)[:50]
    taken = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
