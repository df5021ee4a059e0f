"""Heritage pictures drawn locally: a simple, evocative scene per place, in the palette of the
product pictures (warm paper light, delta greens, lotus pink, earthen browns).

Scenes are landscape, 3:2: the pen works in a 1000 × 667 space, drawn at twice the output
size and halved. The same scene and variant always give the same picture.
"""

import math
import random
from collections.abc import Callable

from PIL import Image, ImageOps

from storefront.demo.drawing import Colour, Pen, curve, mix, rgb

SCENE_SIZE = (960, 640)
HEIGHT = 667  # the pen's space is 1000 wide and this high

CREAM = rgb("#fbf4e8")
SKY = rgb("#f6e3cf")
SKY_TOP = rgb("#e7eef0")
SUN = rgb("#f3c58a")
WATER = rgb("#8fb3ad")
WATER_DEEP = rgb("#6d958f")
BANK = rgb("#7fa566")
LEAF = rgb("#4f7d3a")
LEAF_DARK = rgb("#3d6b35")
WOOD = rgb("#8b5a3c")
WOOD_DARK = rgb("#5b4631")
STONE = rgb("#d9ccb8")
STONE_DARK = rgb("#a8957c")
LOTUS = rgb("#e7a1b6")
LOTUS_DARK = rgb("#d4698c")
GOLD = rgb("#e2b450")
GOLD_DARK = rgb("#c58a12")
RED = rgb("#b5452f")
WHITE = rgb("#fffdf8")


def _sky(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """A vertical gradient from `top` to `bottom`."""
    ramp = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), ramp)


def _sun(pen: Pen, x: float, y: float, r: float) -> None:
    for k in range(4):
        pen.ellipse(x, y, r * (1.6 - k * 0.2), r * (1.6 - k * 0.2), mix(SKY, SUN, 0.25 + k * 0.2))


def _water(pen: Pen, top: float, rng: random.Random, colour: Colour = WATER) -> None:
    pen.box(-20, top, 1020, HEIGHT + 20, 0, colour)
    for _ in range(26):
        x, y = rng.uniform(0, 1000), rng.uniform(top + 10, HEIGHT)
        length = 20 + (y - top) * 0.25
        pen.ellipse(x, y, length, 2.5, mix(colour, WHITE, 0.35))


def _palm(pen: Pen, x: float, y: float, size: float, rng: random.Random) -> None:
    """A nipa or coconut palm: fronds fanning up from a short trunk."""
    pen.line([(x, y), (x + size * 0.05, y - size * 0.5)], WOOD_DARK, max(2, size * 0.05))
    top = (x + size * 0.05, y - size * 0.5)
    for angle in (-165, -140, -115, -90, -65, -40, -15):
        pen.leaf(top, size * rng.uniform(0.55, 0.75), size * 0.12, angle, LEAF)


def _tree(pen: Pen, x: float, y: float, size: float, colour: Colour = LEAF) -> None:
    pen.box(x - size * 0.06, y - size * 0.5, x + size * 0.06, y, 2, WOOD_DARK)
    for dx, dy, r in ((-0.25, -0.6, 0.35), (0.25, -0.62, 0.33), (0, -0.85, 0.4)):
        pen.ellipse(x + dx * size, y + dy * size, r * size, r * size * 0.85, colour)


def _far_bank(pen: Pen, y: float, rng: random.Random, *, palms: int = 9) -> None:
    pen.polygon([(-20, y - 20), (1020, y - 30), (1020, y + 14), (-20, y + 14)], BANK)
    for k in range(palms):
        _palm(pen, 40 + k * 115 + rng.uniform(-30, 30), y, rng.uniform(70, 120), rng)


