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
    """One line of characters (left to right) as a PrintedLine."""
    printed = [c for c in row if c.get_text().strip()] or row
    em = Counter(round(c.size, 1) for c in printed).most_common(1)[0][0]
    start, right = printed[0].x0, max(c.x1 for c in printed)
    cells: list[str] = []
    text, spaced, last, first_word = "", False, None, None
    for char in row:
        glyph = _LIGATURES.get(char.get_text(), char.get_text()).replace("\xa0", " ")
        if not glyph.strip():
            spaced = True  # a printed space: justified lines print it narrow and move the next word along
            continue
        if last is not None:
            gap = char.x0 - last.x1
            if gap > 1.5 * em:
                cells.append(text)
                text = ""
            elif spaced or gap > 0.2 * em:
                text += " "
                first_word = last.x1 - start if first_word is None else first_word
        text += glyph
        spaced, last = False, char
    cells.append(text)
    return PrintedLine(
        text=" | ".join(cells).join(("| ", " |")) if len(cells) > 1 else cells[0],
        page=page, left=start, right=right, top=max(c.y1 for c in row), bottom=min(c.y0 for c in row), size=em,
        bold=sum(1 for c in printed if _BOLD.search(c.fontname)) > len(printed) / 2,
        first_word=right - start if first_word is None else first_word, cells=len(cells) > 1)


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
