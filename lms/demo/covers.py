"""Cover pictures for the demo courses, drawn with Pillow (no outside files): a gradient in the
category's colours with a few simple shapes, stored as Wagtail images."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

# category slug -> (top colour, bottom colour, accent)
PALETTES = {
    "management": ((23, 99, 59), (12, 52, 32), (242, 183, 5)),
    "accounting": ((36, 84, 140), (17, 43, 79), (159, 216, 154)),
    "digital-marketing": ((176, 66, 52), (102, 30, 38), (255, 214, 102)),
    "cross-border-ecommerce": ((20, 120, 130), (10, 58, 75), (255, 186, 120)),
}
SIZE = (1280, 720)


def _draw(slug: str) -> bytes:
    top, bottom, accent = PALETTES.get(slug, PALETTES["management"])
    width, height = SIZE
    picture = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)],
                  fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    rng = random.Random(slug)  # the same picture every time for the same course
    for _ in range(7):
        r = rng.randint(60, 220)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = tuple(min(255, c + 28) for c in top)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=shade, width=6)
    # A stylised rice seedling: a stem and leaves, in the accent colour.
    cx, base = int(width * 0.78), int(height * 0.86)
    draw.line([(cx, base), (cx, base - 300)], fill=accent, width=14)
    for i, side in enumerate((-1, 1, -1, 1)):
        y = base - 90 - i * 60
        points = [(cx, y)]
        for step in range(1, 21):
            a = step / 20
            points.append((cx + side * 170 * a, y - 120 * math.sin(a * math.pi / 1.4)))
        draw.line(points, fill=accent, width=12, joint="curve")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def cover_image(*, slug: str, category_slug: str, title: str) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(_draw(category_slug)), name=f"{slug}.png")
    image.save()
    return image
