"""The default LLM flow (the read strategy) against the LLM's accuracy p, on every gold set, against the rules.

Usage: python bench/oracle_read.py [--p 1 0.9 0.5 0.3] [--also NAME GOLD DOCS ...]
Runs `extractor eval --oracle-p P` (default LLM options) and `--provider rules` on the seeds, the corpus and both
parts of corpus-wide, and prints a markdown table for docs/benchmarks.md: core / all-facts / drivers F1 and report
months right. The oracle answers every question from the gold itself: a measuring instrument, not a model.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (ROOT / "eval" / "gold", SHARED / "seeds"),
    "corpus": (SHARED / "corpus" / "gold", SHARED / "corpus" / "docs"),
    "corpus-wide tune": (SHARED / "corpus-wide" / "tune" / "gold", SHARED / "corpus-wide" / "tune" / "docs"),
    "corpus-wide validation": (SHARED / "corpus-wide" / "validation" / "gold",
                               SHARED / "corpus-wide" / "validation" / "docs"),
}


def scores(gold: Path, docs: Path, extra: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "extractor", "eval", "--gold", str(gold), "--docs", str(docs),
                        "--report", tmp, *extra], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=ROOT)
        report = json.loads((Path(tmp) / "report.json").read_text())
    overall = report["overall"]
    months = report.get("report_month_accuracy")
    right = f", months {months:.2f}" if months is not None else ""
    return f"{overall['core']['f1']:.3f} / {overall['all']['f1']:.3f} / {overall['drivers']['f1']:.3f}{right}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--p", type=float, nargs="*", default=[1.0, 0.9, 0.5, 0.3])
    parser.add_argument("--also", nargs=3, action="append", default=[], metavar=("NAME", "GOLD", "DOCS"),
                        help="another gold set to measure (pages collected for reading, never committed)")
    parser.add_argument("--only", nargs="*", default=None, help="measure only these sets (by name)")
    args = parser.parse_args()
    sets = {**SETS, **{name: (Path(gold), Path(docs)) for name, gold, docs in args.also}}
    if args.only is not None:
        sets = {name: paths for name, paths in sets.items() if name in args.only}
    header = ["set", "rules", *(f"oracle p = {p:g}" for p in args.p)]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for name, (gold, docs) in sets.items():
        if not docs.exists():
            continue
        cells = [scores(gold, docs, ["--provider", "rules"])]
        cells += [scores(gold, docs, ["--oracle-p", str(p)]) for p in args.p]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
