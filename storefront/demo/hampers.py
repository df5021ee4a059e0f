"""Combo pictures drawn locally: the combo's goods standing in an open gift box (gift combos)
or a woven basket (souvenir bundles), on the product pictures' warm paper.

The goods drawn are those of the combo's components (a jar for honey, a bottle for wine, a
pineapple for pineapples...), so each picture says what is in the box.
"""

import random

from PIL import Image, ImageOps

from storefront.combos.models import ComboKind
from storefront.demo.drawing import Colour, Palette, Pen, mix, rgb
from storefront.demo.pictures import BACKDROPS, PAPER, PICTURE_SIZE, background, shadow

# Leaf category -> the item drawn for a component of it.
ITEMS = {
    "gao": "sack",
    "trai-cay": "fruit",
    "thuy-hai-san": "packet",
    "rau-nam": "packet",
    "mat-ong": "jar",
    "tra": "box",
    "dac-san-che-bien": "jar",
    "do-uong": "bottle",
    "tinh-dau": "vial",
    "duoc-lieu": "jar",
    "dan-luc-binh": "weave",
    "tre-truc-co-bang": "weave",
}

PALETTES = (
    # backdrop, box, ribbon, dark, accent
    Palette(*(rgb(c) for c in ("#f9e3d6", "#b5452f", "#e2b450", "#7a2f20", "#6f9a4a"))),
    Palette(*(rgb(c) for c in ("#dfe9c8", "#2e6a34", "#e7a1b6", "#1f4a24", "#e2b450"))),
    Palette(*(rgb(c) for c in ("#f3e3c0", "#c98a3c", "#b5452f", "#7a5a36", "#6f9a4a"))),
    Palette(*(rgb(c) for c in ("#f6d5df", "#d4698c", "#fbf4e8", "#8c3a57", "#7fa566"))),
)
STRAW, STRAW_DARK, STRAW_EDGE = rgb("#d7b98a"), rgb("#b08d5b"), rgb("#7a5a36")
GOLD, GOLD_DARK, LEAF = rgb("#e2b450"), rgb("#c58a12"), rgb("#4f7d3a")
GLASS = rgb("#e8a93a")
LABEL = rgb("#fbf4e8")


