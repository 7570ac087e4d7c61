#!/usr/bin/env python3
"""Rasterises docs/illustrations/*.svg into content/<year>/files/*.jpg.

Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and Pillow (pip install Pillow).
    python3 docs/illustrations/lam-anh.py [--preview DIR]
The JPEGs are written by Pillow with no EXIF, XMP or ICC data (quality 85).
"""
import os
import subprocess
import sys
import tempfile

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "..", "..", "content")
sys.path.insert(0, HERE)
from ve import SCENES, W, H  # noqa: E402

preview = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--preview" else None
for key in SCENES:
    year, name = key.split("/")
    svg = os.path.join(HERE, name + ".svg")
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, name + ".png")
        subprocess.run(["rsvg-convert", "-w", str(W), "-h", str(H), "-b", "white", "-o", png, svg], check=True)
        img = Image.open(png).convert("RGB")
        out = os.path.join(CONTENT, year, "files", name + ".jpg")
        img.save(out, "JPEG", quality=85, optimize=True, progressive=True)
        if preview:
            img.resize((1000, 1000 * H // W), Image.LANCZOS).save(os.path.join(preview, name + ".png"))
    print(out, os.path.getsize(out))
