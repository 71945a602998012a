"""A PDF's text layer with PDFium (pypdfium2): running heads and feet dropped, a
browser's print header and footer dropped, lookalike radicals folded, wrapped lines joined.

PDFium extracts CJK text faithfully and fast. A page printed from a browser may still
carry Kangxi radicals or CJK radical supplement characters where its font shares one
glyph between a radical and an ideograph (⺠ for 民, ⼗ for 十): they are folded to
the ideograph, so "第⼗条" is found as an article. Scanned PDFs have no text layer;
they yield no text (the caller reports it).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter

import pypdfium2 as pdfium

from question_bank.errors import CorruptDocumentError
from question_bank.html_text import site_free_title

_lock = threading.Lock()  # PDFium is not thread-safe
_TERMINAL = tuple("。！？!?；;：:…”’」』）)】》")
_DIGITS = re.compile(r"\d+")
# Radicals from the CJK Radicals Supplement that stand for a whole ideograph (the Kangxi
# radicals U+2F00–U+2FD5 fold by NFKC).
_SUPPLEMENT = str.maketrans(
    {
        "⺁": "厂",
        "⺇": "几",
        "⺌": "小",
        "⺍": "小",
        "⺎": "尢",
        "⺏": "尢",
        "⺐": "尢",
        "⺑": "尣",
        "⺒": "巳",
        "⺓": "幺",
        "⺔": "彑",
        "⺖": "忄",
        "⺗": "心",
        "⺘": "扌",
        "⺙": "攵",
        "⺛": "旡",
        "⺝": "月",
        "⺞": "歹",
        "⺟": "母",
        "⺠": "民",
        "⺡": "氵",
        "⺢": "氺",
        "⺣": "灬",
        "⺤": "爫",
        "⺥": "爫",
        "⺦": "丬",
        "⺧": "牛",
        "⺨": "犭",
        "⺩": "王",
        "⺪": "疋",
        "⺫": "罒",
        "⺬": "示",
        "⺭": "礻",
        "⺮": "竹",
        "⺯": "糸",
        "⺰": "纟",
        "⺱": "罓",
        "⺲": "罒",
        "⺳": "网",
        "⺴": "网",
        "⺵": "网",
        "⺶": "羊",
        "⺷": "羊",
        "⺸": "羊",
        "⺹": "耂",
        "⺺": "肀",
        "⺻": "聿",
        "⺼": "月",
        "⺽": "臼",
        "⺾": "艹",
        "⺿": "艹",
        "⻀": "艹",
        "⻁": "虎",
        "⻂": "衤",
        "⻃": "覀",
        "⻄": "西",
        "⻅": "见",
        "⻆": "角",
        "⻇": "角",
        "⻈": "讠",
        "⻉": "贝",
        "⻊": "足",
        "⻋": "车",
        "⻌": "辶",
        "⻍": "辶",
        "⻎": "辶",
        "⻏": "阝",
        "⻐": "钅",
        "⻑": "長",
        "⻒": "镸",
        "⻓": "长",
        "⻔": "门",
        "⻕": "阜",
        "⻖": "阝",
        "⻗": "雨",
        "⻘": "青",
        "⻙": "韦",
        "⻚": "页",
        "⻛": "风",
        "⻜": "飞",
        "⻝": "食",
        "⻞": "食",
        "⻟": "食",
        "⻠": "饣",
        "⻡": "首",
        "⻢": "马",
        "⻣": "骨",
        "⻤": "鬼",
        "⻥": "鱼",
        "⻦": "鸟",
        "⻧": "卤",
        "⻨": "麦",
        "⻩": "黄",
        "⻪": "黾",
        "⻫": "斉",
        "⻬": "齐",
        "⻭": "歯",
        "⻮": "齿",
        "⻯": "竜",
        "⻰": "龙",
        "⻱": "龜",
        "⻲": "亀",
        "⻳": "龟",
    }
)
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
# A browser's print header and footer, at the top or bottom of each page: the date and
# time with the page title, the URL with the page count.
_PRINT_DATE = re.compile(
    r"^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日)[, ]*"
    r"(?:(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?(?:\s|$)"
)
_PRINT_URL = re.compile(r"^(?:https?|file)://\S+|^www\.\S+")
_PAGE_COUNT = re.compile(
    r"^(?:第\s*\d+\s*页\s*[/，,]?\s*(?:共\s*\d+\s*页)?|\d+\s*/\s*\d+|共\s*\d+\s*页)$"
)
EDGE_LINES = 2


# A list item's marker ("2. ", "3、", "（四）", "•"): its lines are indented, so they wrap
# short of the body's width; a line that starts with one is never a continuation.
_LIST_MARK = re.compile(
    r"^\s*(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[•·●▪◦])"
)
_CLOSED_QUOTE = re.compile(r"[。！？!?；…][”’」]+$")
ITEM_WIDTH = 0.7  # of the body's width: a list item's line that wrapped


def _unwrap(lines: list[str]) -> list[str]:
    """Join a line that fills the page width with the next (the PDF wrapped it); inside a
    list item (round eight) a line that fills the item's narrower width."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 3:
        return lines
    full = lengths[int(len(lengths) * 0.9) - 1]
    out: list[str] = []
    carry = in_item = False
    for line in lines:
        if carry and out and not (in_item and _LIST_MARK.match(line)):
            out[-1] += line
        else:
            out.append(line)
            in_item = bool(_LIST_MARK.match(line))
        width = full * (ITEM_WIDTH if in_item else 0.85)
        ended = line.endswith(_TERMINAL)
        if in_item and line.endswith(("”", "’", "」")) and not _CLOSED_QUOTE.search(line):
            ended = False  # "…可以在村“积分超市”" + "兑换…": a quote closes, not the item
        carry = (len(line) >= max(12, width) and not ended) or _unclosed(line)
    return out


