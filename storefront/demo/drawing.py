"""A small drawing kit for the demo's pictures: colours, and a pen working in a 1000-unit square."""

import colorsys
import math
from dataclasses import dataclass, replace

from PIL import Image, ImageDraw

Colour = tuple[int, int, int]
Point = tuple[float, float]


def rgb(hex_colour: str) -> Colour:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16, value >> 8 & 255, value & 255)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour `t` of the way from a to b."""
    red, green, blue = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return (red, green, blue)


def _shift_hue(colour: Colour, degrees: float) -> Colour:
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in colour))
    r, g, b = colorsys.hls_to_rgb((h + degrees / 360) % 1, lightness, s)
    return (round(r * 255), round(g * 255), round(b * 255))


@dataclass(frozen=True)
class Palette:
    backdrop: Colour  # the soft shape behind the motif
    main: Colour
    second: Colour
    dark: Colour
    accent: Colour

    def shifted(self, degrees: float) -> "Palette":
        """The motif's colours turned round the colour wheel; the backdrop keeps its tone."""
        return replace(
            self,
            main=_shift_hue(self.main, degrees),
            second=_shift_hue(self.second, degrees),
            accent=_shift_hue(self.accent, degrees),
        )


class Pen:
    """Draws in a 1000 × 1000 space, moved by (dx, dy) and zoomed round the centre."""

    def __init__(
        self, image: Image.Image, *, dx: float = 0, dy: float = 0, zoom: float = 1
    ) -> None:
        self.draw = ImageDraw.Draw(image)
        self.unit = image.width / 1000
        self.dx, self.dy, self.zoom = dx, dy, zoom

    def at(self, x: float, y: float) -> Point:
        return (
            ((x - 500) * self.zoom + 500 + self.dx) * self.unit,
            ((y - 500) * self.zoom + 500 + self.dy) * self.unit,
        )

    def size(self, length: float) -> int:
        return max(1, round(length * self.zoom * self.unit))

    def polygon(self, points: list[Point], fill: Colour) -> None:
        self.draw.polygon([self.at(x, y) for x, y in points], fill=fill)

    def line(self, points: list[Point], fill: Colour, width: float) -> None:
        self.draw.line([self.at(x, y) for x, y in points], fill=fill, width=self.size(width))

    def ellipse(
        self, cx: float, cy: float, rx: float, ry: float, fill: Colour, angle: float = 0
    ) -> None:
        """An ellipse, tilted by `angle` degrees."""
        self.polygon(ellipse_points(cx, cy, rx, ry, angle), fill)

    def box(self, x0: float, y0: float, x1: float, y1: float, radius: float, fill: Colour) -> None:
        self.draw.rounded_rectangle(
            (*self.at(x0, y0), *self.at(x1, y1)), radius=self.size(radius), fill=fill
        )

    def arc(
        self, cx: float, cy: float, r: float, span: tuple[int, int], fill: Colour, width: float
    ) -> None:
        """A circular arc through `span` (start, end) degrees, clockwise from 3 o'clock."""
        (x0, y0), (x1, y1) = self.at(cx - r, cy - r), self.at(cx + r, cy + r)
        self.draw.arc((x0, y0, x1, y1), *span, fill=fill, width=self.size(width))

    def leaf(self, base: Point, length: float, width: float, angle: float, fill: Colour) -> None:
        """A pointed leaf growing from `base` towards `angle` degrees (0 = right, 90 = down)."""
        a = math.radians(angle)
        along, across = (math.cos(a), math.sin(a)), (-math.sin(a), math.cos(a))
        side = [(t * length, width / 2 * math.sin(math.pi * t) ** 0.8) for t in _steps(12)]
        outline = side + [(d, -h) for d, h in reversed(side)]
        self.polygon(
            [
                (base[0] + d * along[0] + h * across[0], base[1] + d * along[1] + h * across[1])
                for d, h in outline
            ],
            fill,
        )


def _steps(n: int) -> list[float]:
    """0 to 1 in n equal steps, both ends included."""
    return [i / n for i in range(n + 1)]


def ellipse_points(cx: float, cy: float, rx: float, ry: float, angle: float = 0) -> list[Point]:
    """The outline of an ellipse centred on (cx, cy), tilted by `angle` degrees."""
    a = math.radians(angle)
    points = []
    for t in _steps(36)[:-1]:
        x, y = rx * math.cos(2 * math.pi * t), ry * math.sin(2 * math.pi * t)
        points.append(
            (cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a))
        )
    return points


def curve(p0: Point, p1: Point, p2: Point, steps: int = 16) -> list[Point]:
    """A quadratic Bézier curve from p0 to p2 pulled towards p1."""
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1],
        )
        for t in _steps(steps)
    ]
