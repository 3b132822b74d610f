"""What an uploaded photo must pass before it is stored: each check with its own message.

The type is read from the content, never from the name (a JPEG called photo.txt is a JPEG; a
script called photo.jpg is refused); the file must not exceed PHOTO_MAX_UPLOAD_BYTES; and an
image of more pixels than Pillow's Image.MAX_IMAGE_PIXELS is refused outright. Pillow itself
only warns between that limit and twice it, and decoding such a "decompression bomb" would
take gigabytes: here the limit is an error, checked from the header before any pixel is read.
"""

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import ExifTags, Image, UnidentifiedImageError

# Pillow's format name → the extension a stored original gets.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
DEFAULT_MAX_UPLOAD_BYTES = 20 * 2**20  # as deploy/nginx.conf's client_max_body_size


@dataclass(frozen=True)
class PhotoInfo:
    format: str  # Pillow's: JPEG, PNG, WEBP
    width: int  # as displayed: after the EXIF orientation is applied
    height: int

    @property
    def size(self):
        return self.width, self.height

    @property
    def extension(self):
        return FORMATS[self.format]


def max_upload_bytes():
    return getattr(settings, "PHOTO_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def inspect_upload(file):
    """The PhotoInfo of an uploaded file, or a ValidationError saying what is wrong with it.

    `file` is any Django File; it is read from the start and left at the start.
    """
    limit = max_upload_bytes()
    if file.size is not None and file.size > limit:
        raise ValidationError(
            "图片文件过大（%(size)s），上限是 %(limit)s。",
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Between the limit and twice it Pillow warns; we refuse below, from the size.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                info = _info(image)
                _refuse_bombs(image)
                _decode(image)
    except Image.DecompressionBombError as error:
        raise _bomb() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "无法识别的图片文件：请上传 JPEG、PNG 或 WebP 格式的照片。", code="not_an_image"
        ) from error
    finally:
        file.seek(0)
    return info


def _info(image):
    if image.format not in FORMATS:
        raise ValidationError(
            "不支持的图片格式（%(format)s）：请上传 JPEG、PNG 或 WebP 格式的照片。",
            code="format",
            params={"format": image.format},
        )
    width, height = image.size
    # Orientations 5–8 turn the picture a quarter: it is shown, and rendered, the other way up.
    if image.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8):
        width, height = height, width
    return PhotoInfo(image.format, width, height)


def _decode(image):
    """Read every byte of the picture, so that a truncated or corrupt file fails here.

    A JPEG is decoded at an eighth of its size (the decoder still reads the whole stream),
    which costs a sixty-fourth of the memory.
    """
    if image.format == "JPEG":
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()


def _refuse_bombs(image):
    limit = Image.MAX_IMAGE_PIXELS
    if limit and image.width * image.height > limit:
        raise _bomb()


def _bomb():
    return ValidationError(
        "图片像素过多（上限 %(limit)s 像素），无法处理：请缩小后再上传。",
        code="too_many_pixels",
        params={"limit": f"{Image.MAX_IMAGE_PIXELS:,}"},
    )