def _unclosed(line: str) -> bool:
    """A line that opens a bracket it does not close: a larger-type line (a title) that
    the page wrapped inside "（试行）" or "《…》" before reaching the body's width."""
    return any(line.count(open_) > line.count(close) for open_, close in ("（）", "《》"))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (running heads, page numbers),
    compared with digits masked so "第 3 页" and "第 4 页" count as one."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {
            _DIGITS.sub("#", line)
            for line in lines[:2] + lines[-2:]
            if len(line) <= 40 and not line.endswith(("。", "！", "？"))
        }
        counts.update(edges)
    needed = max(3, len(pages) // 2)
    return {line for line, count in counts.items() if count >= needed}


def fold_radicals(text: str) -> str:
    """Kangxi radicals and radical-supplement lookalikes → the ideographs they stand for."""
    if not _RADICALS.search(text):
        return text
    text = text.translate(_SUPPLEMENT)
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def is_print_furniture(line: str) -> bool:
    """A browser's print header or footer: a date stamp (with the page title after it),
    a URL (with the page count after it), or the page count alone."""
    if _PAGE_COUNT.match(line):
        return True
    url = _PRINT_URL.match(line)
    if url:
        rest = line[url.end() :].strip()
        return not rest or bool(_PAGE_COUNT.match(rest))
    return bool(_PRINT_DATE.match(line)) and "。" not in line


def _drop_print_furniture(lines: list[str]) -> list[str]:
    edges = set(range(EDGE_LINES)) | {len(lines) - 1 - i for i in range(EDGE_LINES)}
    return [line for i, line in enumerate(lines) if i not in edges or not is_print_furniture(line)]


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    title = (document.get_metadata_value("Title") or "").strip()
    # "Microsoft Word - 草稿.doc" and file names say nothing about the document
    if not title or title.lower().startswith("microsoft") or re.search(r"\.\w{2,4}$", title):
        return None
    return site_free_title(title)


def _page_lines(document: pdfium.PdfDocument) -> list[list[str]]:
    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
        finally:
            textpage.close()
            page.close()
        lines = [fold_radicals(line.strip()) for line in raw.splitlines()]
        pages.append(_drop_print_furniture([line for line in lines if line]))
    return pages


def pdf_to_text(data: bytes) -> tuple[str, str | None]:
    """(text, the title in the PDF's metadata if it looks like a real one)."""
    with _lock:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise CorruptDocumentError() from exc
        try:
            pages = _page_lines(document)
            title = _metadata_title(document)
        except pdfium.PdfiumError as exc:
            raise CorruptDocumentError() from exc
        finally:
            document.close()
    running = _running_lines(pages)
    kept = []
    for lines in pages:
        body = [line for line in lines if _DIGITS.sub("#", line) not in running]
        kept.append("\n".join(_unwrap(body)))
    return "\n".join(kept), title
