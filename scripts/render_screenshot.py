#!/usr/bin/env python3
"""Renders a tmux `capture-pane -p -e -N` dump to a PNG, as a terminal would show it.

The dump is replayed into pyte (a terminal emulator) and each cell is painted with Pillow in
DejaVu Sans Mono (regular and bold), WenQuanYi Micro Hei for CJK and other glyphs DejaVu lacks,
the xterm palette (16 colours, the 256-colour cube, true colour), bold-brightening, reverse
video, underline, dim (pyte drops SGR 2, so it is tracked here), wide cells over two columns,
box-drawing characters drawn as lines (so they join between rows) and the cursor.

usage: render_screenshot.py --size 100x30 [--cursor X,Y,VISIBLE] [--font-size 16] dump.ans out.png
"""

import argparse
import functools
import sys
import unicodedata
from typing import NamedTuple

import pyte
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"]
REGULAR = "DejaVuSansMono.ttf"
BOLD = "DejaVuSansMono-Bold.ttf"
FALLBACKS = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]

# xterm's default 16 colours.
XTERM_16 = [
    (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
    (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
    (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
    (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
]
# pyte's names for colours 0-7 and 8-15 (it spells yellow "brown", and has one typo).
NAMES = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]
NAME_INDEX = {name: i for i, name in enumerate(NAMES)}
NAME_INDEX.update({"bright" + name: i + 8 for i, name in enumerate(NAMES)})
NAME_INDEX["bfightmagenta"] = 13
NAME_INDEX["yellow"] = 3
NAME_INDEX["brightyellow"] = 11

DEFAULT_FG = XTERM_16[7]
DEFAULT_BG = (0x12, 0x12, 0x12)
PADDING = 14


class StyledChar(NamedTuple):
    """pyte's Char plus `dim`."""
    data: str
    fg: str = "default"
    bg: str = "default"
    bold: bool = False
    italics: bool = False
    underscore: bool = False
    strikethrough: bool = False
    reverse: bool = False
    blink: bool = False
    dim: bool = False


class DimScreen(pyte.Screen):
    """A pyte screen that keeps SGR 2 (dim) and 22 (neither bold nor dim)."""

    @property
    def default_char(self):
        return StyledChar(data=" ", fg="default", bg="default", reverse=pyte.modes.DECSCNM in self.mode)

    def reset(self):
        super().reset()
        self.cursor.attrs = self.default_char

    def select_graphic_rendition(self, *attrs, **kwargs):
        attrs = list(attrs) or [0]
        i = 0
        while i < len(attrs):
            attr = attrs[i]
            if attr in (38, 48):
                kind = attrs[i + 1] if i + 1 < len(attrs) else None
                length = 3 if kind == 5 else 5 if kind == 2 else 1
                super().select_graphic_rendition(*attrs[i:i + length])
                i += length
                continue
            if attr == 2:
                self.cursor.attrs = self.cursor.attrs._replace(dim=True)
            elif attr == 22:
                super().select_graphic_rendition(22)
                self.cursor.attrs = self.cursor.attrs._replace(dim=False)
            else:
                super().select_graphic_rendition(attr)
            i += 1


def find_font(name):
    for directory in FONT_DIRS:
        path = f"{directory}/{name}"
        try:
            with open(path, "rb"):
                return path
        except OSError:
            continue
    sys.exit(f"render_screenshot: {name} not found (install fonts-dejavu-core)")


def colour(name, bold, default):
    """RGB for a pyte colour name or hex string; bold brightens colours 0-7 as xterm does
    (xterm's boldColors; the default foreground stays as it is)."""
    if name == "default":
        return default
    if name in NAME_INDEX:
        index = NAME_INDEX[name]
        if bold and index < 8:
            index += 8
        return XTERM_16[index]
    try:
        return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return default


def blend(a, b, amount):
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b))


def is_wide(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F")


# Box drawing: which of (left, right, up, down) each character connects, and how heavy.
BOX = {
    "─": "lr", "━": "LR", "│": "ud", "┃": "UD",
    "┌": "rd", "┐": "ld", "└": "ru", "┘": "lu",
    "├": "rud", "┤": "lud", "┬": "lrd", "┴": "lru", "┼": "lrud",
    "╭": "rd", "╮": "ld", "╰": "ru", "╯": "lu",
}


class Renderer:
    def __init__(self, font_size):
        self.regular = ImageFont.truetype(find_font(REGULAR), font_size)
        self.bold = ImageFont.truetype(find_font(BOLD), font_size)
        self.fallbacks = []
        for path in FALLBACKS:
            try:
                self.fallbacks.append(ImageFont.truetype(path, font_size))
            except OSError:
                pass
        self.cell_w = round(self.regular.getlength("M"))
        ascent, descent = self.regular.getmetrics()
        self.ascent = ascent
        self.cell_h = ascent + descent + 2
        self.baseline = ascent + 1

    def _bitmap(self, font, ch):
        image = Image.new("L", (self.cell_w * 3, self.cell_h * 2))
        ImageDraw.Draw(image).text((0, 0), ch, font=font, fill=255)
        return image.tobytes()

    @functools.lru_cache(maxsize=None)
    def _missing_bitmap(self, font):
        return self._bitmap(font, "\U0010FFFD")

    @functools.lru_cache(maxsize=None)
    def has_glyph(self, font, ch):
        """Whether `font` draws `ch` as something else than its missing-glyph box."""
        return ch.isspace() or self._bitmap(font, ch) != self._missing_bitmap(font)

    def font_for(self, ch, bold):
        primary = self.bold if bold else self.regular
        if not is_wide(ch) and self.has_glyph(primary, ch):
            return primary
        for font in self.fallbacks:
            if self.has_glyph(font, ch):
                return font
        return primary

    def draw_box(self, draw, ch, x, y, width, fg):
        spec = BOX[ch]
        cx = x + width // 2
        cy = y + self.cell_h // 2
        for part in spec:
            thick = 2 if part.isupper() else 1
            part = part.lower()
            if part == "l":
                draw.rectangle([x, cy, cx, cy + thick - 1], fill=fg)
            elif part == "r":
                draw.rectangle([cx, cy, x + width - 1, cy + thick - 1], fill=fg)
            elif part == "u":
                draw.rectangle([cx, y, cx + thick - 1, cy], fill=fg)
            elif part == "d":
                draw.rectangle([cx, cy, cx + thick - 1, y + self.cell_h - 1], fill=fg)

    def render(self, screen, cursor):
        cols, rows = screen.columns, screen.lines
        image = Image.new("RGB", (cols * self.cell_w + 2 * PADDING, rows * self.cell_h + 2 * PADDING), DEFAULT_BG)
        draw = ImageDraw.Draw(image)
        for row in range(rows):
            line = screen.buffer[row]
            col = 0
            while col < cols:
                char = line[col]
                width = 2 if char.data and is_wide(char.data[0]) and col + 1 < cols else 1
                at_cursor = cursor is not None and cursor[1] == row and cursor[0] in range(col, col + width)
                self.paint(draw, char, col, row, width, at_cursor)
                col += width
        return image

    def paint(self, draw, char, col, row, width, at_cursor):
        x = PADDING + col * self.cell_w
        y = PADDING + row * self.cell_h
        fg = colour(char.fg, char.bold, DEFAULT_FG)
        bg = colour(char.bg, False, DEFAULT_BG)
        if char.reverse:
            fg, bg = bg, fg
        if getattr(char, "dim", False):
            fg = blend(fg, bg, 0.45)
        if at_cursor:
            fg, bg = bg, (fg if fg != bg else DEFAULT_FG)
        draw.rectangle([x, y, x + width * self.cell_w - 1, y + self.cell_h - 1], fill=bg)
        text = char.data
        if text and not text.isspace():
            if text in BOX:
                self.draw_box(draw, text, x, y, width * self.cell_w, fg)
            else:
                font = self.font_for(text[0], char.bold)
                centre = x + width * self.cell_w / 2
                draw.text((centre, y + self.baseline), text, font=font, fill=fg, anchor="ms")
                if char.bold and font not in (self.bold, self.regular):
                    draw.text((centre + 1, y + self.baseline), text, font=font, fill=fg, anchor="ms")
        if char.underscore:
            uy = y + self.baseline + 2
            draw.rectangle([x, uy, x + width * self.cell_w - 1, uy], fill=fg)
        if char.strikethrough:
            sy = y + self.cell_h // 2
            draw.rectangle([x, sy, x + width * self.cell_w - 1, sy], fill=fg)


def replay(dump, cols, rows):
    screen = DimScreen(cols, rows)
    stream = pyte.Stream(screen)
    lines = dump.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for index, line in enumerate(lines[:rows]):
        # Each row from its first column: capture-pane's lines end with a bare \n, and a
        # \r\n after the last row would scroll the screen.
        stream.feed(f"\x1b[{index + 1};1H{line}")
    return screen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", required=True, help="COLSxROWS of the pane")
    parser.add_argument("--cursor", help="X,Y,VISIBLE as tmux's #{cursor_x},#{cursor_y},#{cursor_flag}")
    parser.add_argument("--font-size", type=int, default=16)
    parser.add_argument("dump")
    parser.add_argument("png")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.lower().split("x"))
    cursor = None
    if args.cursor:
        x, y, visible = (int(n) for n in args.cursor.split(","))
        cursor = (x, y) if visible else None
    with open(args.dump, encoding="utf-8", errors="replace") as handle:
        screen = replay(handle.read(), cols, rows)
    Renderer(args.font_size).render(screen, cursor).save(args.png, optimize=True)


if __name__ == "__main__":
    main()
