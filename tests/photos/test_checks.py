"""Uploads are checked by content: type, size, pixel count (decompression bombs), integrity."""

import warnings

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from photos.checks import inspect_upload

from .images import image_bytes, upload


def refused(file):
    with pytest.raises(ValidationError) as error:
        inspect_upload(file)
    return error.value


def test_a_jpeg_is_known_by_its_content_whatever_its_name():
    info = inspect_upload(upload("照片.txt", size=(640, 480)))

    assert (info.format, info.width, info.height, info.extension) == ("JPEG", 640, 480, "jpg")


def test_a_png_named_jpg_is_a_png():
    info = inspect_upload(upload("photo.jpg", fmt="PNG", size=(300, 200)))

    assert (info.format, info.extension) == ("PNG", "png")


def test_a_script_named_jpg_is_refused():
    error = refused(upload("photo.jpg", data=b"<script>alert(1)</script>"))

    assert error.code == "not_an_image"
    assert "无法识别的图片文件" in error.messages[0]


@pytest.mark.parametrize("fmt", ["BMP", "GIF", "TIFF"])
def test_an_image_in_another_format_is_refused_with_its_format_named(fmt):
    error = refused(upload("photo.jpg", fmt=fmt, size=(40, 30)))

    assert error.code == "format"
    assert fmt in error.messages[0]


def test_a_truncated_jpeg_is_refused():
    data = image_bytes(size=(800, 600))

    error = refused(upload("photo.jpg", data=data[: len(data) // 2]))

    assert error.code == "not_an_image"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 2000
    data = image_bytes(size=(400, 400), quality=95)
    assert len(data) > 2000

    error = refused(upload("photo.jpg", data=data))

    assert error.code == "too_large"
    assert "图片文件过大" in error.messages[0]


def test_an_image_just_over_pillows_pixel_limit_is_an_error_not_a_warning(monkeypatch):
    # Between the limit and twice it Pillow only warns (DecompressionBombWarning).
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)
    file = upload("photo.png", fmt="PNG", size=(120, 120))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        error = refused(file)

    assert error.code == "too_many_pixels"
    assert "图片像素过多" in error.messages[0]


def test_a_real_decompression_bomb_under_the_default_limit_is_refused():
    # 144 million pixels in a file of a few hundred kilobytes: Pillow would warn and decode it.
    data = image_bytes(size=(12000, 12000), fmt="PNG", mode="1")
    assert len(data) < 2**20
    assert Image.MAX_IMAGE_PIXELS < 12000 * 12000 < 2 * Image.MAX_IMAGE_PIXELS

    assert refused(upload("bomb.png", data=data)).code == "too_many_pixels"


def test_an_image_at_the_limit_is_accepted(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)

    assert inspect_upload(upload("photo.png", fmt="PNG", size=(100, 100))).size == (100, 100)


def test_the_size_is_as_displayed_after_the_exif_orientation():
    # Orientation 6: stored 1600 × 1000, shown turned a quarter, 1000 × 1600.
    info = inspect_upload(upload(size=(1600, 1000), orientation=6))

    assert info.size == (1000, 1600)


def test_the_file_is_left_at_its_start():
    file = upload(size=(200, 100))

    inspect_upload(file)

    assert file.tell() == 0
