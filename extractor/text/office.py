"""Text out of PDF and DOCX reports, through real libraries (the `docs` extra: pdfminer.six, python-docx)."""

from __future__ import annotations

import importlib
import io
import re
from collections import Counter
from typing import Any, Callable, Iterator, TypeVar

from extractor.errors import DocumentError

from .reflow import PrintedLine, reflow

INSTALL = "pip install 'extractor[docs]'"
T = TypeVar("T")
_BOLD = re.compile(r"Bold|Black|Heavy|Semibold", re.I)
_UNMAPPED = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a glyph of a font that maps it to no character
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(b"%PDF-")


def is_docx(raw: bytes, suffix: str) -> bool:
    return raw.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in raw[:4096])


def pdf_text(raw: bytes, label: str) -> str:
    """The text of every page, each paragraph, heading and table row on a line of its own (see `reflow`).

    Raises DocumentError without pdfminer.six, for a PDF it cannot read, or one with no text layer.
    """
    _library("pdfminer", label, "a PDF", "PDFs")
    lines = _read(label, "a PDF", lambda: printed_lines(raw))
    if not any(line.text.strip() for line in lines):
        raise DocumentError(label, "is a PDF with no text layer (a scan?); run OCR on it first")
    return reflow(lines)


def printed_lines(raw: bytes) -> list[PrintedLine]:
    """Every line a PDF prints, page by page from the top, read by pdfminer.six character by character: characters
    whose middles stand within one line's height make a line, words are cut where a space is printed or a gap
    shows, and a gap of over 1.5 em cuts a table's cells."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    def chars(item: Any) -> Iterator[Any]:
        if isinstance(item, LTChar):
            if item.upright:
                yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from chars(child)

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)  # no layout analysis: lines are found here
    interpreter = PDFPageInterpreter(resources, device)
    lines: list[PrintedLine] = []
    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(raw))):
        interpreter.process_page(page)
        rows: list[list[Any]] = []
        low = high = 0.0  # the last row's bottom and top
        for char in sorted(chars(device.get_result()), key=lambda c: -(c.y0 + c.y1)):
            if rows and low <= (char.y0 + char.y1) / 2 <= high:
                rows[-1].append(char)
                low, high = min(low, char.y0), max(high, char.y1)
            else:
                rows.append([char])
                low, high = char.y0, char.y1
        lines.extend(_printed_line(sorted(row, key=lambda c: c.x0), number) for row in rows)
    return lines


def _printed_line(row: list[Any], page: int) -> PrintedLine:
    """One line of characters (left to right) as a PrintedLine: its words, whether it is a table's row, its text."""
    printed = [c for c in row if c.get_text().strip()] or row
    em = Counter(round(c.size, 1) for c in printed).most_common(1)[0][0]
    start, right = printed[0].x0, max(c.x1 for c in printed)
    words, gaps, first_end = _words(row, em, right)
    cells = _is_table_row(gaps, em)
    text = _joined(words, gaps, em if cells else None)
    bold = sum(1 for c in printed if _BOLD.search(c.fontname)) > len(printed) / 2
    return PrintedLine(text=f"| {text} |" if cells else text, page=page, left=start, right=right,
                       top=max(c.y1 for c in row), bottom=min(c.y0 for c in row), size=em, bold=bold,
                       first_word=first_end - start, cells=cells)


def _words(row: list[Any], em: float, right: float) -> tuple[list[str], list[float], float]:
    """The words of a line, the gap before each but the first, and where the first word ends (`right` for a line
    of one word). A word ends at a printed space or a gap wider than a fifth of an em."""
    words: list[str] = []
    gaps: list[float] = []
    first_end, spaced, last = right, False, None
    for char in row:
        glyph = _glyph(char.get_text())
        if not glyph.strip():
            spaced = True  # a printed space: justified lines print it narrow and move the next word along
            continue
        if last is None or spaced or char.x0 - last.x1 > 0.2 * em:
            if last is not None:
                first_end = last.x1 if not gaps else first_end
                gaps.append(char.x0 - last.x1)
            words.append("")
        words[-1] += glyph
        spaced, last = False, char
    return words, gaps, first_end


def _is_table_row(gaps: list[float], em: float) -> bool:
    """A table's cells stand apart by wide gaps of many widths; a justified line spreads its words evenly."""
    return max(gaps, default=0.0) > 1.5 * em and (len(gaps) == 1 or max(gaps) > 1.5 * min(gaps))


def _joined(words: list[str], gaps: list[float], cell_em: float | None) -> str:
    """The words joined by spaces, or by " | " across a gap of over 1.5 em where the line is a table's row
    (`cell_em` its em; None for prose)."""
    text = words[0] if words else ""
    for word, gap in zip(words[1:], gaps):
        text += (" | " if cell_em is not None and gap > 1.5 * cell_em else " ") + word
    return text


def _glyph(text: str) -> str:
    """A character's text: a ligature as its letters, a glyph the PDF gives no character for as U+FFFD."""
    if _UNMAPPED.fullmatch(text) or (len(text) == 1 and ord(text) < 32 and not text.isspace()):
        return "\ufffd"
    return _LIGATURES.get(text, text).replace("\xa0", " ")


def docx_text(raw: bytes, label: str) -> str:
    """The text of every paragraph and table cell, one per line. Raises DocumentError without python-docx."""
    docx = _library("docx", label, "a Word document", "DOCX")
    document = _read(label, "a Word document", lambda: docx.Document(io.BytesIO(raw)))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def _library(module: str, label: str, kind: str, kinds: str) -> Any:
    """The optional library that reads this kind of file, or a one-line refusal saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise DocumentError(label, f"is {kind}; reading {kinds} needs the docs extra: {INSTALL}") from e


def _read(label: str, kind: str, read: Callable[[], T]) -> T:
    try:
        return read()
    except Exception as e:  # noqa: BLE001 - the libraries raise many kinds for broken files
        raise DocumentError(label, f"is {kind} that cannot be read ({type(e).__name__}: {e})") from e