def _sack(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    pen.box(x - 70, base - 230, x + 70, base, 30, mix(PAPER, rgb("#d8c7a4"), 0.7))
    pen.polygon(
        [(x - 55, base - 230), (x + 55, base - 230), (x + 30, base - 270), (x - 30, base - 270)],
        mix(PAPER, rgb("#d8c7a4"), 0.5),
    )
    pen.box(x - 40, base - 250, x + 40, base - 236, 5, colour)
    pen.box(x - 50, base - 160, x + 50, base - 90, 6, LABEL)
    for k in range(3):
        pen.ellipse(x - 22 + k * 22, base - 125, 8, 14, GOLD, angle=20)


def _fruit(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    if rng.random() < 0.5:  # a pineapple
        for angle in (-140, -115, -90, -65, -40):
            pen.leaf((x, base - 200), rng.uniform(70, 100), 20, angle, LEAF)
        pen.ellipse(x, base - 105, 62, 100, GOLD)
        for row in range(-3, 4):
            for col in range(-2, 3):
                cx, cy = x + col * 24 + (12 if row % 2 else 0), base - 105 + row * 26
                if ((cx - x) / 52) ** 2 + ((cy - base + 105) / 90) ** 2 < 1:
                    pen.polygon([(cx, cy - 8), (cx + 7, cy), (cx, cy + 8), (cx - 7, cy)], GOLD_DARK)
    else:  # pomelos and citrus
        for k, (dx, dy) in enumerate(((-40, -60), (40, -55), (0, -130))):
            tint = mix(rgb("#9bbf5a"), rgb("#f2a13b"), rng.random() * 0.8)
            pen.ellipse(x + dx, base + dy, 62, 58, tint)
            pen.ellipse(x + dx - 18, base + dy - 18, 14, 10, mix(tint, PAPER, 0.5))
            if k == 2:
                pen.leaf((x, base + dy - 55), 60, 22, -60, LEAF)


def _jar(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    pen.box(x - 60, base - 190, x + 60, base, 26, GLASS)
    pen.box(x - 48, base - 176, x - 34, base - 40, 7, mix(GLASS, PAPER, 0.5))
    pen.box(x - 66, base - 215, x + 66, base - 180, 10, colour)
    pen.box(x - 60, base - 120, x + 60, base - 60, 4, LABEL)
    pen.box(x - 60, base - 100, x + 60, base - 90, 0, colour)


def _bottle(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    glass = mix(rgb("#7fa566"), rgb("#c27c3a"), rng.random())
    pen.box(x - 48, base - 250, x + 48, base, 24, glass)
    pen.polygon(
        [(x - 48, base - 230), (x - 16, base - 300), (x + 16, base - 300), (x + 48, base - 230)],
        glass,
    )
    pen.box(x - 16, base - 360, x + 16, base - 290, 6, glass)
    pen.box(x - 19, base - 380, x + 19, base - 352, 6, colour)
    pen.box(x - 48, base - 170, x + 48, base - 90, 4, LABEL)
    pen.box(x - 36, base - 240, x - 26, base - 180, 5, mix(glass, PAPER, 0.45))


def _box(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    pen.box(x - 65, base - 220, x + 65, base, 8, mix(colour, PAPER, 0.35))
    pen.box(x - 65, base - 220, x + 65, base - 190, 6, colour)
    pen.leaf((x - 25, base - 90), 60, 30, -50, LEAF)
    pen.leaf((x - 25, base - 90), 50, 24, -120, mix(LEAF, PAPER, 0.2))


def _vial(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    for dx, height in ((-35, 170), (35, 200)):
        pen.box(x + dx - 28, base - height, x + dx + 28, base, 14, rgb("#b5651d"))
        pen.box(x + dx - 12, base - height - 40, x + dx + 12, base - height + 5, 5, colour)
        pen.box(x + dx - 28, base - height * 0.6, x + dx + 28, base - height * 0.3, 2, LABEL)


def _packet(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    pen.box(x - 75, base - 200, x + 75, base, 14, mix(PAPER, rgb("#a9b8b4"), 0.5))
    pen.box(x - 75, base - 210, x + 75, base - 185, 4, colour)
    pen.ellipse(x, base - 100, 52, 26, rgb("#a9b8b4"))
    pen.polygon([(x + 45, base - 100), (x + 80, base - 125), (x + 80, base - 75)], rgb("#4e5d63"))


def _weave(pen: Pen, x: float, base: float, colour: Colour, rng: random.Random) -> None:
    """A conical hat or a small woven bag standing on its edge."""
    pen.polygon(
        [(x - 110, base - 40), (x + 110, base - 40), (x, base - 250)], mix(STRAW, PAPER, 0.3)
    )
    for k in range(1, 6):
        y = base - 40 - k * 35
        half = 110 * (1 - k * 35 / 210)
        pen.line([(x - half, y), (x + half, y)], STRAW_DARK, 3)
    pen.ellipse(x, base - 40, 112, 16, STRAW_DARK)


DRAW_ITEM = {
    "sack": _sack,
    "fruit": _fruit,
    "jar": _jar,
    "bottle": _bottle,
    "box": _box,
    "vial": _vial,
    "packet": _packet,
    "weave": _weave,
}


def _gift_box(pen: Pen, p: Palette) -> None:
    """The open box's front, its ribbon and bow (drawn after the goods, over their feet)."""
    pen.box(210, 600, 790, 840, 14, p.main)
    pen.box(210, 600, 790, 640, 10, p.dark)
    pen.box(470, 600, 530, 840, 0, p.second)
    pen.leaf((500, 610), 110, 60, -150, p.second)
    pen.leaf((500, 610), 110, 60, -30, p.second)
    pen.ellipse(500, 612, 24, 20, mix(p.second, p.dark, 0.3))


def _lid(pen: Pen, p: Palette) -> None:
    """The lid leaning behind the goods."""
    pen.polygon([(620, 260), (860, 330), (800, 620), (560, 560)], p.dark)
    pen.polygon([(710, 286), (760, 300), (700, 590), (650, 576)], p.second)


def _basket(pen: Pen, p: Palette) -> None:
    for row in range(6):
        y = 600 + row * 40
        half = 300 - row * 14
        edge = row in (0, 5)
        pen.box(500 - half, y, 500 + half, y + 38, 12, STRAW_EDGE if edge else STRAW_DARK)
        if edge:
            continue
        for col in range(-10, 11):
            x = 500 + col * 30 + (15 if row % 2 else 0)
            if abs(x - 500) < half - 20:
                pen.box(x - 11, y + 5, x + 11, y + 33, 6, STRAW)
    pen.box(250, 612, 750, 632, 8, p.second)  # a ribbon tied round it


def draw_hamper(kind: ComboKind, items: list[str], *, seed: str) -> Image.Image:
    """A square picture of an open gift box or basket holding `items` (keys of DRAW_ITEM)."""
    rng = random.Random(f"hamper:{seed}")
    palette = PALETTES[rng.randrange(len(PALETTES))]
    size = PICTURE_SIZE * 2
    image = background(size, palette.backdrop if rng.random() < 0.7 else rng.choice(BACKDROPS), rng)
    pen = Pen(image, dy=rng.uniform(-10, 10))
    shadow(pen, 500, 850, 330, 36)
    if kind is ComboKind.GIFT_COMBO:
        _lid(pen, palette)
    else:
        pen.arc(500, 610, 230, (180, 360), STRAW_EDGE, 24)
    shown = items[:4] or ["box"]
    spread = 420 / max(1, len(shown) - 1) if len(shown) > 1 else 0
    for k, item in enumerate(shown):
        x = 500 - 210 + k * spread if len(shown) > 1 else 500
        base = 700 - (k % 2) * 30
        DRAW_ITEM[item](pen, x, base, rng.choice((palette.main, palette.accent, palette.dark)), rng)
    if kind is ComboKind.GIFT_COMBO:
        _gift_box(pen, palette)
    else:
        _basket(pen, palette)
    if rng.random() < 0.5:
        image = ImageOps.mirror(image)
    return image.reduce(2)
