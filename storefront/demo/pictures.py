"""Product pictures and producer emblems drawn locally: a motif per category on warm colours.

Everything is drawn in a 1000 × 1000 space at twice the output size, then halved, which is
a cheap anti-aliasing. The same motif and variant always give the same picture.
"""

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from storefront.catalog.uploads import THUMB_SIDE, StoredImage
from storefront.demo.drawing import Colour, Palette, Pen, curve, mix, rgb

PICTURE_SIZE = 640
LOGO_SIZE = 192
WEBP_QUALITY = 80

PAPER = rgb("#fbf4e8")
PAPER_EDGE = rgb("#f1e4cf")
GROUND = rgb("#eadcc4")
SHADOW = rgb("#c9b394")
BACKDROPS = tuple(rgb(c) for c in ("#dfe9c8", "#f9e3d6", "#f3e3c0", "#e4ece8"))


def shadow(pen: Pen, cx: float, cy: float, rx: float, ry: float) -> None:
    """A soft contact shadow: nested ellipses darkening towards the middle."""
    for i in range(6):
        k = 1 - i * 0.12
        pen.ellipse(cx, cy, rx * k, ry * k, mix(GROUND, SHADOW, (i + 1) / 7))


def _rice(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 790, 250, 34)
    for i in range(5):
        lean = (i - 2) * 70 + rng.uniform(-15, 15)
        top = (500 + lean * 1.6, 260 + abs(i - 2) * 45)
        stalk = curve((500, 780), (500 + lean * 0.4, 480), top)
        pen.line(stalk, p.second, 9)
        for j, (x, y) in enumerate(stalk[7:], start=7):
            tilt = -60 if j % 2 else 60
            pen.ellipse(x + (14 if j % 2 else -14), y, 24, 11, p.main, angle=tilt + lean * 0.3)
        pen.leaf((500, 760), 260, 38, -90 - lean * 0.5 + (30 if i % 2 else -30), p.second)
    pen.ellipse(500, 770, 150, 40, p.dark)
    pen.ellipse(500, 748, 125, 24, mix(p.main, PAPER, 0.5))


def _pineapple(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 805, 190, 30)
    for k, angle in enumerate((-150, -125, -105, -90, -75, -55, -30)):
        pen.leaf((500, 385), 210 - abs(k - 3) * 30, 46, angle + rng.uniform(-6, 6), p.second)
    pen.ellipse(500, 590, 160, 215, p.main)
    for row in range(-5, 6):
        for col in range(-4, 5):
            x, y = 500 + col * 36 + (18 if row % 2 else 0), 590 + row * 38
            if ((x - 500) / 140) ** 2 + ((y - 590) / 195) ** 2 < 1:
                pen.polygon([(x, y - 14), (x + 11, y), (x, y + 14), (x - 11, y)], p.dark)
    pen.ellipse(430, 500, 28, 80, mix(p.main, PAPER, 0.45), angle=15)


def _fish(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 770, 330, 40)
    pen.ellipse(500, 700, 330, 70, PAPER)
    pen.ellipse(500, 690, 300, 52, mix(PAPER, GROUND, 0.5))
    for k, (cy, length) in enumerate(((560, 250), (650, 210))):
        cx = 500 + (40 if k else -30)
        pen.polygon(
            [
                (cx + length - 30, cy),
                (cx + length + 70, cy - 55),
                (cx + length + 55, cy),
                (cx + length + 70, cy + 55),
            ],
            p.dark,
        )
        pen.polygon([(cx - 40, cy - 45), (cx + 40, cy - 95), (cx + 90, cy - 40)], p.dark)
        pen.ellipse(cx, cy, length, 62, p.main)
        for sx in range(-2, 5):
            pen.arc(cx + sx * 45, cy, 26, (300, 60), mix(p.main, p.dark, 0.35), 4)
        pen.ellipse(cx - length + 55, cy - 12, 11, 11, p.dark)
        pen.ellipse(cx - 20, cy + 18, length * 0.7, 14, mix(p.main, PAPER, 0.4))
    pen.leaf((230, 720), 120, 40, -20 + rng.uniform(-10, 10), p.accent)


