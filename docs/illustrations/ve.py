#!/usr/bin/env python3
"""Draws the site's illustrations as SVG (flat style, no real people, no faces).

    python3 docs/illustrations/ve.py          # writes docs/illustrations/*.svg
    sh docs/illustrations/lam-anh.sh          # rasterises them to content/<year>/files/*.jpg

Texts on banners are the years' themes exactly as in content/<year>/edition.yaml
(written in capitals, as banners are). Pillow is only used here to measure text
so that it fits its banner (the fonts are DejaVu Sans, as rsvg-convert uses).
"""
import math
import os
import unicodedata

from PIL import ImageFont

W, H = 2000, 1333
HERE = os.path.dirname(os.path.abspath(__file__))
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
THEME_2023 = "Công tác xã hội Việt Nam - Chuyên nghiệp, sáng tạo và phát triển"
THEME_2024 = "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối"

RED = "#c8202a"
DARK_RED = "#9e1820"
YELLOW = "#ffd23f"
WOOD = "#a86b3c"
WOOD_D = "#7d4a26"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def up(s):
    return nfc(s).upper()


_fonts = {}


def width(s, size, bold=True):
    key = (size, bold)
    if key not in _fonts:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        _fonts[key] = ImageFont.truetype(FONT_DIR + name, size)
    return _fonts[key].getlength(nfc(s))


def fit(s, maxw, size, bold=True):
    """The largest font size <= size at which s is at most maxw wide."""
    while size > 8 and width(s, size, bold) > maxw:
        size -= 1
    return size


def esc(s):
    return nfc(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text(x, y, s, size, fill="#222", bold=True, anchor="middle", extra=""):
    weight = "bold" if bold else "normal"
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="DejaVu Sans" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}" {extra}>{esc(s)}</text>')


def text_fit(x, y, s, maxw, size, fill="#222", bold=True, anchor="middle"):
    return text(x, y, s, fit(s, maxw, size, bold), fill, bold, anchor)


def rect(x, y, w, h, fill, rx=0, extra=""):
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx}" fill="{fill}" {extra}/>'


def circle(cx, cy, r, fill, extra=""):
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{fill}" {extra}/>'


def poly(points, fill, extra=""):
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polygon points="{pts}" fill="{fill}" {extra}/>'


def path(d, fill, extra=""):
    return f'<path d="{d}" fill="{fill}" {extra}/>'


def star(cx, cy, r, fill=YELLOW):
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return poly(pts, fill)


def flag(x, y, w, wave=False):
    """The national flag, top-left corner at (x, y)."""
    h = w * 2 / 3
    if wave:
        d = (f"M{x},{y} q{w/4},{-h*0.08} {w/2},0 t{w/2},0 v{h} "
             f"q{-w/4},{h*0.08} {-w/2},0 t{-w/2},0 z")
        return path(d, RED) + star(x + w / 2, y + h / 2, h * 0.3)
    return rect(x, y, w, h, RED) + star(x + w / 2, y + h / 2, h * 0.3)


def flagpole(x, ground, height, fw):
    out = rect(x - 5, ground - height, 10, height, "#8a8f96")
    out += circle(x, ground - height - 6, 9, "#c9a227")
    out += flag(x + 5, ground - height + 6, fw, wave=True)
    return out


def person_back(cx, base, s, color):
    """A seated person seen from behind: shoulders and a head, no face (s ~ shoulder width)."""
    w = s
    h = s * 0.75
    d = (f"M{cx - w/2},{base} v{-h*0.55} q0,{-h*0.45} {w*0.35},{-h*0.45} "
         f"h{w*0.3} q{w*0.35},0 {w*0.35},{h*0.45} v{h*0.55} z")
    return path(d, color) + circle(cx, base - h - s * 0.28, s * 0.27, color)


def person_stand(cx, feet, s, color, arm=None, dark=None):
    """A standing figure as a plain silhouette (s ~ height / 4)."""
    dark = dark or color
    out = ""
    leg_h = s * 1.7
    body_h = s * 1.6
    bw = s * 0.95
    out += rect(cx - bw * 0.42, feet - leg_h, bw * 0.36, leg_h, dark, rx=s * 0.12)
    out += rect(cx + bw * 0.06, feet - leg_h, bw * 0.36, leg_h, dark, rx=s * 0.12)
    top = feet - leg_h - body_h
    out += rect(cx - bw / 2, top, bw, body_h + s * 0.15, color, rx=s * 0.3)
    if arm == "forward":
        out += rect(cx + bw * 0.3, top + s * 0.25, s * 1.05, s * 0.26, color, rx=s * 0.13)
    elif arm == "up":
        out += f'<rect x="{cx + bw*0.3:.1f}" y="{top + s*0.2:.1f}" width="{s*1.1:.1f}" height="{s*0.26:.1f}" rx="{s*0.13:.1f}" fill="{color}" transform="rotate(-35 {cx + bw*0.3:.1f} {top + s*0.3:.1f})"/>'
    out += circle(cx, top - s * 0.45, s * 0.42, color)
    return out


