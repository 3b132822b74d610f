"""The review's page images: the page with each detected zone drawn over it and numbered as
the review numbers the page's articles, so that a wrong split shows at a glance."""

import io

from PIL import Image, ImageColor, ImageDraw, ImageFont

COLOURS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"]


def colour(position):
    return COLOURS[(position - 1) % len(COLOURS)]


def draw_zones(image_bytes, zones):
    """JPEG bytes of the page image with zones [(position, [[x0, top, x1, bottom]])] drawn."""
    with Image.open(io.BytesIO(image_bytes)) as opened:
        image = opened.convert("RGB")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font = ImageFont.load_default(size=max(14, image.width // 30))
    width, height = image.size
    for position, rects in zones:
        rgb = ImageColor.getrgb(colour(position))
        for x0, top, x1, bottom in rects:
            box = [x0 * width, top * height, x1 * width, bottom * height]
            draw.rectangle(box, fill=(*rgb, 40), outline=(*rgb, 255), width=3)
        x0, top = rects[0][0] * width, rects[0][1] * height
        label = str(position)
        left, upper, right, lower = draw.textbbox((x0 + 4, top + 4), label, font=font)
        draw.rectangle([left - 4, upper - 3, right + 4, lower + 3], fill=(*rgb, 230))
        draw.text((x0 + 4, top + 4), label, fill=(255, 255, 255, 255), font=font)
    out = io.BytesIO()
    Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB").save(
        out, format="JPEG", quality=85
    )
    return out.getvalue()
