"""Decode and re-encode uploaded images with Pillow: never store the bytes as sent.

Re-encoding drops EXIF (GPS included) and any payload hidden after the image data;
the pixel cap guards against decompression bombs before the image is decoded.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from apps.common.errors import InvalidInput

NOT_AN_IMAGE = "文件不是有效的图片（支持 JPEG、PNG、GIF、WebP）"
IMAGE_TOO_LARGE = "图片文件过大，不能超过 {mb} MB"
IMAGE_TOO_MANY_PIXELS = "图片像素过多（{width}×{height}），请缩小后再上传"
EMPTY_IMAGE = "图片文件为空"

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_PIXELS = 40_000_000  # ~ 8000 × 5000; beyond this decoding alone costs too much memory


def _fail(message: str) -> InvalidInput:
    return InvalidInput(message, {"file": [message]})


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _shrink(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    return copy


def reencode_image(
    data: bytes, *, max_bytes: int, max_side: int, thumb_side: int | None = None
) -> tuple[bytes, bytes | None, int, int, str]:
    """Return (image bytes, thumbnail bytes or None, width, height, "JPEG"|"PNG")."""
    if not data:
        raise _fail(EMPTY_IMAGE)
    if len(data) > max_bytes:
        raise _fail(IMAGE_TOO_LARGE.format(mb=max_bytes // (1024 * 1024)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise _fail(IMAGE_TOO_MANY_PIXELS.format(width=width, height=height))
            if probe.format not in ACCEPTED_FORMATS:
                raise _fail(NOT_AN_IMAGE)
            probe.seek(0)  # first frame only for animated images
            probe.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _fail(IMAGE_TOO_MANY_PIXELS.format(width="?", height="?")) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise _fail(NOT_AN_IMAGE) from exc

    image = ImageOps.exif_transpose(probe)  # keep the visible orientation, then drop EXIF
    has_alpha = image.mode in ("RGBA", "LA", "P") and (
        image.mode != "P" or "transparency" in image.info
    )
    fmt = "PNG" if has_alpha or probe.format in ("PNG", "GIF") else "JPEG"
    image = image.convert("RGBA" if has_alpha else "RGB")
    image = _shrink(image, max_side)
    image.info = {}  # no EXIF, ICC text chunks or comments carried over
    main = _encode(image, fmt)
    thumb = _encode(_shrink(image, thumb_side), fmt) if thumb_side else None
    return main, thumb, image.width, image.height, fmt
