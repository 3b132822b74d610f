"""The Noto CJK fonts (Debian's fonts-noto-cjk), made embeddable by reportlab.

Noto CJK ships as OpenType collections with PostScript (CFF) outlines, which reportlab cannot
embed. For each font we keep only the characters the pages print (fontTools' subsetter) and
convert the outlines to TrueType quadratics, which reportlab embeds like any TrueType font.
A few hundred glyphs convert in about a second; the result is cached by character set.
"""

import hashlib
import io
from pathlib import Path

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SIMPLIFIED_CHINESE = 2  # index of the SC face in each Noto CJK collection

# reportlab name -> collection file
FONTS = {
    "NotoSerifSC": "NotoSerifCJK-Regular.ttc",  # body text (书宋)
    "NotoSansSC-Bold": "NotoSansCJK-Bold.ttc",  # headlines, crossheads, labels (黑体)
    "NotoSansSC": "NotoSansCJK-Regular.ttc",  # captions, running heads and feet
}

ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "　“”‘’、，。：；！？（）《》…—·■"


class MissingFonts(RuntimeError):
    pass


def register(text, cache_dir):
    """Register FONTS with reportlab, each subset to the characters of `text`."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    chars = "".join(sorted(set(text + ALWAYS) - {"\n", "\r", "\t"}))
    digest = hashlib.sha256(chars.encode()).hexdigest()[:16]
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for name, filename in FONTS.items():
        source = NOTO_DIR / filename
        if not source.exists():
            raise MissingFonts(
                f"{source} is missing: install Debian's fonts-noto-cjk "
                "(apt-get install fonts-noto-cjk)"
            )
        target = cache_dir / f"{name}-{digest}.ttf"
        if not target.exists():
            data = _truetype_subset(source, chars)
            partial = target.with_suffix(".part")
            partial.write_bytes(data)
            partial.replace(target)
        pdfmetrics.registerFont(TTFont(name, str(target)))


def _truetype_subset(path, chars):
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # it logs every glyph it keeps
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(path), fontNumber=SIMPLIFIED_CHINESE)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # Cubic curves to quadratics within one font unit; TrueType winds the other way.
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attribute in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
