"""Originals are kept out of MEDIA_ROOT, in a storage that has no URL."""

import pytest
from django.conf import settings
from django.core.files.storage import storages

from photos.storage import ORIGINALS


def test_the_originals_storage_gives_no_url(media_dirs):
    with pytest.raises(ValueError, match="原图不公开"):
        storages[ORIGINALS].url("photos/originals/ab/abc.jpg")


def test_originals_live_outside_the_public_media_folder():
    private = storages[ORIGINALS].location
    media = str(settings.MEDIA_ROOT)

    assert not private.startswith(media.rstrip("/") + "/") and private != media
