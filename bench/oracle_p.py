"""Accuracy against the LLM's accuracy p: every strategy and policy, answered by the gold oracle, against rules.

Usage: python bench/oracle_p.py [--gold ../shared/corpus/gold --docs ../shared/corpus/docs] [--p 1 0.9 0.7 0.5 0.3]
Runs `extractor eval --oracle-p P` for each configuration and prints a markdown table for docs/benchmarks.md:
all-facts F1 and drivers F1, with the change against `--provider rules` in parentheses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = [  # (strategy, label policy, driver policy)
    ("assist", "confirm", "keyword"),
    ("assist", "confirm", "confirm"),
    ("assist", "adopt", "llm"),
    ("section", "confirm", "keyword"),
    ("section", "confirm", "confirm"),
    ("section", "adopt", "llm"),
    ("section", "adopt", "union"),
    ("section", "auto", "auto"),
]


def scores(gold: Path, docs: Path, extra: list[str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "extractor", "eval", "--gold", str(gold), "--docs", str(docs),
                        "--report", tmp, *extra], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        overall = json.loads((Path(tmp) / "report.json").read_text())["overall"]
    return overall["all"]["f1"], overall["drivers"]["f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "corpus" / "gold")
    parser.add_argument("--docs", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    parser.add_argument("--p", type=float, nargs="*", default=[1.0, 0.9, 0.7, 0.5, 0.3])
    args = parser.parse_args()
    base_all, base_drivers = scores(args.gold, args.docs, ["--provider", "rules"])
    print(f"rules: all-facts F1 {base_all:.3f}, drivers F1 {base_drivers:.3f}\n")
    header = ["strategy", "labels", "drivers", *(f"p={p:g}" for p in args.p)]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for strategy, labels, drivers in CONFIGS:
        cells = []
        for p in args.p:
            everything, causes = scores(args.gold, args.docs, ["--oracle-p", str(p), "--strategy", strategy,
                                                                "--llm-labels", labels, "--llm-drivers", drivers])
            cells.append(f"{everything:.3f} ({everything - base_all:+.3f}) / {causes:.3f} ({causes - base_drivers:+.3f})")
        print(f"| {strategy} | {labels} | {drivers} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