def _pineapple(pen: Pen, x: float, y: float, size: float, rng: random.Random) -> None:
    """A pineapple standing with its base at (x, y)."""
    for angle in (-150, -125, -105, -90, -75, -55, -30):
        pen.leaf((x, y - size * 1.05), size * rng.uniform(0.55, 0.8), size * 0.16, angle, LEAF)
    pen.ellipse(x, y - size * 0.5, size * 0.38, size * 0.52, GOLD)
    for row in range(-3, 4):
        for col in range(-2, 3):
            cx = x + col * size * 0.14 + (size * 0.07 if row % 2 else 0)
            cy = y - size * 0.5 + row * size * 0.13
            if ((cx - x) / (size * 0.33)) ** 2 + ((cy - y + size * 0.5) / (size * 0.47)) ** 2 < 1:
                d = size * 0.045
                pen.polygon([(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)], GOLD_DARK)


def _boat(pen: Pen, x: float, y: float, size: float, hull: Colour, rng: random.Random) -> None:
    """A market boat (ghe) with its cabin and its cây bẹo pole hung with produce."""
    pen.ellipse(x, y + size * 0.2, size * 1.1, size * 0.08, mix(WATER, WATER_DEEP, 0.6))
    pen.polygon(
        [
            (x - size * 1.15, y - size * 0.22),
            (x + size * 1.2, y - size * 0.3),
            (x + size * 0.9, y + size * 0.15),
            (x - size * 0.85, y + size * 0.15),
        ],
        hull,
    )
    pen.box(x - size * 1.1, y - size * 0.24, x + size * 1.15, y - size * 0.14, 2, WOOD_DARK)
    pen.ellipse(x + size * 0.95, y - size * 0.12, size * 0.06, size * 0.05, WHITE)  # the eye
    pen.box(
        x - size * 0.5, y - size * 0.62, x + size * 0.2, y - size * 0.22, 4, mix(hull, WHITE, 0.3)
    )
    pen.ellipse(x - size * 0.15, y - size * 0.62, size * 0.42, size * 0.14, WOOD)
    pole = x + size * 0.55
    pen.line([(pole, y - size * 0.2), (pole, y - size * 1.9)], WOOD_DARK, max(2, size * 0.04))
    goods = rng.choice(("pineapple", "pomelo", "gourd"))
    for k in range(3):
        gy = y - size * (1.7 - k * 0.32)
        pen.line([(pole, gy - size * 0.16), (pole + size * 0.16, gy - size * 0.1)], WOOD_DARK, 2)
        if goods == "pineapple":
            _pineapple(pen, pole + size * 0.18, gy + size * 0.16, size * 0.3, rng)
        elif goods == "pomelo":
            pen.ellipse(pole + size * 0.18, gy, size * 0.14, size * 0.14, rgb("#9bbf5a"))
        else:
            pen.ellipse(pole + size * 0.18, gy, size * 0.1, size * 0.16, rgb("#c98a3c"))


def _floating_market(pen: Pen, rng: random.Random) -> None:
    _sun(pen, 760, 150, 55)
    _far_bank(pen, 300, rng)
    _water(pen, 310, rng)
    hulls = (rgb("#5e8c3a"), rgb("#b5651d"), rgb("#6f7f8f"), rgb("#8b5a3c"))
    for k, (x, y, size) in enumerate(
        ((230, 410, 85), (610, 395, 70), (830, 470, 95), (420, 560, 110))
    ):
        _boat(pen, x + rng.uniform(-20, 20), y, size, hulls[k % len(hulls)], rng)


def _bunting(pen: Pen, rng: random.Random) -> None:
    rope = curve((-20, 70), (500, 200), (1020, 70), steps=22)
    pen.line(rope, WOOD_DARK, 3)
    colours = (LOTUS_DARK, GOLD, LEAF, RED)
    for k, (x, y) in enumerate(rope[1:-1]):
        pen.polygon([(x - 18, y), (x + 18, y), (x, y + 42)], colours[k % len(colours)])


def _pineapple_festival(pen: Pen, rng: random.Random) -> None:
    pen.box(-20, 300, 1020, HEIGHT + 20, 0, rgb("#cfdcae"))
    for row in range(6):
        y = 320 + row * row * 9 + row * 20
        scale = 0.35 + row * 0.18
        for col in range(-2, 14):
            x = col * 90 * scale + (row % 2) * 40 + 500 - 90 * scale * 6
            for angle in (-150, -120, -90, -60, -30):
                pen.leaf((x, y), 70 * scale, 10 * scale, angle + rng.uniform(-8, 8), LEAF)
    _bunting(pen, rng)
    for x, size in ((300, 230), (520, 280), (740, 210)):
        _pineapple(pen, x + rng.uniform(-15, 15), 630, size, rng)


