"""Write a tiny PDF by hand for tests (pypdf reads PDFs but cannot typeset text).

Lines are drawn with a Type0 font in Identity-H encoding whose codes are the
UTF-16BE code units of the text, so pypdf's extraction gives the text back.
"""

from __future__ import annotations


def _text_op(line: str, y: int) -> bytes:
    return f"BT /F1 12 Tf 72 {y} Td <{line.encode('utf-16-be').hex()}> Tj ET\n".encode("ascii")


def build_pdf(pages: list[list[str]]) -> bytes:
    objects: list[bytes] = []
    font_id = 3
    page_ids = []
    kids_start = 4
    for index, _ in enumerate(pages):
        page_ids.append(kids_start + index * 2)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>"
    )
    for index, lines in enumerate(pages):
        stream = b"".join(_text_op(line, 760 - 20 * n) for n, line in enumerate(lines))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {page_ids[index] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
