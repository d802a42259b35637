"""Small abstract banners for the demo content, drawn with Pillow (no text in the images).

The banners are listed in content/images.yaml (key, title, description, palette, seed).
Each banner is a diagonal gradient in the site's blue/teal palette with a few translucent
circles and bands, drawn from a fixed seed so that the same title always gives the same
picture. Images are looked up by title, so a rerun reuses them.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 630  # the size social networks show

PALETTES = {
    "navy": ((12, 35, 64), (0, 110, 127)),
    "teal": ((0, 92, 107), (38, 166, 154)),
    "blue": ((22, 60, 125), (64, 140, 200)),
    "deep": ((9, 30, 52), (30, 96, 145)),
}
ACCENTS = ((255, 255, 255), (173, 232, 226), (126, 200, 227), (250, 204, 92))


def _gradient(start, end):
    image = PILImage.new("RGB", (WIDTH, HEIGHT), start)
    draw = ImageDraw.Draw(image)
    span = WIDTH + HEIGHT
    for offset in range(0, span, 4):
        ratio = offset / span
        colour = tuple(round(a + (b - a) * ratio) for a, b in zip(start, end, strict=True))
        draw.line([(offset, 0), (offset - HEIGHT, HEIGHT)], fill=colour, width=6)
    return image


def draw_banner(banner):
    """JPEG bytes of the banner: a gradient is a photograph's kind of picture, and its
    renditions are then JPEG too, a third of the bytes of PNG renditions and eight times
    cheaper to make (Wagtail writes PNG renditions with zlib's slowest compression)."""
    rng = random.Random(banner["seed"])
    start, end = PALETTES[banner["palette"]]
    base = _gradient(start, end).convert("RGBA")
    overlay = PILImage.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)

    for _ in range(3):  # wide translucent bands
        x = rng.randint(-200, WIDTH)
        width = rng.randint(60, 180)
        colour = (*rng.choice(ACCENTS[:3]), rng.randint(18, 40))
        draw.polygon(
            [(x, 0), (x + width, 0), (x + width - HEIGHT // 2, HEIGHT), (x - HEIGHT // 2, HEIGHT)],
            fill=colour,
        )

    if banner["key"] == "network":
        points = [(rng.randint(60, WIDTH - 60), rng.randint(60, HEIGHT - 60)) for _ in range(14)]
        for index, point in enumerate(points):
            for other in points[index + 1 : index + 3]:
                draw.line([point, other], fill=(255, 255, 255, 90), width=3)
        for x, y in points:
            draw.ellipse([x - 9, y - 9, x + 9, y + 9], fill=(250, 204, 92, 230))
    else:
        for _ in range(7):  # circles of various sizes
            radius = rng.randint(40, 260)
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            colour = (*rng.choice(ACCENTS), rng.randint(25, 70))
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
        for _ in range(12):  # a scatter of small dots
            radius = rng.randint(4, 10)
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*ACCENTS[3], 200))

    image = PILImage.alpha_composite(base, overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def ensure_images(data):
    """{key: Image}, making the missing banners of images.yaml; returns (images, number made).

    An image that exists (found by title) is left as it is: people may have changed it.
    """
    image_model = get_image_model()
    banners = data["banners"]
    existing = {}
    for image in image_model.objects.filter(title__in=[b["title"] for b in banners]).order_by(
        "-pk"
    ):
        existing[image.title] = image  # the oldest one wins
    images, created = {}, 0
    for banner in banners:
        image = existing.get(banner["title"])
        if image is None:
            image = image_model(title=banner["title"], description=banner["description"])
            name = f"demo-{banner['key']}.jpg"
            image.file = ImageFile(io.BytesIO(draw_banner(banner)), name=name)
            image.save()
            created += 1
        images[banner["key"]] = image
    return images, created
