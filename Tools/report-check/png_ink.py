#!/usr/bin/env python3
"""Share of pixels in a PNG that are not near-white, with the standard library only (zlib, struct).

Usage: png_ink.py FILE.png MIN_SHARE
Exits 1 (and says why) when the image is not a readable 8-bit RGB/RGBA PNG or when less than
MIN_SHARE of its pixels differ from white by more than 24 in some channel: a blank or broken page.
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path, minimum = sys.argv[1], float(sys.argv[2])
    try:
        width, height, channels, rows = pixels(path)
    except Exception as error:  # a broken file is a failed check, said plainly
        print(f"{path}: cannot be read as a PNG: {error}")
        return 1
    inked = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            if min(row[x], row[x + 1], row[x + 2]) < 231:
                inked += 1
    share = inked / (width * height)
    print(f"{path}: {width}x{height}, {share:.1%} of pixels not near-white")
    if share < minimum:
        print(f"{path}: looks blank (less than {minimum:.1%} inked)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