def chair_back(cx, base, s, color):
    """The back of a chair seen from behind the audience."""
    return (rect(cx - s * 0.5, base - s * 0.95, s, s * 0.95, color, rx=s * 0.12)
            + rect(cx - s * 0.42, base, s * 0.12, s * 0.45, color)
            + rect(cx + s * 0.30, base, s * 0.12, s * 0.45, color))


def microphone(x, y, h, color="#333"):
    """A desk microphone standing on y."""
    return (rect(x - 22, y - 10, 44, 10, color, rx=4)
            + f'<path d="M{x},{y-10} q0,{-h*0.6} {h*0.35},{-h}" stroke="{color}" stroke-width="5" fill="none"/>'
            + f'<ellipse cx="{x + h*0.37:.1f}" cy="{y - h - 8:.1f}" rx="9" ry="14" fill="{color}" transform="rotate(30 {x + h*0.37:.1f} {y - h - 8:.1f})"/>')


def plant(cx, base, s, pot="#b5542d", leaf="#3f8f4f"):
    out = ""
    for i, a in enumerate(range(-60, 61, 30)):
        r = math.radians(a)
        lx, ly = cx + math.sin(r) * s * 0.9, base - s * 0.8 - math.cos(r) * s * 0.9
        out += (f'<ellipse cx="{lx:.1f}" cy="{ly:.1f}" rx="{s*0.22:.1f}" ry="{s*0.55:.1f}" '
                f'fill="{leaf if i % 2 else "#4fa35f"}" transform="rotate({a} {lx:.1f} {ly:.1f})"/>')
    out += poly([(cx - s * 0.45, base - s * 0.75), (cx + s * 0.45, base - s * 0.75),
                 (cx + s * 0.33, base), (cx - s * 0.33, base)], pot)
    return out


def flowers(cx, base, s):
    """A low flower arrangement (for a table or the edge of a stage)."""
    out = f'<ellipse cx="{cx}" cy="{base - s*0.35:.1f}" rx="{s*1.1:.1f}" ry="{s*0.45:.1f}" fill="#3f8f4f"/>'
    cols = ["#f2c14e", "#e4572e", "#f7f7f2", "#f28fad", "#f2c14e", "#e4572e", "#f7f7f2"]
    for i, c in enumerate(cols):
        fx = cx - s * 0.9 + i * s * 0.3
        fy = base - s * 0.55 - (s * 0.25 if i % 2 else 0)
        out += circle(fx, fy, s * 0.17, c)
    out += rect(cx - s * 0.55, base - s * 0.25, s * 1.1, s * 0.25, "#c9a227", rx=4)
    return out


def tree(cx, base, s, leaf="#4c9a52", leaf2="#3d8345"):
    return (rect(cx - s * 0.08, base - s * 0.9, s * 0.16, s * 0.9, "#7a5230")
            + circle(cx, base - s * 1.15, s * 0.5, leaf2)
            + circle(cx - s * 0.28, base - s * 0.95, s * 0.36, leaf)
            + circle(cx + s * 0.3, base - s * 1.0, s * 0.38, leaf))


def sky(top="#bfe1f6", bottom="#eaf5fb", h=H):
    return ('<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
            f'<stop offset="0" stop-color="{top}"/><stop offset="1" stop-color="{bottom}"/>'
            f'</linearGradient></defs>' + rect(0, 0, W, h, "url(#sky)"))


def cloud(cx, cy, s):
    return (f'<g fill="#ffffff" opacity="0.9">' + circle(cx, cy, s * 0.5, "#fff")
            + circle(cx - s * 0.55, cy + s * 0.15, s * 0.35, "#fff")
            + circle(cx + s * 0.6, cy + s * 0.12, s * 0.4, "#fff")
            + rect(cx - s * 0.9, cy + s * 0.1, s * 1.9, s * 0.4, "#fff", rx=s * 0.2) + "</g>")


def banner(x, y, w, h, lines, fill=RED, ink=YELLOW, size=None, ropes=True):
    """A red cloth banner with centred lines of text."""
    out = ""
    if ropes:
        out += f'<line x1="{x-40}" y1="{y-30}" x2="{x}" y2="{y+8}" stroke="#555" stroke-width="4"/>'
        out += f'<line x1="{x+w+40}" y1="{y-30}" x2="{x+w}" y2="{y+8}" stroke="#555" stroke-width="4"/>'
    out += rect(x, y, w, h, fill)
    out += rect(x, y + h - h * 0.06, w, h * 0.06, DARK_RED)
    n = len(lines)
    size = size or int(h / (n + 0.8))
    size = min(fit(l, w * 0.92, size) for l in lines)
    gap = size * 1.3
    first = y + h / 2 - gap * (n - 1) / 2 + size * 0.36
    for i, l in enumerate(lines):
        out += text(x + w / 2, first + i * gap, l, size, ink)
    return out


