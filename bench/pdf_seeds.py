"""Seeds printed to PDF score as their .txt do: print seeds to PDF, then score the PDFs and the .txt files with
`extractor eval --provider rules` against the same gold.

Usage: python bench/pdf_seeds.py [--seeds ../shared/seeds] [--out /tmp/pdfseeds] [--pick 001 003]
                                 [--printer reportlab|chromium]

The PDFs are printed the way a report's PDF is laid out, to test what reading one must undo: a narrow justified
column (10 pt on a 280 pt measure, about 55 characters a line) that wraps every paragraph and hyphenates words at
line ends (reportlab's hyphenation through pyphen), headings in bold, paragraphs a space apart, paragraphs running
on over page breaks. Needs `pip install reportlab pyphen` (for making the PDFs only; the extractor reads them with
the docs extra). `--printer chromium` prints them as a browser does instead (needs `apt-get install chromium`). The seeds are the user's reports: the PDFs, copies and reports stay in --out, outside the repo.
The gold is keyed by document name, so each seed's gold is scored against `<stem>.pdf` under that name.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # embedded where present (dashes, quotes), else Helvetica
PAGE, MARGIN = (360, 560), 40
HEADING_CHARACTERS = 70  # a short line that does not end a sentence is printed as a heading


def print_pdf(text: str, pdf: Path) -> None:
    """The text as a PDF: each line of it a heading or a paragraph of the narrow column."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    regular, bold = "Helvetica", "Helvetica-Bold"
    if (FONTS / "DejaVuSans.ttf").exists() and (FONTS / "DejaVuSans-Bold.ttf").exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
        regular, bold = "DejaVuSans", "DejaVuSans-Bold"
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, alignment=TA_JUSTIFY, spaceAfter=6,
                          hyphenationLang="en_US", embeddedHyphenation=1)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=4)
    story = []
    for line in text.splitlines():
        if line.strip():
            short = len(line) < HEADING_CHARACTERS and not line.rstrip().endswith(".")
            story.append(Paragraph(escape(line.strip()), heading if short else body))
    SimpleDocTemplate(str(pdf), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN, title=pdf.stem).build(story)


def print_pdf_chromium(text: str, pdf: Path) -> None:
    """The text as headless Chromium prints it as a web page: the same narrow justified column, with no hyphenation
    (Chromium has no dictionary here), so lines break only at spaces and at compounds' own hyphens."""
    page = pdf.with_suffix(".html")
    blocks = [f"<h3>{escape(line.strip())}</h3>" if len(line) < HEADING_CHARACTERS and not line.rstrip().endswith(".")
              else f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip()]
    page.write_text("<html lang='en'><head><meta charset='utf-8'><style>@page { size: 130mm 190mm; margin: 15mm } "
                    "body { font-family: 'DejaVu Serif', serif; font-size: 10pt; text-align: justify; hyphens: auto } "
                    "h3 { font-size: 11pt }</style></head><body>" + "\n".join(blocks) + "</body></html>",
                    encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("--printer chromium needs chromium: apt-get install -y chromium")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=300)
    page.unlink()


def score(gold: Path, docs: Path, report: Path) -> dict[str, float]:
    """Core, all-facts and drivers F1 of the rules on these documents."""
    subprocess.run([sys.executable, "-m", "extractor", "eval", "--gold", str(gold), "--docs", str(docs),
                    "--provider", "rules", "--report", str(report)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    overall = json.loads((report / "report.json").read_text())["overall"]
    return {scope: overall[scope]["f1"] for scope in ("core", "all", "drivers")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold")
    parser.add_argument("--out", type=Path, default=Path("/tmp/pdfseeds"))
    parser.add_argument("--pick", nargs="+", default=["001", "003"], help="seed name prefixes (default: 001 003)")
    parser.add_argument("--printer", choices=["reportlab", "chromium"], default="reportlab")
    args = parser.parse_args()
    printer = print_pdf_chromium if args.printer == "chromium" else print_pdf
    try:
        if args.printer == "reportlab":
            import pyphen  # noqa: F401 - reportlab hyphenates only with it
            import reportlab  # noqa: F401
    except ImportError:
        print("making the PDFs needs reportlab and pyphen: pip install reportlab pyphen", file=sys.stderr)
        return 2
    from extractor.text.documents import read_document

    shutil.rmtree(args.out, ignore_errors=True)
    folders = {kind: args.out / kind for kind in ("txt", "pdf", "gold-txt", "gold-pdf")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    lost = []
    for prefix in args.pick:
        [seed] = sorted(args.seeds.glob(f"{prefix}*.txt"))
        shutil.copy(seed, folders["txt"] / seed.name)
        printer(seed.read_text(encoding="utf-8"), folders["pdf"] / f"{seed.stem}.pdf")
        gold = json.loads((args.gold / f"{seed.stem}.json").read_text())
        shutil.copy(args.gold / f"{seed.stem}.json", folders["gold-txt"])
        (folders["gold-pdf"] / f"{seed.stem}.json").write_text(json.dumps({**gold, "document": f"{seed.stem}.pdf"}))
        text = read_document(folders["pdf"] / f"{seed.stem}.pdf", 20_000_000).text
        lost += [f"{seed.stem}.pdf: {q!r}" for q in {f["quote"] for f in gold["facts"]} if q not in text]
    txt = score(folders["gold-txt"], folders["txt"], args.out / "report-txt")
    pdf = score(folders["gold-pdf"], folders["pdf"], args.out / "report-pdf")
    print(f"seeds {', '.join(args.pick)} printed to PDF by {args.printer} in {folders['pdf']}")
    print("| input | core F1 | all-facts F1 | drivers F1 |\n| --- | ---: | ---: | ---: |")
    for name, scores in (("txt", txt), ("pdf", pdf)):
        print(f"| {name} | {scores['core']:.3f} | {scores['all']:.3f} | {scores['drivers']:.3f} |")
    print(f"gold quotes not found in the PDFs' text: {len(lost)}")
    for line in lost:
        print(f"  {line}")
    worst = max(abs(txt[scope] - pdf[scope]) for scope in ("core", "all"))
    print(f"largest difference on core and all-facts F1: {worst:.3f} ({'within' if worst <= 0.02 else 'over'} 0.02)")
    return 0 if worst <= 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
