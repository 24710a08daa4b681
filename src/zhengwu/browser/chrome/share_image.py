"""The picture of a shared link (og:image): a flat city-by-the-sea drawing.

WeChat and Weibo show a raster image next to a shared link and cannot use the
SVG scenes, so each site gets a 1200×630 PNG drawn with Pillow: the same blue
and white palette, a skyline varied by the site's id (each district its own).
"""

import io
import random
from functools import cache

from PIL import Image
from PIL import ImageDraw

WIDTH, HEIGHT = 1200, 630
# Bump when the drawing changes: the image URL carries it, caches keep a year.
VERSION = 1
SKY_TOP, SKY_BOTTOM = (11, 92, 173), (214, 232, 250)
MOUNTAIN, SEA, SEA_LIGHT = (120, 168, 218), (8, 70, 140), (40, 110, 186)
BUILDING, WINDOW = (245, 249, 255), (182, 210, 238)
HORIZON = 470


def _sky(draw):
    for y in range(HORIZON):
        mix = y / HORIZON
        colour = tuple(
            round(top + (bottom - top) * mix)
            for top, bottom in zip(SKY_TOP, SKY_BOTTOM, strict=True)
        )
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def _mountains(draw, rng):
    points, x = [(0, HORIZON)], 0
    while x < WIDTH:
        x += rng.randint(120, 260)
        points.append((x, HORIZON - rng.randint(150, 300)))
    points.append((WIDTH, HORIZON))
    draw.polygon(points, fill=MOUNTAIN)


def _skyline(draw, rng):
    x = rng.randint(180, 360)
    while x < WIDTH - 260:
        width, height = rng.randint(30, 60), rng.randint(70, 260)
        draw.rectangle([x, HORIZON - height, x + width, HORIZON], fill=BUILDING)
        for wy in range(HORIZON - height + 14, HORIZON - 10, 22):
            draw.line([(x + 8, wy), (x + width - 8, wy)], fill=WINDOW, width=4)
        x += width + rng.randint(4, 60)


def _sea(draw):
    """The bay with rows of ripples."""
    draw.rectangle([0, HORIZON, WIDTH, HEIGHT], fill=SEA)
    for row, y in enumerate(range(HORIZON + 24, HEIGHT, 34)):
        for x in range(60 + (row % 2) * 90, WIDTH, 180):
            draw.line([(x, y), (x + 70, y)], fill=SEA_LIGHT, width=3)


@cache
def share_image(site_id):
    """The PNG bytes of the share picture of the site ``site_id``."""
    rng = random.Random(site_id)  # noqa: S311 - a drawing, not a secret
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _sky(draw)
    draw.ellipse([900, 70, 1010, 180], fill=(255, 255, 255))
    _mountains(draw, rng)
    _skyline(draw, rng)
    _sea(draw)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