def _bird(pen: Pen, x: float, y: float, span: float) -> None:
    pen.line(curve((x - span, y - span * 0.3), (x - span * 0.4, y - span * 0.45), (x, y)), WHITE, 4)
    pen.line(curve((x, y), (x + span * 0.4, y - span * 0.45), (x + span, y - span * 0.3)), WHITE, 4)


def _cajuput_forest(pen: Pen, rng: random.Random) -> None:
    canopy = (LEAF, LEAF_DARK, rgb("#6f9a4a"), rgb("#8fb35b"))
    for layer in range(2):
        for k in range(16):
            x = k * 68 + rng.uniform(-25, 25) + layer * 30
            top = rng.uniform(90, 200) + layer * 40
            pen.box(x - 6, top, x + 6, 520, 4, mix(STONE, WHITE, 0.3 if layer else 0.0))
            for _ in range(4):
                pen.ellipse(
                    x + rng.uniform(-45, 45),
                    top + rng.uniform(-20, 60),
                    rng.uniform(40, 70),
                    rng.uniform(25, 40),
                    rng.choice(canopy),
                )
    _water(pen, 500, rng, colour=WATER_DEEP)
    for k in range(40):
        x = k * 26 + rng.uniform(-8, 8)
        pen.line([(x, 520), (x + rng.uniform(-12, 12), 520 - rng.uniform(30, 80))], BANK, 3)
    for _ in range(5):
        _bird(pen, rng.uniform(150, 850), rng.uniform(60, 170), rng.uniform(18, 30))
    # A stork wading.
    pen.line([(720, 610), (715, 560)], WOOD_DARK, 3)
    pen.line([(735, 610), (730, 560)], WOOD_DARK, 3)
    pen.ellipse(725, 545, 38, 20, WHITE, angle=-15)
    pen.line(curve((700, 535), (688, 500), (700, 480)), WHITE, 6)
    pen.line([(700, 480), (675, 488)], GOLD_DARK, 4)


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    """A five-pointed star centred on (x, y), one point up."""
    return [
        (x + radius * math.cos(a), y + radius * math.sin(a))
        for i in range(10)
        for radius, a in [(r if i % 2 == 0 else r * 0.42, math.radians(-90 + i * 36))]
    ]


def _memorial(pen: Pen, rng: random.Random) -> None:
    """Three tall blocks on a plinth: the three forces of the people's war."""
    _sun(pen, 200, 140, 50)
    pen.box(-20, 470, 1020, HEIGHT + 20, 0, rgb("#dfe9c8"))
    pen.polygon([(300, HEIGHT + 20), (700, HEIGHT + 20), (560, 470), (440, 470)], STONE)
    for step in range(3):
        pen.box(330 - step * 30, 440 + step * 14, 670 + step * 30, 456 + step * 14, 2, STONE_DARK)
    for k, (x, height) in enumerate(((420, 300), (500, 380), (580, 300))):
        top = 440 - height
        pen.polygon([(x - 34, 440), (x + 34, 440), (x + 24, top), (x - 24, top)], STONE)
        pen.polygon([(x + 4, 440), (x + 34, 440), (x + 24, top), (x + 2, top)], STONE_DARK)
        if k == 1:
            pen.polygon(_star(x, top - 30, 22), GOLD)
    for x in (140, 250, 760, 870):
        _tree(pen, x + rng.uniform(-20, 20), 490, rng.uniform(150, 200))
    for k in range(14):
        pen.ellipse(330 + k * 26, 520 + (k % 2) * 8, 10, 8, LOTUS_DARK if k % 3 else RED)


