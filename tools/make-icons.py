#!/usr/bin/env python3
"""Draws Unveil's toolbar icons (an eye under a lifted veil) as PNGs, with no imaging library:
shapes are tested per sub-pixel (4x4 supersampling) and written with zlib + struct.

    python3 tools/make-icons.py            # writes extension/icons/icon-{16,32,48,128}.png
"""
import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extension" / "icons"
SIZES = (16, 32, 48, 128)
SUPER = 4

BACKGROUND_TOP = (99, 102, 241)  # indigo
BACKGROUND_BOTTOM = (67, 56, 202)
WHITE = (255, 255, 255)
IRIS = (49, 46, 129)
VEIL = (199, 210, 254)


def rounded_square(x, y, radius=0.22):
    """Inside a square of side 1 with rounded corners (coordinates 0..1)."""
    dx = max(radius - x, 0, x - (1 - radius))
    dy = max(radius - y, 0, y - (1 - radius))
    return dx * dx + dy * dy <= radius * radius


def almond(x, y, cx=0.5, cy=0.56, half_width=0.36, half_height=0.2):
    """An eye: the intersection of two circles, pointed at both ends."""
    # A circle through the corners (cx ± w, cy) and the top (cx, cy - h).
    r = (half_width ** 2 + half_height ** 2) / (2 * half_height)
    upper = (x - cx) ** 2 + (y - (cy - half_height + r)) ** 2 <= r * r
    lower = (x - cx) ** 2 + (y - (cy + half_height - r)) ** 2 <= r * r
    return upper and lower


def veil(x, y):
    """A lifted curtain over the top of the eye: a band between two arcs."""
    cx, cy = 0.5, 0.62
    d = math.hypot(x - cx, y - cy)
    return 0.38 <= d <= 0.45 and y < cy - 0.12


def colour_at(x, y):
    """The colour of point (x, y) in 0..1 coordinates, or None outside the icon."""
    if not rounded_square(x, y):
        return None
    t = y
    colour = tuple(round(a + (b - a) * t) for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM))
    if veil(x, y):
        colour = VEIL
    if almond(x, y):
        colour = WHITE
        d = math.hypot(x - 0.5, y - 0.56)
        if d <= 0.13:
            colour = IRIS
        if d <= 0.055:
            colour = (17, 17, 39)
        if math.hypot(x - 0.455, y - 0.515) <= 0.028:
            colour = WHITE
    return colour


def render(size):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SUPER):
                for sx in range(SUPER):
                    x = (px + (sx + 0.5) / SUPER) / size
                    y = (py + (sy + 0.5) / SUPER) / size
                    c = colour_at(x, y)
                    if c:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            n = SUPER * SUPER
            if a:
                row += bytes((r // a, g // a, b // a, round(255 * a / n)))
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = OUT / f"icon-{size}.png"
        path.write_bytes(png(size, render(size)))
        print(f"wrote {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
