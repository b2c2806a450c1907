"""Abstract colour compositions drawn with Pillow: overlapping circles, people in
dialogue, on a soft gradient, with a title block. The same scene renders a still
(hero, card, poster) or the frames of a title-card video.
"""

import io
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from PIL import Image, ImageChops, ImageDraw, ImageFont

# Bitstream Vera ships with reportlab, a dependency, so no system font is needed.
FONT_DIR = Path(reportlab.__file__).parent / "fonts"

# background top-left, background bottom-right, circle colours, text colour
PALETTES = {
    "dawn": (
        "#1d3557",
        "#3f7ea6",
        ("#f4a261", "#e76f51", "#e9c46a", "#2a9d8f"),
        "#ffffff",
    ),
    "lagoon": (
        "#0b3c49",
        "#1f7a8c",
        ("#bfdbf7", "#f4d35e", "#ee964b", "#e1e5f2"),
        "#ffffff",
    ),
    "plum": (
        "#3d1a4a",
        "#8a3b6b",
        ("#f28482", "#f6bd60", "#84a59d", "#f7ede2"),
        "#ffffff",
    ),
    "sand": (
        "#f6efe6",
        "#e8d8c3",
        ("#2a9d8f", "#e76f51", "#264653", "#e9c46a"),
        "#1d2b36",
    ),
}


@cache
def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        str(FONT_DIR / ("VeraBd.ttf" if bold else "Vera.ttf")), size
    )


def _hex(colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    colour = colour.lstrip("#")
    return (*(int(colour[i : i + 2], 16) for i in (0, 2, 4)), alpha)


@dataclass
class Circle:
    x: float  # centre, as a fraction of the width
    y: float  # centre, as a fraction of the height
    r: float  # radius, as a fraction of the height
    colour: tuple[int, int, int, int]
    dx: float  # drift per second, as a fraction of the width
    dy: float


class Scene:
    """A composition that renders at any size and at any moment of its animation."""

    def __init__(self, palette: str, seed: int, circles: int = 7):
        self.palette = PALETTES[palette]
        rng = random.Random(seed)  # noqa: S311 - art, not security
        colours = self.palette[2]
        self.circles = [
            Circle(
                x=rng.uniform(0.35, 1.05),
                y=rng.uniform(-0.1, 1.0),
                r=rng.uniform(0.12, 0.42),
                colour=_hex(colours[i % len(colours)], rng.randint(165, 215)),
                dx=rng.uniform(-0.012, 0.012),
                dy=rng.uniform(-0.02, 0.02),
            )
            for i in range(circles)
        ]

    def background(self, width: int, height: int) -> Image.Image:
        start, end = _hex(self.palette[0]), _hex(self.palette[1])
        # A diagonal gradient: the mean of a vertical and a horizontal one.
        vertical = Image.linear_gradient("L").resize((width, height))
        horizontal = Image.linear_gradient("L").rotate(90).resize((width, height))
        mask = ImageChops.add(
            vertical, horizontal.transpose(Image.FLIP_LEFT_RIGHT), 2.0
        )
        return Image.composite(
            Image.new("RGBA", (width, height), end),
            Image.new("RGBA", (width, height), start),
            mask,
        )

    def shapes(self, width: int, height: int, t: float = 0.0) -> Image.Image:
        """The circles at t seconds, each blended over the ones before it."""
        canvas = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        for circle in self.circles:
            sprite = _disc(round(circle.r * height), circle.colour)
            left = round((circle.x + circle.dx * t) * width) - sprite.width // 2
            top = round((circle.y + circle.dy * t) * height) - sprite.height // 2
            _paste(canvas, sprite, left, top)
        return canvas

    def text(
        self, width: int, height: int, title: str, subtitle: str = "", alpha: int = 255
    ) -> Image.Image:
        """A title block in the lower left, on a translucent panel for contrast."""
        layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        title_font = font(max(12, height // 13), bold=True)
        subtitle_font = font(max(10, height // 24))
        margin = width // 16
        title_lines = wrap(title, title_font, width * 0.62)
        subtitle_lines = wrap(subtitle, subtitle_font, width * 0.62) if subtitle else []
        line_height = int(title_font.size * 1.2)
        sub_height = int(subtitle_font.size * 1.35)
        gap = sub_height // 3 if subtitle_lines else 0
        block = line_height * len(title_lines) + gap + sub_height * len(subtitle_lines)
        text_width = max(
            [title_font.getlength(line) for line in title_lines]
            + [subtitle_font.getlength(line) for line in subtitle_lines]
        )
        top = height - margin - block
        dark_text = self.palette[3] != "#ffffff"
        shade = (255, 255, 255, 170) if dark_text else (0, 0, 0, 110)
        pad = margin // 2
        draw.rounded_rectangle(
            (margin - pad, top - pad, margin + text_width + pad, height - margin + pad),
            radius=pad,
            fill=(*shade[:3], shade[3] * alpha // 255),
        )
        colour = _hex(self.palette[3], alpha)
        for index, line in enumerate(title_lines):
            draw.text(
                (margin, top + index * line_height), line, font=title_font, fill=colour
            )
        top += line_height * len(title_lines) + gap
        for index, line in enumerate(subtitle_lines):
            draw.text(
                (margin, top + index * sub_height),
                line,
                font=subtitle_font,
                fill=colour,
            )
        return layer

    def render(
        self, width: int, height: int, title: str, subtitle: str = "", t: float = 0.0
    ) -> Image.Image:
        image = Image.alpha_composite(
            self.background(width, height), self.shapes(width, height, t)
        )
        if not title:
            return image
        return Image.alpha_composite(image, self.text(width, height, title, subtitle))


@cache
def _disc(radius: int, colour: tuple[int, int, int, int]) -> Image.Image:
    sprite = Image.new("RGBA", (2 * radius + 1, 2 * radius + 1), (0, 0, 0, 0))
    ImageDraw.Draw(sprite).ellipse((0, 0, 2 * radius, 2 * radius), fill=colour)
    return sprite


def _paste(canvas: Image.Image, sprite: Image.Image, left: int, top: int) -> None:
    """Alpha-composite sprite at (left, top), clipped to the canvas."""
    box = (
        max(0, -left),
        max(0, -top),
        min(sprite.width, canvas.width - left),
        min(sprite.height, canvas.height - top),
    )
    if box[0] >= box[2] or box[1] >= box[3]:
        return
    canvas.alpha_composite(sprite, dest=(left + box[0], top + box[1]), source=box)


def wrap(text: str, text_font: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_font.getlength(candidate) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()