def _buffalo(pen: Pen, x: float, y: float, size: float, colour: Colour) -> None:
    pen.ellipse(x, y, size, size * 0.45, colour)
    pen.ellipse(x - size * 0.95, y - size * 0.15, size * 0.3, size * 0.22, colour)
    pen.arc(x - size * 1.0, y - size * 0.35, size * 0.25, (180, 330), colour, 5)
    for dx in (-0.6, -0.3, 0.35, 0.65):
        pen.box(x + dx * size - 6, y + size * 0.2, x + dx * size + 6, y + size * 0.75, 3, colour)


def _monument(pen: Pen, rng: random.Random) -> None:
    """A tall monument before a relief of a buffalo pair hauling a gun."""
    _sun(pen, 800, 130, 48)
    pen.box(-20, 480, 1020, HEIGHT + 20, 0, rgb("#dfe9c8"))
    pen.box(120, 300, 880, 470, 6, STONE)
    relief = mix(STONE, STONE_DARK, 0.7)
    _buffalo(pen, 300, 400, 60, relief)
    _buffalo(pen, 430, 405, 60, relief)
    pen.line([(490, 400), (600, 410)], relief, 6)
    pen.ellipse(640, 430, 34, 34, relief)
    pen.ellipse(640, 430, 14, 14, STONE)
    pen.line([(620, 410), (760, 350)], relief, 14)
    pen.box(120, 460, 880, 490, 4, STONE_DARK)
    pen.polygon([(470, 480), (530, 480), (518, 110), (482, 110)], STONE)
    pen.polygon([(500, 480), (530, 480), (518, 110), (500, 110)], STONE_DARK)
    pen.polygon([(482, 110), (518, 110), (500, 60)], GOLD)
    pen.box(430, 480, 570, 510, 3, STONE_DARK)
    for x in (60, 940):
        _tree(pen, x + rng.uniform(-10, 10), 500, rng.uniform(200, 240))
    for k in range(10):
        pen.ellipse(200 + k * 65, 560, 22, 12, LEAF_DARK)
        pen.ellipse(200 + k * 65, 552, 8, 7, LOTUS_DARK if k % 2 else GOLD)


def _canal(pen: Pen, rng: random.Random) -> None:
    """The canal running straight to the horizon between its embanked shores."""
    _sun(pen, 520, 200, 45)
    vanish = (500, 250)
    pen.polygon([(-20, 250), (1020, 250), (1020, HEIGHT + 20), (-20, HEIGHT + 20)], BANK)
    pen.polygon(
        [(vanish[0] - 6, 250), (vanish[0] + 6, 250), (900, HEIGHT + 20), (100, HEIGHT + 20)], WATER
    )
    for t in (0.3, 0.5, 0.7, 0.9):
        y = 250 + (HEIGHT - 250) * t
        half = 6 + 394 * t
        pen.ellipse(
            500 + rng.uniform(-0.3, 0.3) * half, y, half * 0.25, 2 + t * 3, mix(WATER, WHITE, 0.35)
        )
    # Embankment walls along both banks.
    pen.polygon([(494, 250), (500, 250), (130, HEIGHT + 20), (100, HEIGHT + 20)], STONE)
    pen.polygon([(500, 250), (506, 250), (900, HEIGHT + 20), (870, HEIGHT + 20)], STONE)
    for k in range(7):
        t = (k + 1) / 8
        y = 250 + (HEIGHT - 250) * t
        size = 30 + 150 * t
        _palm(pen, 500 - (10 + 440 * t), y, size, rng)
        _tree(pen, 500 + (20 + 460 * t), y, size * 0.9)
    # A rice boat in the foreground.
    pen.polygon([(330, 560), (690, 545), (640, 610), (370, 612)], WOOD)
    pen.box(330, 548, 690, 562, 2, WOOD_DARK)
    for k in range(6):
        pen.box(390 + k * 42, 515, 426 + k * 42, 552, 8, mix(GOLD, WHITE, 0.4))


