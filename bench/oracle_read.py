"""The default LLM flow (the read strategy) against the LLM's accuracy p, on every gold set, against the rules.

Usage: python bench/oracle_read.py [--p 1 0.9 0.5 0.3] [--seeds N] [--also NAME GOLD DOCS ...]
Runs `extractor eval --oracle-p P` (default LLM options) and `--provider rules` on the seeds, the corpus and both
parts of corpus-wide, and prints a markdown table for docs/benchmarks.md: core / all-facts / drivers F1 and report
months right. The oracle answers every question from the gold itself: a measuring instrument, not a model.
With `--seeds N` every p under 1 is measured on N of the oracle's draws of mistakes (`--oracle-seed 0..N-1`) and
the cell gives their mean, with the lowest and highest core F1: on a set of 16 documents one draw moves core F1 by
0.03 or more.
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
    return _cell(_measure(gold, docs, extra))


def _measure(gold: Path, docs: Path, extra: list[str]) -> tuple[float, float, float, float | None]:
    """Core, all-facts and drivers F1 and the share of report months right, of one eval."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "extractor", "eval", "--gold", str(gold), "--docs", str(docs),
                        "--report", tmp, *extra], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=ROOT)
        report = json.loads((Path(tmp) / "report.json").read_text())
    overall = report["overall"]
    return (overall["core"]["f1"], overall["all"]["f1"], overall["drivers"]["f1"], report.get("report_month_accuracy"))


def _cell(measured: tuple[float, float, float, float | None]) -> str:
    core, every, drivers, months = measured
    right = f", months {months:.2f}" if months is not None else ""
    return f"{core:.3f} / {every:.3f} / {drivers:.3f}{right}"


def over_seeds(gold: Path, docs: Path, p: float, seeds: int) -> str:
    """The mean of `seeds` draws of the oracle's mistakes at p, and the range of their core F1."""
    if p >= 1 or seeds <= 1:
        return scores(gold, docs, ["--oracle-p", str(p)])
    runs = [_measure(gold, docs, ["--oracle-p", str(p), "--oracle-seed", str(seed)]) for seed in range(seeds)]
    mean = tuple(sum(r[i] or 0.0 for r in runs) / len(runs) for i in range(4))
    months = mean[3] if runs[0][3] is not None else None
    cores = [r[0] for r in runs]
    return f"{_cell((mean[0], mean[1], mean[2], months))} (core {min(cores):.3f}-{max(cores):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--p", type=float, nargs="*", default=[1.0, 0.9, 0.5, 0.3])
    parser.add_argument("--also", nargs=3, action="append", default=[], metavar=("NAME", "GOLD", "DOCS"),
                        help="another gold set to measure (pages collected for reading, never committed)")
    parser.add_argument("--only", nargs="*", default=None, help="measure only these sets (by name)")
    parser.add_argument("--seeds", type=int, default=1, help="draws of the oracle's mistakes to average for p < 1")
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
        cells += [over_seeds(gold, docs, p, args.seeds) for p in args.p]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