def doc(body, name):
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">\n'
           f'<title>{esc(name)}</title>\n{body}\n</svg>\n')
    return nfc(svg)


SILHOUETTES = ["#3b4a5a", "#4a5d70", "#56667a", "#34404d", "#5d6f82", "#445566"]


# ---------------------------------------------------------------------------
# 1. Hall with the 2024 theme on the red backdrop of the stage
def hoi_truong_2024():
    b = rect(0, 0, W, H, "#efe6d6")
    b += rect(0, 0, W, 90, "#d9cdb8")
    # side curtains
    for x in (0, W - 170):
        b += rect(x, 0, 170, 900, "#8c1c22")
        for i in range(5):
            b += rect(x + 14 + i * 32, 0, 6, 900, "#7a161c")
    # backdrop
    b += rect(260, 120, 1480, 560, RED)
    b += rect(260, 120, 1480, 16, YELLOW)
    b += rect(260, 664, 1480, 16, YELLOW)
    b += star(420, 300, 70)
    b += text_fit(1040, 235, up("Kỷ niệm Ngày Công tác xã hội Việt Nam 25/3"), 1000, 46, "#ffffff")
    size = min(fit("CÔNG TÁC XÃ HỘI VIỆT NAM -", 1180, 96), fit(up("Tiên phong, chuyên nghiệp và kết nối"), 1180, 96))
    b += text(930, 390, "CÔNG TÁC XÃ HỘI VIỆT NAM -", size, YELLOW)
    b += text(930, 510, up("Tiên phong, chuyên nghiệp và kết nối"), size, YELLOW)
    b += text_fit(930, 610, "Lần thứ 8 - năm 2024", 900, 44, "#ffffff", bold=False)
    # stage
    b += rect(200, 680, 1600, 40, "#6b3f22")
    b += rect(200, 720, 1600, 150, WOOD)
    for x in range(200, 1800, 160):
        b += rect(x, 720, 4, 150, WOOD_D)
    for x in (420, 800, 1200, 1520):
        b += flowers(x, 720, 70)
    # lectern with microphone
    b += poly([(1600, 520), (1740, 520), (1725, 700), (1615, 700)], WOOD_D)
    b += rect(1590, 510, 160, 22, "#5c3519", rx=4)
    b += star(1670, 615, 40)
    b += microphone(1640, 510, 70)
    # floor
    b += rect(0, 870, W, H - 870, "#b99b79")
    # audience seen from behind
    rows = [(1000, 100, 0), (1130, 115, 60), (1270, 130, 0)]
    for r, (base, s, off) in enumerate(rows):
        n = 0
        x = 120 + off
        while x < W - 60:
            b += chair_back(x, base, s * 1.05, "#2e4b7a")
            if (n + r) % 4 != 3:
                b += person_back(x, base - s * 0.55, s * 1.0, SILHOUETTES[(n + r) % len(SILHOUETTES)])
            x += s * 1.45
            n += 1
    return doc(b, "Tranh minh họa: hội trường với băng rôn chủ đề năm 2024")


# ---------------------------------------------------------------------------
# 2. Office building with the 2023 theme on a banner across the front
def tru_so_2023():
    b = sky()
    b += cloud(300, 180, 120) + cloud(1650, 130, 100)
    b += rect(0, 1050, W, H - 1050, "#9aa3ab")  # street
    b += rect(0, 1000, W, 60, "#cfd3d6")        # pavement
    # building
    bx, by, bw, bh = 250, 330, 1500, 680
    b += rect(bx, by, bw, bh, "#f3e3b3")
    b += rect(bx - 30, by - 30, bw + 60, 40, "#c9553a")
    b += poly([(bx + 500, by - 30), (bx + 1000, by - 30), (bx + 750, by - 150)], "#d8c48e")
    b += poly([(bx + 560, by - 40), (bx + 940, by - 40), (bx + 750, by - 130)], "#efdca5")
    b += star(bx + 750, by - 78, 32, RED)
    for floor in range(3):
        y = by + 60 + floor * 210
        for i in range(10):
            x = bx + 60 + i * 142
            if floor == 2 and 4 <= i <= 5:
                continue
            b += rect(x, y, 80, 120, "#6f9bc4")
            b += rect(x + 38, y, 4, 120, "#f3e3b3")
            b += rect(x - 8, y + 120, 96, 10, "#e0cd98")
    # entrance
    b += rect(bx + 620, by + 480, 260, 200, "#5b7fa3")
    b += rect(bx + 748, by + 480, 4, 200, "#f3e3b3")
    for x in (bx + 570, bx + 900):
        b += rect(x, by + 440, 30, 240, "#fbf3dc")
    b += rect(bx + 540, by + 430, 420, 24, "#e0cd98")
    for i in range(3):
        b += rect(bx + 560 - i * 20, by + bh + i * 0 - 10 + i * 8, 380 + i * 40, 10, "#d6d0c4")
    # banner across the first floor
    b += banner(bx + 60, by + 330, bw - 120, 110,
                [up(THEME_2023)], size=50)
    # flags on the roof
    b += flagpole(bx + 750, by - 150, 170, 150)
    # trees and fence
    for x in (120, 1880):
        b += tree(x, 1010, 300)
    for x in range(0, W, 60):
        b += rect(x, 960, 8, 45, "#4d5961")
    b += rect(0, 960, W, 8, "#4d5961")
    b += rect(bx + 560, 955, 380, 50, "#cfd3d6")  # gate opening
    # street markings
    for x in range(40, W, 260):
        b += rect(x, 1190, 140, 14, "#f4f4f4")
    return doc(b, "Tranh minh họa: trụ sở cơ quan treo băng rôn chủ đề năm 2023")


