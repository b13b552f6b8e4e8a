"""Time `extractor run` (rules) from a cold process: on the seeds, and on a synthetic archive.

Usage: python bench/run_seeds.py [--seeds ../shared/seeds] [--synthetic 500]
Prints one line per measurement; copy them into docs/benchmarks.md with the machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_run(inputs: Path, db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "run", str(inputs), "--db", str(db), "--provider", "rules"], check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def synthetic_archive(folder: Path, count: int) -> None:
    """Copies of our fixture review with the month and numbers varied, so every file is a new document."""
    template = (ROOT / "tests" / "fixtures" / "review_2024_06.txt").read_text()
    for i in range(count):
        text = template.replace("21,300", f"{21_000 + i:,}").replace("2.04%", f"{1 + i % 97 / 10:.2f}%")
        (folder / f"report_{i:04d}.txt").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--synthetic", type=int, nargs="*", default=[100, 500])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.seeds.is_dir():
            seconds = timed_run(args.seeds, work / "seeds.db")
            print(f"seeds ({len(list(args.seeds.glob('*.txt')))} files), cold process, rules: {seconds:.2f} s")
            seconds = timed_run(args.seeds, work / "seeds.db")
            print(f"seeds re-run (all unchanged): {seconds:.2f} s")
        for count in args.synthetic:
            folder = work / f"synthetic_{count}"
            folder.mkdir()
            synthetic_archive(folder, count)
            seconds = timed_run(folder, work / f"synthetic_{count}.db")
            print(f"synthetic archive of {count} reports: {seconds:.2f} s ({seconds / count * 1000:.1f} ms/report)")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