def _temple(pen: Pen, rng: random.Random) -> None:
    """A memorial temple behind a lotus pond."""
    pen.box(-20, 430, 1020, HEIGHT + 20, 0, rgb("#dfe9c8"))
    for x in (90, 200, 810, 920):
        _tree(pen, x + rng.uniform(-15, 15), 440, rng.uniform(170, 220))
    pen.box(300, 400, 700, 440, 3, STONE_DARK)
    pen.box(330, 270, 670, 400, 2, mix(CREAM, STONE, 0.4))
    for x in (350, 430, 570, 650):
        pen.box(x - 9, 270, x + 9, 400, 3, RED)
    pen.box(465, 310, 535, 400, 4, WOOD_DARK)
    roof = mix(RED, WOOD_DARK, 0.3)
    pen.polygon([(280, 280), (720, 280), (650, 215), (350, 215)], roof)
    pen.polygon([(260, 270), (290, 282), (280, 290)], roof)
    pen.polygon([(740, 270), (710, 282), (720, 290)], roof)
    pen.polygon([(370, 215), (630, 215), (580, 160), (420, 160)], roof)
    pen.box(410, 150, 590, 165, 3, GOLD_DARK)
    _water(pen, 470, rng)
    for _ in range(16):
        x, y = rng.uniform(40, 960), rng.uniform(500, 650)
        pen.ellipse(x, y, 40, 14, LEAF)
        pen.ellipse(x + 4, y - 2, 30, 9, mix(LEAF, WHITE, 0.15))
    for _ in range(6):
        x, y = rng.uniform(80, 920), rng.uniform(490, 620)
        pen.line([(x, y + 40), (x + 4, y)], LEAF_DARK, 4)
        for angle in (-140, -110, -90, -70, -40):
            pen.leaf((x + 4, y), 34, 16, angle, LOTUS)
        pen.leaf((x + 4, y), 26, 10, -90, LOTUS_DARK)


def _water_hyacinth(pen: Pen, rng: random.Random) -> None:
    """Hyacinth floating on a canal, and a basket woven from its dried stems."""
    _far_bank(pen, 180, rng, palms=8)
    _water(pen, 190, rng)
    for _ in range(11):
        x, y = rng.uniform(0, 1000), rng.uniform(230, 430)
        for _ in range(5):
            pen.ellipse(x + rng.uniform(-30, 30), y + rng.uniform(-8, 8), 22, 16, LEAF)
        for k in range(5):
            pen.ellipse(x + rng.uniform(-6, 6), y - 30 - k * 10, 9, 7, rgb("#b99ad0"))
    # The basket on a wooden landing.
    pen.box(-20, 520, 1020, HEIGHT + 20, 0, WOOD)
    for k in range(9):
        pen.line([(k * 125, 520), (k * 125, HEIGHT + 20)], WOOD_DARK, 3)
    pen.arc(600, 430, 120, (180, 360), WOOD_DARK, 16)
    straw, straw_dark = rgb("#d7b98a"), rgb("#b08d5b")
    for row in range(6):
        y = 430 + row * 30
        half = 170 - row * 8
        pen.box(600 - half, y, 600 + half, y + 28, 8, straw_dark if row in (0, 5) else straw)
        for col in range(-6, 7):
            x = 600 + col * 26 + (13 if row % 2 else 0)
            if 0 < row < 5 and abs(x - 600) < half - 14:
                pen.box(x - 9, y + 4, x + 9, y + 24, 5, straw_dark)
    for k in range(14):
        x = 150 + k * 14
        pen.line([(x, 610), (x + 160, 560 + rng.uniform(-6, 6))], straw if k % 2 else straw_dark, 6)