# ---------------------------------------------------------------------------
# 3. Meeting table (tọa đàm) with name plates and microphones
def ban_hop_2024():
    b = rect(0, 0, W, H, "#e9eef2")
    b += rect(0, 0, W, 70, "#d5dde4")
    # wall panelling
    for x in range(0, W, 250):
        b += rect(x, 70, 4, 720, "#d5dde4")
    b += banner(330, 130, 1340, 210,
                [up("Tọa đàm Ngày Công tác xã hội Việt Nam"), up(THEME_2024)],
                ropes=False)
    b += rect(0, 790, W, H - 790, "#c7b08f")
    # chairs behind the table
    seats = [360, 620, 880, 1120, 1380, 1640]
    for x in seats:
        b += rect(x - 90, 500, 180, 250, "#8a6a4a", rx=30)
        b += rect(x - 74, 516, 148, 220, "#a27d58", rx=24)
    for i, x in enumerate(seats):
        if i != 4:
            b += person_back(x, 760, 190, SILHOUETTES[i % len(SILHOUETTES)])
    # table
    b += rect(180, 740, 1640, 40, "#f7f7f2")
    b += rect(200, 780, 1600, 240, "#1f5f8b")
    b += rect(200, 780, 1600, 30, "#174a6d")
    b += flowers(1000, 1030, 90)
    # name plates, microphones, water
    labels = ["Đại biểu", "Đại biểu", "Chủ trì", "Chủ trì", "Đại biểu", "Thư ký"]
    for x, l in zip(seats, labels):
        b += poly([(x - 95, 740), (x + 95, 740), (x + 85, 668), (x - 85, 668)], "#ffffff")
        b += rect(x - 85, 668, 170, 8, RED)
        b += text_fit(x, 722, up(l), 160, 30, "#1d2b3a")
        b += microphone(x + 120, 740, 70)
        b += rect(x - 150, 672, 26, 68, "#cfe8f5", rx=6)
        b += rect(x - 146, 664, 18, 10, "#2d7fb8", rx=2)
    # papers
    for x in seats:
        b += poly([(x - 60, 740), (x + 40, 740), (x + 50, 728), (x - 50, 728)], "#fbfbf6")
    # the audience in the front, seen from behind
    x, n = 90, 0
    while x < W:
        b += person_back(x, H + 20, 190, SILHOUETTES[(n + 3) % len(SILHOUETTES)])
        x += 300
        n += 1
    return doc(b, "Tranh minh họa: bàn tọa đàm với bảng tên và micro")


# ---------------------------------------------------------------------------
# 4. Workshop room with a projector screen
def hoi_thao_2024():
    b = rect(0, 0, W, H, "#e8e2d6")
    b += rect(0, 0, W, 60, "#d2cab8")
    # screen
    sx, sy, sw, sh = 420, 110, 1160, 640
    b += rect(sx - 30, sy - 30, sw + 60, 26, "#55504a", rx=8)
    b += rect(sx, sy, sw, sh, "#ffffff", extra='stroke="#b9b2a4" stroke-width="6"')
    b += rect(sx, sy, sw, 130, "#1f5f8b")
    b += text_fit(sx + sw / 2, sy + 62, "Hội thảo chia sẻ kinh nghiệm", sw - 80, 46, "#ffffff")
    b += text_fit(sx + sw / 2, sy + 110, "Ngày Công tác xã hội Việt Nam 25/3/2024", sw - 80, 30, "#d6e8f5", bold=False)
    b += text_fit(sx + sw / 2, sy + 230, "Các mô hình công tác xã hội hiệu quả", sw - 120, 52, "#1d2b3a")
    for i, w in enumerate([760, 640, 820, 560]):
        y = sy + 320 + i * 70
        b += circle(sx + 110, y + 12, 12, RED)
        b += rect(sx + 145, y, w, 24, "#c8cdd3", rx=12)
    # projector beam and projector
    # presenter beside the screen
    b += person_stand(1720, 900, 62, "#3b4a5a", arm="up", dark="#2c3845")
    # a flag-less plant and a side table
    b += plant(250, 880, 120)
    b += rect(0, 880, W, H - 880, "#9c8a73")
    # desks with people from behind
    rows = [(1000, 120), (1190, 140)]
    for r, (base, s) in enumerate(rows):
        b += rect(60, base - 20, W - 120, 26, "#f1ebe0")
        b += rect(60, base + 6, W - 120, 60, "#b78b5a")
        x = 200 + r * 60
        n = 0
        while x < W - 120:
            b += person_back(x, base - 18, s, SILHOUETTES[(n + r) % len(SILHOUETTES)])
            b += rect(x + s * 0.35, base - 30, 70, 12, "#fbfbf6")  # a notebook
            x += s * 1.9
            n += 1
    return doc(b, "Tranh minh họa: phòng hội thảo với màn chiếu")


