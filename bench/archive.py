"""Time `extractor run` (rules) on archives of real reports, and what an analyst waits for afterwards.

An archive of N documents is made of copies of the seeds and the corpus articles (`../shared`), each copy with a
distinct line appended so that every file is a new document. For each size it measures, in cold processes:

- `extractor run` with each `--workers` value asked for, interleaved (A B A B ...) `--repeat` times, each on a
  new database: wall time (median), documents per minute, seconds per MB, peak memory (the largest process);
- a no-op re-run of the same archive (every document unchanged);
- the analysts' views (`current_facts`, `forecast_vs_actual`, `conflicts`, each read whole) on the database made;
- the start-up of `extractor series` on that database.

Usage: python bench/archive.py [--sizes 200 500] [--workers 1 2] [--repeat 2] [--shared ../shared]
Prints one line per measurement; copy them into docs/benchmarks.md with the machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("current_facts", "forecast_vs_actual", "conflicts")


def sources(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "docs").glob("*.txt"))


def make_archive(folder: Path, count: int, shared: Path) -> int:
    """Write `count` copies of the real documents into folder, each made distinct by its last line; total bytes."""
    originals = [(p.stem, p.read_text(encoding="utf-8")) for p in sources(shared)]
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        stem, text = originals[i % len(originals)]
        copy = f"{text.rstrip()}\n\nArchive copy {i}.\n"
        (folder / f"{i:05d}_{stem}.txt").write_text(copy, encoding="utf-8")
        size += len(copy.encode())
    return size


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KB, the largest process) of one command, via /usr/bin/time -v."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return seconds, int(peak.group(1)) if peak else 0


def run_command(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "run", str(folder), "--db", str(db), "--provider", "rules",
            "--workers", str(workers)]


def view_seconds(db: Path, repeat: int) -> dict[str, float]:
    """Median seconds to read each view whole, each read in a fresh connection opened as the commands open it."""
    code = (
        "import sys, time\nfrom extractor.store import open_store\n"
        "store = open_store(sys.argv[1])\nstart = time.perf_counter()\n"
        "rows = store.db.execute(f'SELECT * FROM {sys.argv[2]}').fetchall()\n"
        "print(time.perf_counter() - start, len(rows))\n"
    )
    found = {}
    for view in VIEWS:
        times = []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, "-c", code, str(db), view], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout.split()
            times.append(float(out[0]))
        found[view] = statistics.median(times)
        found[f"{view} rows"] = int(out[1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 500])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each workers value, interleaved")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, default=None, help="make the archives and databases here, and keep them")
    args = parser.parse_args()
    if not sources(args.shared):
        raise SystemExit(f"no seeds or corpus under {args.shared}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        for count in args.sizes:
            folder = work / f"archive_{count}"
            megabytes = make_archive(folder, count, args.shared) / 1e6
            times: dict[int, list[float]] = {w: [] for w in args.workers}
            peaks: dict[int, list[int]] = {w: [] for w in args.workers}
            last_db = None
            for attempt in range(args.repeat):
                for workers in args.workers:
                    db = work / f"archive_{count}_w{workers}_{attempt}.db"
                    db.unlink(missing_ok=True)
                    seconds, peak = timed(run_command(folder, db, workers))
                    times[workers].append(seconds)
                    peaks[workers].append(peak)
                    last_db = db
            for workers in args.workers:
                median = statistics.median(times[workers])
                print(f"{count} documents ({megabytes:.1f} MB), --workers {workers}: median {median:.2f} s of "
                      f"{', '.join(f'{t:.2f}' for t in times[workers])}; {count / median * 60:.0f} docs/min; "
                      f"{median / megabytes:.2f} s/MB; peak memory {max(peaks[workers]) / 1024:.0f} MB")
            if len(args.workers) > 1:
                base = statistics.median(times[args.workers[0]])
                for workers in args.workers[1:]:
                    print(f"{count} documents: --workers {workers} is {base / statistics.median(times[workers]):.2f}x "
                          f"--workers {args.workers[0]}")
            assert last_db is not None
            noop = [timed(run_command(folder, last_db, args.workers[-1]))[0] for _ in range(args.repeat)]
            print(f"{count} documents, no-op re-run: median {statistics.median(noop):.2f} s of "
                  f"{', '.join(f'{t:.2f}' for t in noop)}")
            found = view_seconds(last_db, max(3, args.repeat))
            print(f"{count} documents, views (median of {max(3, args.repeat)}, fresh connection): " + "; ".join(
                f"{v} {found[v]:.3f} s ({found[v + ' rows']} rows)" for v in VIEWS))
            series = [timed([sys.executable, "-m", "extractor", "series", "copper_cathode", "--db", str(last_db),
                             "--format", "csv"])[0] for _ in range(max(3, args.repeat))]
            print(f"{count} documents, `extractor series copper_cathode --format csv`: median "
                  f"{statistics.median(series):.2f} s")


if __name__ == "__main__":
    main()
