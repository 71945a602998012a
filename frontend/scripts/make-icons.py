"""Draw the PNG app icons (same design as public/favicon.svg) with Pillow.

Run with the project's venv: ../.venv/bin/python scripts/make-icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
RED, WHITE, PINK, GOLD = "#c8161d", "#ffffff", "#fde7e7", "#f5b400"


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # supersample, then shrink for smooth edges
    big = size * scale
    img = Image.new("RGBA", (big, big), RED if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # Maskable icons keep the art inside the central 80% safe zone.
    pad = big * 0.1 if maskable else 0
    unit = (big - 2 * pad) / 64

    def p(x: float, y: float) -> tuple[float, float]:
        return (pad + x * unit, pad + y * unit)

    if not maskable:
        d.rounded_rectangle([0, 0, big - 1, big - 1], radius=14 * unit, fill=RED)
    d.polygon([p(12, 18), p(22, 15.5), p(32, 20), p(32, 48), p(22, 43.5), p(12, 46)], fill=WHITE)
    d.polygon([p(52, 18), p(42, 15.5), p(32, 20), p(32, 48), p(42, 43.5), p(52, 46)], fill=PINK)
    d.line([p(23, 35), p(29, 41), p(42, 27)], fill=GOLD, width=int(5 * unit), joint="curve")
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "maskable-512.png", optimize=True)
    draw(32, maskable=False).save(OUT.parent / "favicon.png", optimize=True)


if __name__ == "__main__":
    main()