# ---------------------------------------------------------------------------
# 5. A community visit: houses, a path and a gift bag
def house(x, base, w, h, wall, roof, door="#7a5230"):
    out = rect(x, base - h, w, h, wall)
    out += poly([(x - w * 0.12, base - h), (x + w * 1.12, base - h), (x + w / 2, base - h - w * 0.45)], roof)
    out += rect(x + w * 0.4, base - h * 0.6, w * 0.22, h * 0.6, door)
    out += rect(x + w * 0.1, base - h * 0.65, w * 0.2, h * 0.28, "#8fb9d8")
    out += rect(x + w * 0.72, base - h * 0.65, w * 0.2, h * 0.28, "#8fb9d8")
    return out


def gift_bag(x, base, s, color=RED):
    out = f'<path d="M{x + s*0.25},{base - s} q{s*0.25},{-s*0.5} {s*0.5},0" stroke="#7a1016" stroke-width="{s*0.06:.1f}" fill="none"/>'
    out += poly([(x, base - s), (x + s, base - s), (x + s * 0.95, base), (x + s * 0.05, base)], color)
    out += rect(x, base - s, s, s * 0.12, DARK_RED)
    out += path(f"M{x + s*0.5},{base - s*0.3} c{-s*0.25},{-s*0.15} {-s*0.2},{-s*0.4} 0,{-s*0.28} "
                f"c{s*0.2},{-s*0.12} {s*0.25},{s*0.13} 0,{s*0.28} z", YELLOW)
    return out


def tham_hoi_2024():
    b = sky("#a9d6f0", "#eef7fb")
    b += cloud(1500, 170, 110) + cloud(420, 120, 80)
    # hills
    b += path("M0,640 C300,420 520,460 760,600 C980,420 1250,380 1500,560 C1700,460 1880,470 2000,520 V900 H0 Z", "#7fb27a")
    b += path("M0,760 C400,620 800,700 1100,720 C1400,640 1700,660 2000,700 V1333 H0 Z", "#98c77f")
    b += rect(0, 900, W, H - 900, "#a9cf86")
    # houses
    b += house(200, 900, 330, 230, "#f4ead2", "#b5542d")
    b += house(1420, 880, 300, 210, "#eee2c4", "#9c4a2a")
    b += house(1760, 860, 220, 170, "#f4ead2", "#b5542d")
    b += tree(640, 900, 300) + tree(1300, 880, 220) + tree(80, 900, 200)
    # path
    b += path("M880,1333 C900,1150 960,1000 1040,900 L1120,900 C1080,1000 1100,1150 1180,1333 Z", "#d9c39a")
    # fence
    for x in range(160, 580, 40):
        b += rect(x, 890, 8, 50, "#8b6a43")
    b += rect(160, 905, 420, 8, "#8b6a43")
    # people: two visitors and a resident, plain silhouettes
    b += person_stand(760, 1180, 70, "#2f6f9f", arm="forward", dark="#24557a")
    b += person_stand(610, 1190, 66, "#3b4a5a", dark="#2c3845")
    b += person_stand(1060, 1180, 66, "#7a5a8c", dark="#5d4470")
    b += gift_bag(858, 1060, 90)
    b += gift_bag(520, 1190, 80, "#d9483b")
    # a basket of fruit on the ground
    b += f'<ellipse cx="1240" cy="1190" rx="90" ry="26" fill="#8b6a43"/>'
    for i, c in enumerate(["#f2a516", "#e4572e", "#f2c14e", "#7cb342", "#e4572e"]):
        b += circle(1175 + i * 32, 1168 - (i % 2) * 14, 24, c)
    return doc(b, "Tranh minh họa: thăm hỏi, tặng quà tại cộng đồng")


