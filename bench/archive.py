"""Time `extractor run` (rules) on archives of real reports, and what an analyst waits for afterwards.

An archive of N documents is made of copies of the seeds and the corpus articles (`../shared`), each copy with a
distinct line appended so that every file is a new document. For each size it measures, in cold processes:

- `extractor run` with each `--workers` value asked for, interleaved (A B A B ...) `--repeat` times, each on a
  new database: wall time (median), documents per minute, seconds per MB, peak memory (the largest process);
- a no-op re-run of the same archive (every document unchanged);
- the analysts' views (`current_facts`, `forecast_vs_actual`, `conflicts`, each read whole) on the database made;
- the start-up of `extractor series` on that database.

Usage: python bench/archive.py [--sizes 200 500] [--workers 1 2] [--repeat 2] [--shared ../shared]
       python bench/archive.py --code /tmp/old-checkout --workers 0   # an older checkout (0: no --workers flag)
Prints one line per measurement (wall seconds, and CPU seconds of the batch's process, user + system: the pool's
workers are not counted, so compare CPU only between runs of one process;
on a machine shared with other work, CPU time moves less than wall time); copy them into docs/benchmarks.md with
the machine.
"""

from __future__ import annotations

import argparse
import os
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


CODE: Path | None = None  # another checkout to measure (--code), else this one


def timed(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (KB, the largest process) and CPU seconds (user + system, with the
    children waited for) of one command, via /usr/bin/time -v."""
    env = {**os.environ, "PYTHONPATH": str(CODE)} if CODE else None
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=CODE or ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", done.stderr))
    return seconds, int(peak.group(1)) if peak else 0, cpu


def run_command(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "run", str(folder), "--db", str(db), "--provider", "rules",
            *(["--workers", str(workers)] if workers else [])]


def view_seconds(db: Path, repeat: int) -> dict[str, float]:
    """Median seconds to read each view whole, each read in a fresh connection opened as the commands open it."""
    code = (
        "import sys, time\nfrom extractor.store import open_store\n"
        "store = open_store(sys.argv[1])\nstart, cpu = time.perf_counter(), time.process_time()\n"
        "rows = store.db.execute(f'SELECT * FROM {sys.argv[2]}').fetchall()\n"
        "print(time.perf_counter() - start, len(rows), time.process_time() - cpu)\n"
    )
    found = {}
    env = {**os.environ, "PYTHONPATH": str(CODE)} if CODE else None
    for view in VIEWS:
        times, cpus = [], []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, "-c", code, str(db), view], cwd=CODE or ROOT, capture_output=True,
                                 text=True, check=True, env=env).stdout.split()
            times.append(float(out[0]))
            cpus.append(float(out[2]))
        found[view] = statistics.median(times)
        found[f"{view} cpu"] = statistics.median(cpus)
        found[f"{view} rows"] = int(out[1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 500])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each workers value, interleaved")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, default=None, help="make the archives and databases here, and keep them")
    parser.add_argument("--code", type=Path, default=None,
                        help="measure this checkout instead (e.g. `git archive main | tar -x -C DIR`)")
    parser.add_argument("--skip-runs", action="store_true",
                        help="only the no-op re-run, views and start-up, on the database --keep holds from before "
                             "(archive_N_wW_0.db, W the last --workers)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve() if args.code else None
    if not sources(args.shared):
        raise SystemExit(f"no seeds or corpus under {args.shared}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        for count in args.sizes:
            folder = work / f"archive_{count}"
            megabytes = make_archive(folder, count, args.shared) / 1e6
            times: dict[int, list[float]] = {w: [] for w in args.workers}
            cpus: dict[int, list[float]] = {w: [] for w in args.workers}
            peaks: dict[int, list[int]] = {w: [] for w in args.workers}
            last_db = work / f"archive_{count}_w{args.workers[-1]}_{0 if args.skip_runs else args.repeat - 1}.db"
            for attempt in range(0 if args.skip_runs else args.repeat):
                for workers in args.workers:
                    db = work / f"archive_{count}_w{workers}_{attempt}.db"
                    for old in db.parent.glob(db.name + "*"):
                        old.unlink()
                    seconds, peak, cpu = timed(run_command(folder, db, workers))
                    times[workers].append(seconds)
                    cpus[workers].append(cpu)
                    peaks[workers].append(peak)
                    print(f"  {count} documents, --workers {workers}, run {attempt + 1}: {seconds:.2f} s, "
                          f"CPU {cpu:.2f} s", flush=True)
            for workers in args.workers if not args.skip_runs else []:
                median = statistics.median(times[workers])
                print(f"{count} documents ({megabytes:.1f} MB), --workers {workers}: median {median:.2f} s of "
                      f"{', '.join(f'{t:.2f}' for t in times[workers])}; {count / median * 60:.0f} docs/min; "
                      f"{median / megabytes:.2f} s/MB; CPU {statistics.median(cpus[workers]):.2f} s; "
                      f"peak memory {max(peaks[workers]) / 1024:.0f} MB")
            if len(args.workers) > 1 and not args.skip_runs:
                base = statistics.median(times[args.workers[0]])
                for workers in args.workers[1:]:
                    print(f"{count} documents: --workers {workers} is {base / statistics.median(times[workers]):.2f}x "
                          f"--workers {args.workers[0]}")
            noops = [timed(run_command(folder, last_db, args.workers[-1])) for _ in range(args.repeat)]
            print(f"{count} documents, no-op re-run: median {statistics.median(n[0] for n in noops):.2f} s of "
                  f"{', '.join(f'{n[0]:.2f}' for n in noops)}; CPU {statistics.median(n[2] for n in noops):.2f} s")
            found = view_seconds(last_db, max(3, args.repeat))
            print(f"{count} documents, views (median of {max(3, args.repeat)}, fresh connection): " + "; ".join(
                f"{v} {found[v]:.3f} s (CPU {found[v + ' cpu']:.3f} s, {found[v + ' rows']} rows)" for v in VIEWS))
            series = [timed([sys.executable, "-m", "extractor", "series", "copper_cathode", "--db", str(last_db),
                             "--format", "csv"]) for _ in range(max(3, args.repeat))]
            print(f"{count} documents, `extractor series copper_cathode --format csv`: median "
                  f"{statistics.median(s[0] for s in series):.2f} s; "
                  f"CPU {statistics.median(s[2] for s in series):.2f} s")


if __name__ == "__main__":
    main()
