"""Text out of PDF and DOCX reports, through real libraries (the `docs` extra: pypdf, python-docx)."""

from __future__ import annotations

import io

from extractor.errors import DocumentError

INSTALL = "pip install 'extractor[docs]'"


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(b"%PDF-")


def is_docx(raw: bytes, suffix: str) -> bool:
    return raw.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in raw[:4096])


def pdf_text(raw: bytes, label: str) -> str:
    """The text of every page, pages separated by blank lines. Raises DocumentError without pypdf or text."""
    try:
        import pypdf
    except ImportError as e:
        raise DocumentError(label, f"is a PDF; reading PDFs needs the docs extra: {INSTALL}") from e
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds for broken files
        raise DocumentError(label, f"is a PDF that cannot be read ({type(e).__name__}: {e})") from e
    if not any(p.strip() for p in pages):
        raise DocumentError(label, "is a PDF with no text layer (a scan?); run OCR on it first")
    return "\n\n".join(pages)


def docx_text(raw: bytes, label: str) -> str:
    """The text of every paragraph and table cell, one per line. Raises DocumentError without python-docx."""
    try:
        import docx
    except ImportError as e:
        raise DocumentError(label, f"is a Word document; reading DOCX needs the docs extra: {INSTALL}") from e
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as e:  # noqa: BLE001
        raise DocumentError(label, f"is a Word document that cannot be read ({type(e).__name__}: {e})") from e
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)