# ---------------------------------------------------------------------------
# 6. District office with a flag and an electronic board running the 2024 theme
def tru_so_2024():
    b = sky("#b8dcf3", "#f0f8fc")
    b += path("M0,520 C250,330 520,360 700,470 C900,300 1200,280 1450,450 C1650,340 1850,360 2000,420 V800 H0 Z", "#8fb8a0")
    b += path("M0,640 C400,520 900,600 1300,580 C1600,560 1800,600 2000,600 V800 H0 Z", "#a5c9a4")
    b += rect(0, 800, W, H - 800, "#c9c2b3")
    # building
    bx, by, bw, bh = 330, 360, 1340, 470
    b += rect(bx, by, bw, bh, "#f6efdc")
    b += rect(bx - 40, by - 40, bw + 80, 50, "#b5542d")
    b += rect(bx + 470, by - 120, 400, 90, "#f6efdc")
    b += rect(bx + 450, by - 140, 440, 26, "#b5542d")
    b += star(bx + 670, by - 75, 34, RED)
    for floor in range(2):
        y = by + 60 + floor * 200
        for i in range(9):
            x = bx + 60 + i * 140
            if floor == 1 and 4 <= i <= 4:
                continue
            b += rect(x, y, 84, 120, "#7fa8cc")
            b += rect(x, y + 56, 84, 6, "#f6efdc")
    b += rect(bx + 600, by + 270, 140, 200, "#5b7fa3")
    b += rect(bx + 560, by + 250, 220, 20, "#e4d8b8")
    # generic sign (no real name)
    b += rect(bx + 470, by + 20, 400, 30, RED)
    b += text_fit(bx + 670, by + 45, "TRỤ SỞ CƠ QUAN", 380, 24, YELLOW)
    # yard and flagpole
    b += rect(0, 830, W, 40, "#ddd6c6")
    for x in range(330, 1680, 120):
        b += circle(x, 845, 34, "#4c9a52")
    b += flagpole(1000, 1110, 640, 190)
    b += f'<ellipse cx="1000" cy="1115" rx="110" ry="22" fill="#8c9094"/>'
    # electronic board on two legs
    ex, ey, ew, eh = 120, 920, 760, 210
    b += rect(ex + 60, ey + eh, 18, 150, "#555") + rect(ex + ew - 78, ey + eh, 18, 150, "#555")
    b += rect(ex, ey, ew, eh, "#222", rx=10)
    b += rect(ex + 14, ey + 14, ew - 28, eh - 28, "#120d0d")
    size = fit(up("Tiên phong, chuyên nghiệp và kết nối"), ew - 70, 48)
    b += text(ex + ew / 2, ey + 90, "CÔNG TÁC XÃ HỘI VIỆT NAM -", size, "#ff9a2e")
    b += text(ex + ew / 2, ey + 155, up("Tiên phong, chuyên nghiệp và kết nối"), size, "#ff9a2e")
    # tree and shrubs
    b += tree(1600, 1150, 330) + tree(1880, 1150, 260)
    return doc(b, "Tranh minh họa: trụ sở cơ quan có cột cờ và bảng điện tử")


# ---------------------------------------------------------------------------
# 7. Care centre yard with a banner on the gate
def trung_tam_2024():
    b = sky("#bfe1f6", "#f2f9fc")
    b += cloud(1650, 150, 100)
    b += rect(0, 860, W, H - 860, "#a6cf8c")
    # building behind
    bx, by, bw, bh = 500, 300, 1300, 520
    b += rect(bx, by, bw, bh, "#fde8c8")
    b += poly([(bx - 50, by), (bx + bw + 50, by), (bx + bw - 100, by - 120), (bx + 100, by - 120)], "#c6513a")
    for floor in range(2):
        for i in range(8):
            x = bx + 70 + i * 155
            y = by + 70 + floor * 220
            if floor == 1 and i == 3:
                continue
            b += rect(x, y, 90, 120, "#86b3d6")
            b += rect(x - 8, y + 120, 106, 10, "#e8cfa8")
    b += rect(bx + 520, by + 330, 130, 190, "#6d8fae")
    b += rect(bx + 583, by + 330, 4, 190, "#fde8c8")
    b += rect(0, 820, W, 50, "#e2dccd")
    # gate with banner
    gx = 150
    b += rect(gx, 420, 60, 460, "#c9c3b5") + rect(gx + 720, 420, 60, 460, "#c9c3b5")
    b += rect(gx - 10, 400, 80, 30, "#b3ac9c") + rect(gx + 710, 400, 80, 30, "#b3ac9c")
    b += banner(gx + 60, 470, 660, 150, [up("Kỷ niệm Ngày Công tác xã hội"), "VIỆT NAM 25/3/2024"], ropes=False)
    # playground: swing and benches
    b += f'<path d="M1200,1100 L1270,880 L1340,1100 M1520,1100 L1590,880 L1660,1100" stroke="#d9483b" stroke-width="16" fill="none"/>'
    b += rect(1260, 874, 340, 16, "#d9483b")
    for x in (1360, 1480):
        b += f'<line x1="{x}" y1="890" x2="{x}" y2="1010" stroke="#555" stroke-width="5"/>'
    b += rect(1345, 1010, 150, 14, "#4a3a2a")
    b += rect(300, 1050, 320, 24, WOOD) + rect(320, 1074, 16, 50, WOOD_D) + rect(584, 1074, 16, 50, WOOD_D)
    b += rect(300, 1000, 320, 18, WOOD)
    # path and flower beds
    b += path("M920,1333 C960,1150 1010,980 1040,870 L1120,870 C1130,980 1160,1150 1220,1333 Z", "#e6d7b5")
    for x in range(40, 2000, 110):
        if 900 < x < 1240:
            continue
        b += circle(x, 1260, 28, "#4c9a52") + circle(x + 10, 1245, 10, "#f28fad" if x % 220 else "#f2c14e")
    b += tree(1850, 1000, 300) + tree(90, 1000, 240)
    b += person_stand(760, 1150, 55, "#3b4a5a", dark="#2c3845")
    b += person_stand(840, 1160, 42, "#d9883b", dark="#a8652a")
    return doc(b, "Tranh minh họa: sân một trung tâm trợ giúp xã hội treo băng rôn")


