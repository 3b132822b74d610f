"""Renditions: every size and format made once, named by hash, with no EXIF left in them."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from PIL import Image

from photos import renditions
from photos.storage import ORIGINALS

from .images import has_gps, image_bytes


@pytest.fixture
def original(media_dirs):
    """A 1600 × 1000 JPEG with a GPS position, stored as an original, turned by its EXIF."""
    storage = storages[ORIGINALS]
    name = storage.save("photos/originals/ab/abc.jpg", ContentFile(image_bytes(gps=True)))
    return storage.open(name)


def public_files(media_dirs):
    return sorted(p for p in (media_dirs / "media").rglob("*") if p.is_file())


def test_every_width_and_format_is_made_and_none_is_enlarged(original, media_dirs):
    names = renditions.make_renditions(original)

    sizes = {}
    for name in names:
        with default_storage.open(name) as file, Image.open(file) as image:
            sizes[(image.format, image.size)] = name
    assert sorted(sizes) == sorted(
        (fmt, size) for fmt in ("WEBP", "JPEG") for size in [(480, 300), (800, 500), (1200, 750)]
    )


def test_a_narrow_original_is_never_enlarged(media_dirs):
    storage = storages[ORIGINALS]
    small = storage.open(storage.save("small.jpg", ContentFile(image_bytes(size=(600, 400)))))

    picture = renditions.picture(small, 600, 400)

    assert [source.width for source in picture.jpeg] == [480, 600]
    assert (picture.width, picture.height) == (600, 400)


def test_no_rendition_carries_the_gps_position(original, media_dirs):
    renditions.make_renditions(original)

    files = public_files(media_dirs)
    assert len(files) == 6
    assert not any(has_gps(path.read_bytes()) for path in files)


def test_names_are_hashes_kept_under_one_folder_and_change_with_the_original(original):
    names = renditions.make_renditions(original)
    other = storages[ORIGINALS].open(
        storages[ORIGINALS].save("photos/originals/cd/cde.jpg", ContentFile(image_bytes()))
    )

    assert all(name.startswith("photos/renditions/") for name in names)
    assert all(len(name.rsplit("/", 1)[1].split(".")[0]) == 32 for name in names)
    assert set(names).isdisjoint(renditions.make_renditions(other))


def test_making_them_again_writes_nothing(original, media_dirs):
    renditions.make_renditions(original)
    before = {path: path.stat().st_mtime_ns for path in public_files(media_dirs)}

    renditions.make_renditions(original)

    assert {path: path.stat().st_mtime_ns for path in public_files(media_dirs)} == before


def test_a_pictures_urls_ask_nothing_of_the_storage(original, media_dirs):
    picture = renditions.picture(original, 1600, 1000)
    # Nothing was made: an URL is computed from the names alone (imagekit's Optimistic strategy).
    assert public_files(media_dirs) == []

    renditions.make_renditions(original)

    assert renditions.picture(original, 1600, 1000) == picture
    assert picture.src.startswith("/media/photos/renditions/")
    assert picture.webp_srcset.count(" 480w") == 1