def _rice_fields(pen: Pen, rng: random.Random) -> None:
    _sun(pen, 830, 120, 50)
    for k in range(12):
        x = k * 95 + rng.uniform(-20, 20)
        pen.ellipse(x, 250, rng.uniform(50, 80), rng.uniform(25, 45), LEAF_DARK)
    pen.box(-20, 250, 1020, HEIGHT + 20, 0, rgb("#9bbf5a"))
    greens = (rgb("#8fb35b"), rgb("#a9c66b"), rgb("#7fa566"), rgb("#c2cf7a"))
    for band in range(7):
        y0 = 250 + band * band * 8
        y1 = 250 + (band + 1) * (band + 1) * 8
        pen.polygon([(-20, y0), (1020, y0 + 6), (1020, y1 + 6), (-20, y1)], greens[band % 4])
    for k in range(-12, 13):
        pen.line(
            [(500 + k * 8, 252), (500 + k * 110, HEIGHT + 20)], mix(greens[0], LEAF_DARK, 0.3), 2
        )
    # Ripe stalks in front.
    for i in range(9):
        base = (80 + i * 105 + rng.uniform(-20, 20), HEIGHT + 10)
        top = (base[0] + rng.uniform(-60, 60), 470 + rng.uniform(-30, 30))
        stalk = curve(base, (base[0], 560), top)
        pen.line(stalk, rgb("#6f9a4a"), 5)
        for j, (x, y) in enumerate(stalk[8:], start=8):
            pen.ellipse(x + (9 if j % 2 else -9), y, 12, 6, GOLD, angle=50 if j % 2 else -50)
    # A conical hat resting in the field.
    pen.polygon([(250, 430), (360, 430), (305, 380)], mix(GOLD, WHITE, 0.55))
    pen.ellipse(305, 430, 58, 8, mix(GOLD, WHITE, 0.35))


def _fish_cakes(pen: Pen, rng: random.Random) -> None:
    """Golden knifefish cakes on a banana leaf, with dipping sauce and chopsticks."""
    pen.box(-20, -20, 1020, HEIGHT + 20, 0, rgb("#ecdcc0"))
    for k in range(12):
        pen.line([(-20, 60 + k * 55), (1020, 40 + k * 55)], mix(rgb("#ecdcc0"), WOOD, 0.2), 3)
    pen.leaf((150, 380), 760, 380, -4, LEAF)
    pen.line([(150, 380), (900, 330)], mix(LEAF, WHITE, 0.3), 5)
    pen.ellipse(470, 360, 260, 120, WHITE)
    pen.ellipse(470, 365, 235, 100, mix(WHITE, STONE, 0.3))
    for k in range(7):
        x = 330 + (k % 4) * 85 + rng.uniform(-10, 10)
        y = 330 + (k // 4) * 60 + rng.uniform(-8, 8)
        pen.ellipse(x, y + 6, 46, 24, GOLD_DARK)
        pen.ellipse(x, y, 44, 22, GOLD)
        pen.ellipse(x - 10, y - 6, 16, 6, mix(GOLD, WHITE, 0.5))
    for k in range(5):
        pen.leaf((620 + k * 12, 300), 70, 22, -120 + k * 25, LEAF_DARK)
    pen.ellipse(810, 470, 70, 36, WHITE)
    pen.ellipse(810, 466, 56, 26, RED)
    pen.ellipse(795, 460, 6, 4, GOLD)
    pen.polygon([(180, 560), (700, 500), (702, 510), (182, 572)], WOOD_DARK)
    pen.polygon([(200, 590), (720, 530), (722, 540), (202, 602)], WOOD_DARK)


SCENES: dict[str, Callable[[Pen, random.Random], None]] = {
    "floating_market": _floating_market,
    "pineapple_festival": _pineapple_festival,
    "cajuput_forest": _cajuput_forest,
    "memorial": _memorial,
    "monument": _monument,
    "canal": _canal,
    "temple": _temple,
    "water_hyacinth": _water_hyacinth,
    "rice_fields": _rice_fields,
    "fish_cakes": _fish_cakes,
}


def draw_scene(scene: str, *, variant: int = 0, size: tuple[int, int] = SCENE_SIZE) -> Image.Image:
    """A landscape picture of `scene`; an odd `variant` mirrors it."""
    rng = random.Random(f"scene:{scene}:{variant}")
    big = (size[0] * 2, size[1] * 2)
    image = _sky(big, SKY_TOP, SKY)
    SCENES[scene](Pen(image), rng)
    if variant % 2:
        image = ImageOps.mirror(image)
    return image.reduce(2)