# ---------------------------------------------------------------------------
# 8. Poster wall with the 2023 theme
def ap_phich_2023():
    b = rect(0, 0, W, H, "#ece4d4")
    b += rect(0, 1060, W, H - 1060, "#b9a383")
    b += rect(0, 1040, W, 24, "#d9ccb4")
    # board
    b += rect(140, 110, 1720, 880, "#8b5a33", rx=14)
    b += rect(170, 140, 1660, 820, "#c79a62", rx=6)
    # big poster, left
    b += rect(220, 190, 560, 720, RED)
    b += text(500, 350, "25/3", 160, YELLOW)
    b += text_fit(500, 440, up("Ngày Công tác xã hội"), 500, 44, "#ffffff")
    b += text_fit(500, 500, "VIỆT NAM", 500, 44, "#ffffff")
    # two hands making a heart (simple shapes)
    b += path("M500,820 C400,760 360,700 380,650 C400,600 470,600 500,650 C530,600 600,600 620,650 C640,700 600,760 500,820 Z", YELLOW)
    b += text_fit(500, 880, "Năm 2023 - lần thứ 7", 500, 30, "#ffffff", bold=False)
    # theme poster, middle top
    b += rect(840, 190, 560, 420, "#ffffff")
    b += rect(840, 190, 560, 70, "#1f5f8b")
    b += text_fit(1120, 238, "CHỦ ĐỀ NĂM 2023", 520, 36, "#ffffff")
    lines = [up("Công tác xã hội"), up("Việt Nam -"), up("Chuyên nghiệp,"), up("sáng tạo và phát triển")]
    size = min(fit(l, 510, 56) for l in lines)
    for i, l in enumerate(lines):
        gap = size * 1.55
        b += text(1120, 435 - 1.5 * gap + size * 0.36 + i * gap, l, size, RED)
    # leaves poster, middle bottom
    b += rect(840, 650, 560, 260, "#f7f1dc")
    for i in range(5):
        lx = 930 + i * 95
        b += f'<ellipse cx="{lx}" cy="735" rx="30" ry="58" fill="{"#3f8f4f" if i % 2 else "#7cb342"}" transform="rotate({-30 + i*15} {lx} 735)"/>'
    b += text_fit(1120, 850, "“Lá lành đùm lá rách”", 520, 44, "#2e5e33")
    # notice sheets, right
    for j, (y, title) in enumerate([(190, "KẾ HOẠCH"), (560, "THÔNG BÁO")]):
        b += rect(1460, y, 330, 330, "#fbfbf6")
        b += text_fit(1625, y + 60, title, 300, 34, "#1d2b3a")
        for i in range(5):
            b += rect(1500, y + 100 + i * 40, 250 - (i % 2) * 60, 14, "#c8cdd3", rx=7)
    # pins
    for x, y in [(500, 205), (862, 206), (1378, 206), (1120, 665), (1625, 205), (1625, 575)]:
        b += circle(x, y, 12, "#2d7fb8")
    b += plant(1930, 1040, 110) + plant(70, 1040, 100)
    return doc(b, "Tranh minh họa: bảng tin dán áp phích năm 2023")


