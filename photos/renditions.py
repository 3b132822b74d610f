"""A photo's renditions (sizes × WebP and JPEG), made once by django-imagekit, and their URLs.

Each rendition is an imagekit ImageSpec; its file name is a hash of the original's name and the
spec (IMAGEKIT_SPEC_CACHEFILE_NAMER = namers.hash), so a name never changes what it holds and
the files can be cached for good. Files go through Django's storage API (the default storage,
public), so S3-compatible storage works as it does for any file. With imagekit's Optimistic
strategy (settings) a URL is computed without touching the storage: make_renditions() writes
them all when the photo is saved, and a page that shows them costs no I/O and no query.

Renditions are pixels only: the EXIF orientation is applied (Transpose) and then every
metadata block (EXIF with its GPS position, XMP, comments) is left behind; only the colour
profile is kept, so that colours stay true.
"""

from dataclasses import dataclass

from imagekit import ImageSpec
from imagekit.cachefiles import ImageCacheFile
from pilkit.processors import ResizeToFit, Transpose

WIDTHS = (480, 800, 1200)
FORMATS = {
    "webp": {"format": "WEBP", "options": {"quality": 80, "method": 4}},
    "jpeg": {"format": "JPEG", "options": {"quality": 82, "optimize": True, "progressive": True}},
}


class KeepOnlyPixels:
    """A pilkit processor: drop every metadata block but the colour profile."""

    def process(self, image):
        profile = image.info.get("icc_profile")
        image.info = {"icc_profile": profile} if profile else {}
        image.getexif().clear()
        return image


def spec_class(width, kind):
    """The ImageSpec of one rendition: `width` pixels wide at most, never enlarged."""
    fmt = FORMATS[kind]
    return type(
        f"Rendition{width}{kind.title()}",
        (ImageSpec,),
        {
            "processors": [Transpose(), ResizeToFit(width=width, upscale=False), KeepOnlyPixels()],
            "format": fmt["format"],
            "options": fmt["options"],
        },
    )


SPECS = {(width, kind): spec_class(width, kind) for width in WIDTHS for kind in FORMATS}


def rendition(source, width, kind):
    """The ImageCacheFile of one rendition of `source` (a FieldFile of an original)."""
    return ImageCacheFile(SPECS[(width, kind)](source=source))


def make_renditions(source):
    """Write every rendition of `source` that does not exist yet; return their names."""
    files = [rendition(source, width, kind) for width, kind in SPECS]
    for file in files:
        file.generate()
    return [file.name for file in files]


def fitted(width, height, max_width):
    """The size ResizeToFit gives an original of width × height at most max_width wide."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


@dataclass(frozen=True)
class Source:
    url: str
    width: int


@dataclass(frozen=True)
class Picture:
    """What a <picture> needs: srcset per format, the fallback <img> and its size."""

    webp: list  # [Source], narrowest first
    jpeg: list
    width: int  # of the largest rendition: the <img>'s width and height attributes
    height: int

    @property
    def webp_srcset(self):
        return _srcset(self.webp)

    @property
    def jpeg_srcset(self):
        return _srcset(self.jpeg)

    @property
    def src(self):
        return self.jpeg[-1].url


def _srcset(sources):
    return ", ".join(f"{source.url} {source.width}w" for source in sources)


def picture(source, width, height):
    """The Picture of an original `source` of width × height (as displayed); no I/O."""
    sizes = {}
    for max_width in WIDTHS:
        # An original narrower than a rendition width gives the same file for both: once.
        sizes.setdefault(fitted(width, height, max_width), max_width)
    by_kind = {
        kind: [Source(rendition(source, w, kind).url, size[0]) for size, w in sizes.items()]
        for kind in FORMATS
    }
    largest = max(sizes)
    return Picture(by_kind["webp"], by_kind["jpeg"], *largest)
