"""Text out of PDF and DOCX reports, through real libraries (the `docs` extra: pypdf, python-docx)."""

from __future__ import annotations

import importlib
import io
from typing import Any, Callable, TypeVar

from extractor.errors import DocumentError

INSTALL = "pip install 'extractor[docs]'"
T = TypeVar("T")


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(b"%PDF-")


def is_docx(raw: bytes, suffix: str) -> bool:
    return raw.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in raw[:4096])


def pdf_text(raw: bytes, label: str) -> str:
    """The text of every page, pages separated by blank lines. Raises DocumentError without pypdf or text."""
    pypdf = _library("pypdf", label, "a PDF", "PDFs")
    pages = _read(label, "a PDF", lambda: [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(raw)).pages])
    if not any(p.strip() for p in pages):
        raise DocumentError(label, "is a PDF with no text layer (a scan?); run OCR on it first")
    return "\n\n".join(pages)


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