# ---------------------------------------------------------------------------
# 9. Hospital social work desk
def benh_vien_2023():
    b = rect(0, 0, W, H, "#eef3f1")
    b += rect(0, 0, W, 60, "#dce6e2")
    b += rect(0, 740, W, 18, "#b7cbc4")
    b += rect(0, 960, W, H - 960, "#cfd8d3")
    for x in range(0, W, 160):
        b += rect(x, 960, 3, H - 960, "#bcc8c2")
    # sign
    b += rect(420, 110, 1160, 130, "#1c7c6d", rx=12)
    b += rect(450, 135, 80, 80, "#ffffff", rx=8)
    b += rect(478, 145, 24, 60, "#1c7c6d") + rect(460, 163, 60, 24, "#1c7c6d")
    b += text_fit(1050, 195, "PHÒNG CÔNG TÁC XÃ HỘI", 960, 64, "#ffffff")
    # counter with a staff member behind it
    b += person_back(1000, 620, 190, "#55708a")  # seen as a shape, no face
    b += rect(560, 600, 880, 360, "#f6f2ea")
    b += rect(540, 580, 920, 30, "#b78b5a")
    b += rect(600, 650, 800, 6, "#e4ddd0")
    b += text_fit(1000, 760, "Tiếp nhận - Tư vấn - Hỗ trợ", 760, 48, "#1c7c6d")
    # brochure stand
    for i, c in enumerate(["#f2c14e", "#e4572e", "#2d7fb8"]):
        b += rect(1180 + i * 70, 500, 56, 80, c, rx=4)
    # poster 25/3 on the wall
    b += rect(1600, 330, 280, 380, RED)
    b += text(1740, 460, "25/3", 90, YELLOW)
    b += text_fit(1740, 540, up("Ngày Công tác"), 240, 30, "#ffffff")
    b += text_fit(1740, 580, up("xã hội Việt Nam"), 240, 30, "#ffffff")
    b += path("M1740,680 C1700,655 1685,630 1693,612 C1701,594 1728,594 1740,612 C1752,594 1779,594 1787,612 C1795,630 1780,655 1740,680 Z", YELLOW)
    # waiting chairs with two seated silhouettes (from behind)
    for x in range(110, 520, 140):
        b += rect(x - 62, 1000, 124, 110, "#2d7fb8", rx=16)
        b += rect(x - 62, 1100, 124, 34, "#246a9c", rx=10)
        b += rect(x - 50, 1134, 12, 80, "#555") + rect(x + 38, 1134, 12, 80, "#555")
    b += person_stand(720, 1250, 70, "#3b4a5a", dark="#2c3845")
    b += plant(1900, 960, 110)
    b += person_stand(1420, 1250, 72, "#7a5a8c", dark="#5d4470")
    return doc(b, "Tranh minh họa: quầy phòng công tác xã hội trong bệnh viện")


# ---------------------------------------------------------------------------
# 10. Classroom with a blackboard
def lop_hoc_2023():
    b = rect(0, 0, W, H, "#f1ead8")
    b += rect(0, 900, W, H - 900, "#b99b79")
    # windows
    for x in (60, 1780):
        b += rect(x, 160, 160, 420, "#a9d6f0") + rect(x + 76, 160, 8, 420, "#f1ead8")
        b += rect(x, 366, 160, 8, "#f1ead8")
    # blackboard
    b += rect(330, 110, 1340, 640, "#6b4a2f", rx=10)
    b += rect(355, 135, 1290, 590, "#2f5d4a")
    b += text_fit(1000, 240, up("Ngày Công tác xã hội Việt Nam"), 1150, 70, "#f4f1e8")
    b += text_fit(1000, 330, "25/3/2023", 600, 64, "#ffe08a")
    b += text_fit(1000, 460, "Công tác xã hội Việt Nam -", 1150, 56, "#f4f1e8", bold=False)
    b += text_fit(1000, 540, "Chuyên nghiệp, sáng tạo và phát triển", 1150, 56, "#f4f1e8", bold=False)
    b += rect(355, 725, 1290, 20, "#5a3e27")
    b += rect(600, 712, 60, 14, "#ffffff") + rect(700, 714, 40, 12, "#ffe08a")
    # teacher's desk
    b += rect(1350, 770, 340, 24, "#8b5a33") + rect(1370, 794, 300, 150, "#a86b3c")
    b += person_stand(1230, 950, 62, "#3b4a5a", arm="up", dark="#2c3845")
    # students from behind
    rows = [(1040, 115), (1230, 135)]
    for r, (base, s) in enumerate(rows):
        x = 160 + r * 80
        n = 0
        while x < W - 100:
            b += person_back(x, base - 10, s, SILHOUETTES[(n + r) % len(SILHOUETTES)])
            x += s * 1.55
            n += 1
        b += rect(60, base - 12, W - 120, 24, "#d8b98c")
        b += rect(60, base + 12, W - 120, 70, "#a87f50")
    return doc(b, "Tranh minh họa: lớp học với bảng đen ghi chủ đề năm 2023")


SCENES = {
    "2024/hoi-truong-bang-ron-2024": hoi_truong_2024,
    "2023/tru-so-bang-ron-2023": tru_so_2023,
    "2024/toa-dam-ban-hop-2024": ban_hop_2024,
    "2024/hoi-thao-man-chieu-2024": hoi_thao_2024,
    "2024/tham-hoi-cong-dong-2024": tham_hoi_2024,
    "2024/tru-so-cot-co-2024": tru_so_2024,
    "2024/trung-tam-tro-giup-2024": trung_tam_2024,
    "2023/bang-tin-ap-phich-2023": ap_phich_2023,
    "2023/phong-ctxh-benh-vien-2023": benh_vien_2023,
    "2023/lop-hoc-bang-den-2023": lop_hoc_2023,
}

if __name__ == "__main__":
    for key, fn in SCENES.items():
        name = key.split("/")[1]
        with open(os.path.join(HERE, name + ".svg"), "w", encoding="utf-8") as f:
            f.write(fn())
        print(name + ".svg")
