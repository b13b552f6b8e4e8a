"""PDFs read as their text: lines a page wrapped joined again, hyphenated words whole, tables' rows kept, through the
CLI into a real database. The PDFs are written by hand here (the PDF syntax and the report are ours)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.text.office import printed_lines

from .labels import has
from .pdfs import assemble
from .sqlrows import rows

pytest.importorskip("pdfminer", reason="pdfminer.six is in the dev extra")
from pdfminer.fontmetrics import FONT_METRICS  # noqa: E402 - Helvetica's widths, to justify lines as a page does

LEFT, MEASURE = 40.0, 200.0

# A report as a narrow justified column prints it: a figure's number and unit on two lines, and "production",
# the word that says what the figure is, hyphenated at a line's end.
ZINC_PAGE = [
    ("Refined Zinc", "bold"),
    ("In June 2024, China's refined zinc produc-", "justified"),
    ("tion rose 2.4% MoM to a total of 512,300", "justified"),
    ("mt, as two smelters in Yunnan came back", "justified"),
    ("from maintenance early in the month.", "last"),
]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _width(text: str, font: str, size: float) -> float:
    return sum(FONT_METRICS[font][1][ch] for ch in text) * size / 1000


def _pdf(pages: list[list[tuple[str, str | float]]]) -> bytes:
    """A PDF of pages of lines in Helvetica, 13 pt apart within a paragraph and 21 pt after it: "bold" a heading,
    "justified" a line spaced out to the measure (it must nearly fill it already, as a wrapped line does), "last" a
    paragraph's last line, a number the x at which a table's cell stands on the row written before it."""
    streams = []
    for lines in pages:
        ops, y, row = [], 700.0, 700.0
        for text, kind in lines:
            if isinstance(kind, float):  # a cell of the row just written
                ops.append(f"BT /F1 10 Tf 0 Tw {kind} {row} Td ({_escape(text)}) Tj ET")
                continue
            if kind == "bold":
                ops.append(f"BT /F2 11 Tf {LEFT} {y} Td ({_escape(text)}) Tj ET")
            else:
                natural = _width(text, "Helvetica", 10)
                spread = (MEASURE - natural) / text.count(" ") if kind == "justified" else 0.0
                assert kind != "justified" or natural > 0.85 * MEASURE, f"not a full line: {text!r}"
                ops.append(f"BT /F1 10 Tf {spread:.3f} Tw {LEFT} {y} Td ({_escape(text)}) Tj ET")
            row, y = y, y - (13 if kind == "justified" else 21)
        streams.append("\n".join(ops))
    count = len(pages)
    kids = " ".join(f"{5 + 2 * n} 0 R" for n in range(count))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    for n, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 760] /Resources << /Font << /F1 3 0 R "
                       f"/F2 4 0 R >> >> /Contents {6 + 2 * n} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    return assemble(objects)


def test_a_figure_a_pdf_wraps_over_lines_is_read_whole_and_grounded(tmp_path: Path) -> None:
    report = tmp_path / "zinc.pdf"
    report.write_bytes(_pdf([ZINC_PAGE]))
    db = tmp_path / "smm.db"
    result = CliRunner().invoke(app, ["run", str(report), "--db", str(db)])
    assert result.exit_code == 0, result.output
    [doc] = rows(db, "SELECT format, text FROM documents")
    assert doc["format"] == "pdf"
    assert doc["text"] == ("Refined Zinc\nIn June 2024, China's refined zinc production rose 2.4% MoM to a total of "
                           "512,300 mt, as two smelters in Yunnan came back from maintenance early in the month.\n")
    facts = rows(db, "SELECT commodity, region, metric, segment, content, period, basis, measure, value_num AS value, "
                     "unit, status, quote, quote_start, quote_end FROM facts")
    assert has(facts, 512300, commodity="refined_zinc", period="2024-06", measure="level", unit="mt")
    assert has(facts, 2.4, commodity="refined_zinc", period="2024-06", measure="mom_pct")
    level = next(f for f in facts if f["measure"] == "level")
    assert "512,300 mt" in level["quote"] and doc["text"][level["quote_start"]:level["quote_end"]] == level["quote"]


def test_a_paragraph_runs_on_over_a_page_break(tmp_path: Path) -> None:
    report = tmp_path / "zinc.pdf"
    report.write_bytes(_pdf([ZINC_PAGE[:3], ZINC_PAGE[3:]]))
    text = "".join(line.text + "\n" for line in printed_lines(report.read_bytes()))
    assert text.count("\n") == 5  # as printed
    db = tmp_path / "smm.db"
    assert CliRunner().invoke(app, ["run", str(report), "--db", str(db)]).exit_code == 0
    [doc] = rows(db, "SELECT text FROM documents")
    assert "production rose 2.4% MoM to a total of 512,300 mt, as two smelters" in doc["text"]


def test_a_tables_cells_stay_on_their_rows(tmp_path: Path) -> None:
    table = [("The survey's output for June 2024, by product:", "last"), ("Jun.", "last"), ("MoM", 140.0),
             ("Refined Zinc", "last"), ("512", 140.0), ("2.4%", 200.0), ("Unit: 1,000 tonne", "last")]
    lines = printed_lines(_pdf([table]))
    assert [line.text for line in lines] == ["The survey's output for June 2024, by product:", "| Jun. | MoM |",
                                             "| Refined Zinc | 512 | 2.4% |", "Unit: 1,000 tonne"]
    assert [line.cells for line in lines] == [False, True, True, False]