def _honeycomb(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 520, 800, 270, 34)
    r = 62
    for row in range(5):
        for col in range(5 - abs(row - 2) // 2):
            cx = 330 + col * r * 1.75 + (r * 0.87 if row % 2 else 0)
            cy = 360 + row * r * 1.5
            fill = p.main if rng.random() < 0.6 else p.second
            pen.polygon(
                [
                    (cx + (r - 6) * math.sin(a), cy + (r - 6) * math.cos(a))
                    for a in (math.pi * k / 3 for k in range(6))
                ],
                fill,
            )
            pen.polygon(
                [
                    (cx + (r - 24) * math.sin(a), cy + (r - 24) * math.cos(a))
                    for a in (math.pi * k / 3 for k in range(6))
                ],
                mix(fill, p.dark, 0.25),
            )
    pen.polygon([(700, 560), (725, 620), (700, 650), (675, 620)], p.dark)
    pen.ellipse(700, 632, 26, 28, p.dark)


def _tea(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 775, 260, 38)
    pen.ellipse(500, 740, 250, 48, mix(PAPER, p.accent, 0.25))
    pen.arc(690, 590, 62, (270, 90), p.accent, 22)
    pen.polygon([(330, 520), (670, 520), (630, 700), (370, 700)], p.accent)
    pen.ellipse(500, 700, 130, 30, p.accent)
    pen.ellipse(500, 520, 170, 40, mix(p.accent, p.dark, 0.3))
    pen.ellipse(500, 524, 150, 30, p.main)
    for k in range(3):
        x = 440 + k * 60
        pen.line(curve((x, 470), (x - 35, 400), (x + 10, 330)), mix(PAPER_EDGE, SHADOW, 0.35), 10)
    for k, angle in enumerate((-160, -20, 200)):
        base = (250 + k * 260, 690 + (k % 2) * 40)
        pen.leaf(base, 150, 58, angle + rng.uniform(-15, 15), p.second)


def _jar(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 800, 260, 34)
    pen.box(360, 330, 640, 790, 60, mix(PAPER, p.main, 0.18))
    pen.box(380, 430, 620, 770, 44, p.main)
    for k in range(6):
        x, y = 420 + (k % 3) * 80, 480 + (k // 3) * 130 + rng.uniform(-10, 10)
        pen.ellipse(x, y, 34, 34, mix(p.main, p.dark, 0.35))
        pen.ellipse(x, y, 12, 12, p.main)
    pen.box(380, 560, 620, 650, 10, p.accent)
    pen.box(350, 290, 650, 350, 20, p.dark)
    for k in range(3):
        x = 730 + k * 30
        pen.ellipse(x, 740 - k * 35, 55, 55, mix(p.main, p.dark, 0.2))
        pen.ellipse(x, 740 - k * 35, 20, 20, PAPER)


def _bottles(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 800, 300, 34)
    for k, (cx, height, colour) in enumerate(
        ((390, 430, p.main), (570, 500, p.second), (720, 330, mix(p.main, p.dark, 0.3)))
    ):
        top = 790 - height
        pen.box(cx - 70, top + 120, cx + 70, 790, 36, colour)
        pen.polygon(
            [(cx - 70, top + 150), (cx - 24, top + 50), (cx + 24, top + 50), (cx + 70, top + 150)],
            colour,
        )
        pen.box(cx - 24, top, cx + 24, top + 70, 8, colour)
        pen.box(cx - 28, top - 24, cx + 28, top + 10, 8, p.dark)
        pen.box(cx - 70, top + 230, cx + 70, top + 330, 6, PAPER)
        pen.box(cx - 70, top + 262, cx + 70, top + 280, 0, p.accent)
        pen.box(cx - 50, top + 140, cx - 36, top + 210 + k * 20, 7, mix(colour, PAPER, 0.45))
    pen.ellipse(250, 730, 62, 62, p.accent)
    pen.leaf((250, 670), 70, 30, -60 + rng.uniform(-10, 10), p.second)


def _mushroom(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 790, 280, 36)
    for k in range(5):
        cx = 330 + k * 85 + rng.uniform(-10, 10)
        height = 170 + (k % 3) * 70
        cy = 780 - height
        pen.box(cx - 18, cy, cx + 18, 790, 16, mix(PAPER, p.main, 0.15))
        pen.ellipse(cx, cy, 105 - (k % 2) * 20, 70, p.main, angle=rng.uniform(-12, 12))
        pen.ellipse(cx, cy + 25, 85 - (k % 2) * 20, 28, p.dark)
        for g in range(-3, 4):
            pen.line([(cx, cy + 40), (cx + g * 22, cy + 22)], mix(p.dark, PAPER, 0.4), 3)


def _dropper(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 805, 230, 32)
    for k in range(7):
        pen.leaf((560, 800), 420 + k * 25, 30, -75 - k * 6 + rng.uniform(-4, 4), p.second)
    pen.box(390, 470, 610, 800, 60, p.main)
    pen.box(450, 400, 550, 480, 12, p.dark)
    pen.box(470, 300, 530, 410, 28, mix(p.dark, PAPER, 0.2))
    pen.box(390, 590, 610, 690, 0, PAPER)
    pen.box(420, 500, 438, 570, 9, mix(p.main, PAPER, 0.45))
    for k in range(3):
        x, y = 680 + k * 40, 560 + k * 70
        pen.ellipse(x, y, 16, 22, p.accent)
        pen.polygon([(x - 15, y - 6), (x, y - 40), (x + 15, y - 6)], p.accent)


def _herbs(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 790, 300, 36)
    stem = curve((330, 720), (420, 450), (620, 300))
    pen.line(stem, p.dark, 8)
    for k, (x, y) in enumerate(stem[3::2]):
        pen.leaf((x, y), 120 - k * 6, 52, (-150 if k % 2 else -30) + rng.uniform(-10, 10), p.second)
    pen.polygon([(300, 640), (700, 640), (640, 780), (360, 780)], p.dark)
    pen.ellipse(500, 640, 200, 40, mix(p.dark, PAPER, 0.25))
    pen.ellipse(500, 642, 175, 28, p.main)
    for k in range(4):
        pen.ellipse(740 + (k % 2) * 60, 760 - k * 30, 40, 24, p.accent, angle=rng.uniform(-30, 30))


def _basket(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 805, 270, 34)
    pen.arc(500, 470, 170, (180, 360), p.dark, 26)
    for row in range(9):
        y = 470 + row * 36
        half = 240 - row * 9
        pen.box(500 - half, y, 500 + half, y + 34, 10, p.dark if row in (0, 8) else p.second)
        if row in (0, 8):
            continue
        for col in range(-7, 8):
            x = 500 + col * 30 + (15 if row % 2 else 0)
            if abs(x - 500) < half - 20:
                pen.box(x - 11, y + 4, x + 11, y + 30, 6, p.main)
    pen.leaf((760, 790), 110, 36, -40 + rng.uniform(-10, 10), p.accent)


def _tray(pen: Pen, p: Palette, rng: random.Random) -> None:
    shadow(pen, 500, 760, 330, 50)
    pen.ellipse(500, 560, 330, 220, p.dark)
    for ring in range(8):
        rx, ry = 310 - ring * 38, 205 - ring * 25
        pen.ellipse(500, 560, rx, ry, p.main if ring % 2 else p.second)
    for spoke in range(12):
        a = math.pi * spoke / 6 + rng.uniform(-0.05, 0.05)
        pen.line([(500, 560), (500 + 300 * math.cos(a), 560 + 195 * math.sin(a))], p.dark, 4)
    pen.ellipse(500, 560, 40, 26, p.dark)


@dataclass(frozen=True)
class Motif:
    draw: Callable[[Pen, Palette, random.Random], None]
    palette: Palette


def _palette(backdrop: str, main: str, second: str, dark: str, accent: str) -> Palette:
    return Palette(*(rgb(c) for c in (backdrop, main, second, dark, accent)))


MOTIFS: dict[str, Motif] = {
    "rice": Motif(_rice, _palette("#dfe9c8", "#e2b450", "#6f9a4a", "#8b5a3c", "#e7a1b6")),
    "pineapple": Motif(_pineapple, _palette("#f9e3d6", "#f2c14e", "#3d6b35", "#c58a12", "#d4698c")),
    "fish": Motif(_fish, _palette("#dbe7e6", "#a9b8b4", "#6f9a4a", "#4e5d63", "#7fa566")),
    "honeycomb": Motif(_honeycomb, _palette("#f6e2b3", "#e8a93a", "#f5c96a", "#a8661c", "#d4698c")),
    "tea": Motif(_tea, _palette("#e3ecd3", "#c9a35a", "#5e8c3a", "#5b4631", "#e7a1b6")),
    "jar": Motif(_jar, _palette("#f3dcc8", "#e9a23b", "#7fa566", "#8b5a3c", "#d4698c")),
    "bottles": Motif(_bottles, _palette("#f6d5df", "#7fa566", "#c27c3a", "#5b4631", "#d4698c")),
    "mushroom": Motif(_mushroom, _palette("#e8e0d0", "#c8ae86", "#7fa566", "#8c6e48", "#d4698c")),
    "dropper": Motif(_dropper, _palette("#e4eccf", "#b5651d", "#8fb35b", "#3d3328", "#e2b450")),
    "herbs": Motif(_herbs, _palette("#efe3c9", "#c98a3c", "#4f7d3a", "#8b5a3c", "#e39b2d")),
    "basket": Motif(_basket, _palette("#e9dcc2", "#d7b98a", "#b08d5b", "#7a5a36", "#6f9a4a")),
    "tray": Motif(_tray, _palette("#dfe9c8", "#d8b87c", "#b98f4e", "#7a5a36", "#e7a1b6")),
}


@cache
def _paper(size: int) -> Image.Image:
    """Warm paper lit from the middle; the same for every picture, so drawn once per size."""
    light = Image.radial_gradient("L").resize((size, size), Image.Resampling.BILINEAR)
    edge, middle = (Image.new("RGB", (size, size), c) for c in (PAPER_EDGE, PAPER))
    return Image.composite(edge, middle, light)


def background(size: int, backdrop: Colour, rng: random.Random) -> Image.Image:
    """The paper with a soft backdrop shape, a few specks, and a table top."""
    image = _paper(size).copy()
    pen = Pen(image)
    shape = rng.randrange(3)
    if shape == 0:
        pen.ellipse(500 + rng.uniform(-60, 60), 470, 330, 330, backdrop)
    elif shape == 1:
        pen.box(230, 140, 770, 900, 270, backdrop)
    else:
        pen.ellipse(500, 1000, 620, 640, backdrop)
    pen.ellipse(500, 1330, 1100, 560, GROUND)
    for _ in range(7):
        x, y = rng.uniform(60, 940), rng.uniform(60, 320)
        pen.ellipse(x, y, 9, 9, mix(backdrop, SHADOW, 0.35))
    return image


def draw_picture(motif: str, *, variant: int, size: int = PICTURE_SIZE) -> Image.Image:
    """A square picture of `motif`; `variant` turns its colours, moves and may mirror it."""
    rng = random.Random(f"{motif}:{variant}")
    chosen = MOTIFS[motif]
    backdrop = BACKDROPS[variant % len(BACKDROPS)] if variant % 3 == 2 else chosen.palette.backdrop
    image = background(size * 2, backdrop, rng)
    pen = Pen(image, dx=rng.uniform(-25, 25), dy=rng.uniform(-15, 15), zoom=rng.uniform(1.0, 1.12))
    chosen.draw(pen, chosen.palette.shifted(rng.uniform(-14, 14)), rng)
    if variant % 2:
        image = ImageOps.mirror(image)
    return image.reduce(2)


def draw_emblem(motif: str, *, variant: int) -> Image.Image:
    """A round producer emblem: the motif in a disc, transparent outside."""
    picture = draw_picture(motif, variant=variant, size=LOGO_SIZE).convert("RGBA")
    mask = Image.new("L", (LOGO_SIZE * 2, LOGO_SIZE * 2), 0)
    ImageDraw.Draw(mask).ellipse((4, 4, LOGO_SIZE * 2 - 4, LOGO_SIZE * 2 - 4), fill=255)
    picture.putalpha(mask.reduce(2))
    return picture


def save_webp(image: Image.Image, path: Path) -> tuple[int, int]:
    """Write `image` as WebP (creating its folder); returns its (width, height)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "WEBP", quality=WEBP_QUALITY, method=2)
    return image.size


def save_with_thumb(image: Image.Image, upload_dir: Path, path: str) -> StoredImage:
    """Write `image` at `path` (relative to the upload folder) and its thumbnail beside it,
    "<name>-thumb.webp", as uploaded pictures are stored."""
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    thumb_path = path.removesuffix(".webp") + "-thumb.webp"
    width, height = save_webp(image, upload_dir / path)
    thumb_width, thumb_height = save_webp(thumb, upload_dir / thumb_path)
    return StoredImage(path, width, height, thumb_path, thumb_width, thumb_height)
