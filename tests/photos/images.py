"""Real images made by Pillow for the photo tests: JPEGs with EXIF (GPS, orientation), others."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

GPS = {1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)}


def image_bytes(size=(1600, 1000), fmt="JPEG", gps=False, orientation=None, mode="RGB", **save):
    image = Image.new(mode, size, (180, 40, 40) if mode == "RGB" else 0)
    exif = image.getexif()
    if gps:
        exif[ExifTags.Base.GPSInfo] = GPS
        exif[ExifTags.Base.Make] = "TestCam"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    out = io.BytesIO()
    if fmt in ("JPEG", "WEBP", "PNG") and (gps or orientation):
        save["exif"] = exif
    image.save(out, fmt, **save)
    return out.getvalue()


def upload(name="photo.jpg", data=None, **image):
    return SimpleUploadedFile(name, data if data is not None else image_bytes(**image))


def has_gps(data):
    """Whether the image bytes carry an EXIF GPS block (or the camera's make)."""
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return ExifTags.Base.GPSInfo in exif or ExifTags.Base.Make in exif or b"GPS" in data
